import type { Fault } from '../lib/schema';
import { INJUSTICE_TEXT } from './format';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';

export function FaultList({ faults, onLocate }: { faults: Fault[]; onLocate: (t: LocateTarget) => void }) {
  return (
    <ol class="ol-list">
      {faults.map((fault, i) => (
        <li key={i} class="ol-item ol-fault" data-injustice={fault.injustice}>
          <div class="ol-item-head">
            <span class={`ol-tag ol-injustice-${fault.injustice}`}>{INJUSTICE_TEXT[fault.injustice]}</span>
            <ParagraphLink
              paragraph={fault.paragraph}
              target={{ block: fault.block, sentence: fault.text, kind: 'fault' }}
              onLocate={onLocate}
            />
          </div>
          {fault.heading && <p class="ol-strand">{fault.heading}</p>}
          <blockquote class="ol-quote">{fault.text}</blockquote>
          {fault.injusticeEvidence && fault.injusticeEvidence.sentence !== fault.text && (
            <p class="ol-because">
              <ParagraphLink
                paragraph={fault.injusticeEvidence.paragraph}
                target={{ block: fault.injusticeEvidence.block, sentence: fault.injusticeEvidence.sentence, kind: 'fault' }}
                onLocate={onLocate}
              />{' '}
              {fault.injusticeEvidence.sentence}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
