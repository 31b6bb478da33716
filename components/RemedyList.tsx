import type { Remedy } from '../lib/schema';
import { formatPounds, REMEDY_TEXT } from './format';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';

export function RemedyList({ remedies, onLocate }: { remedies: Remedy[]; onLocate: (t: LocateTarget) => void }) {
  return (
    <ol class="ol-list">
      {remedies.map((remedy, i) => (
        <li key={i} class="ol-item ol-remedy" data-kind={remedy.kind}>
          <div class="ol-item-head">
            <span class={`ol-tag ol-remedy-${remedy.kind}`}>{REMEDY_TEXT[remedy.kind]}</span>
            {remedy.amount !== null && <strong class="ol-amount">{formatPounds(remedy.amount)}</strong>}
            {remedy.block === null ? (
              <span class="ol-para ol-from-summary">From the summary</span>
            ) : (
              <ParagraphLink
                paragraph={remedy.paragraph}
                target={{ block: remedy.block, sentence: remedy.text, kind: 'remedy' }}
                onLocate={onLocate}
              />
            )}
          </div>
          <dl class="ol-facts">
            {remedy.payee && (
              <>
                <dt>To</dt>
                <dd>{remedy.payee}</dd>
              </>
            )}
            {remedy.purpose && (
              <>
                <dt>For</dt>
                <dd>{remedy.purpose}</dd>
              </>
            )}
            {remedy.deadline && (
              <>
                <dt>By</dt>
                <dd class="ol-deadline">{remedy.deadline.text}</dd>
              </>
            )}
          </dl>
          <blockquote class="ol-quote">{remedy.text}</blockquote>
        </li>
      ))}
    </ol>
  );
}
