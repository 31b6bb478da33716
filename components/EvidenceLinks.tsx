import type { Evidence } from '../lib/schema';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';
import { usePortions } from './use-portions';

/**
 * The paragraphs a statute or a piece of guidance is cited in, one link each. On a very long page one
 * Act is cited in dozens of paragraphs: they arrive in portions like a long list (use-portions.ts),
 * with an ellipsis while more are coming.
 */
export function EvidenceLinks({
  evidence,
  kind,
  onLocate,
}: {
  evidence: readonly Evidence[];
  kind: LocateTarget['kind'];
  onLocate: (target: LocateTarget) => void;
}) {
  const shown = usePortions(evidence.length);
  return (
    <>
      {evidence.slice(0, shown).map((e, i) => (
        <ParagraphLink key={i} paragraph={e.paragraph} target={{ block: e.block, sentence: e.sentence, kind }} onLocate={onLocate} />
      ))}
      {shown < evidence.length && (
        <span class="ol-more" aria-hidden="true">
          …
        </span>
      )}
    </>
  );
}
