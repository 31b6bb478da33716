import type { Remedy } from '../lib/schema';
import type { PurposeFigures } from '../lib/messages';
import { purposesOf } from '../lib/library/payment-purposes';
import { formatPounds, REMEDY_TEXT } from './format';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';
import { PaymentContext } from './PaymentContext';

export interface RemedyListProps {
  remedies: Remedy[];
  onLocate: (t: LocateTarget) => void;
  /** What the saved cases paid for each purpose, shown beside each payment; absent outside the library's reach. */
  paymentContext?: readonly PurposeFigures[] | null;
}

export function RemedyList({ remedies, onLocate, paymentContext = null }: RemedyListProps) {
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
          {remedy.kind === 'payment' && remedy.amount !== null && (
            <PaymentContext purposes={purposesOf(remedy.purpose)} figures={paymentContext} />
          )}
          <blockquote class="ol-quote">{remedy.text}</blockquote>
        </li>
      ))}
    </ol>
  );
}
