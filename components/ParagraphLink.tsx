/** Where an item came from: a button that takes the reader to the paragraph and sentence. */
export interface LocateTarget {
  block: number;
  sentence: string;
  kind: 'fault' | 'remedy' | 'statute' | 'guidance' | 'regulator' | 'complaint';
}

export interface ParagraphLinkProps {
  paragraph: number | null;
  target: LocateTarget;
  onLocate: (target: LocateTarget) => void;
}

export function ParagraphLink({ paragraph, target, onLocate }: ParagraphLinkProps) {
  const label = paragraph === null ? 'Show in text' : `¶ ${paragraph}`;
  return (
    <button
      type="button"
      class="ol-para"
      aria-label={paragraph === null ? 'Show in the decision text' : `Show paragraph ${paragraph} in the decision text`}
      onClick={() => onLocate(target)}
    >
      {label}
    </button>
  );
}
