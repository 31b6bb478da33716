import type { Remedy } from '../lib/schema';
import type { PurposeFigures } from '../lib/messages';
import { purposesOf } from '../lib/library/payment-purposes';
import { formatPounds, REMEDY_TEXT } from '../lib/display-text';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';
import { PaymentContext } from './PaymentContext';
import { CorrectedMark, RemedyCorrector, type CorrectionsProps } from './CorrectionControls';
import { usePortions } from './use-portions';
import { PortionNote } from './PortionNote';

export interface RemedyListProps {
  remedies: Remedy[];
  onLocate: (t: LocateTarget) => void;
  /** What the saved cases paid for each purpose, shown beside each payment; absent outside the library's reach. */
  paymentContext?: readonly PurposeFigures[] | null;
  /** The case's corrections, when it can be corrected (a saved case): marks and the Correct control. */
  correcting?: CorrectionsProps | null;
}

export function RemedyList({ remedies, onLocate, paymentContext = null, correcting }: RemedyListProps) {
  const mark = (i: number, field: string) => <CorrectedMark applied={correcting?.applied} path={`remedies[${i}]${field}`} />;
  const shown = usePortions(remedies.length);
  return (
    <>
      <ol class="ol-list">
        {remedies.slice(0, shown).map((remedy, i) => (
          <li key={i} class="ol-item ol-remedy" data-kind={remedy.kind}>
            <div class="ol-item-head">
              <span class={`ol-tag ol-remedy-${remedy.kind}`}>{REMEDY_TEXT[remedy.kind]}</span>
              {mark(i, '.kind')}
              {remedy.amount !== null && <strong class="ol-amount">{formatPounds(remedy.amount)}</strong>}
              {mark(i, '.amount')}
              {mark(i, '')}
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
                  <dd>
                    {remedy.payee}
                    {mark(i, '.payee')}
                  </dd>
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
                  <dd class="ol-deadline">
                    {remedy.deadline.text}
                    {mark(i, '.deadline')}
                  </dd>
                </>
              )}
            </dl>
            {remedy.kind === 'payment' && remedy.amount !== null && (
              <PaymentContext purposes={purposesOf(remedy.purpose)} figures={paymentContext} />
            )}
            <blockquote class="ol-quote">{remedy.text}</blockquote>
            {correcting && <RemedyCorrector props={correcting} index={i} remedy={remedy} />}
          </li>
        ))}
      </ol>
      <PortionNote shown={shown} total={remedies.length} noun="remedies" />
    </>
  );
}
