/**
 * A saved case's corrections in the library page (the "Saved copy" view): its outcome, faults and
 * remedies as corrected, each with the same Correct controls as the sidebar, and the corrections
 * that no longer match listed. Adding an item needs the page's selection, so it is offered in the
 * sidebar only.
 */
import type { CorrectionsProps } from '../CorrectionControls';
import { CorrectedMark, OutcomeCorrector, UnmatchedCorrections } from '../CorrectionControls';
import { FaultList } from '../FaultList';
import { RemedyList } from '../RemedyList';
import { OutcomeBadge } from '../OutcomeBadge';
import { formatPounds } from '../../lib/display-text';
import type { OutcomeKind } from '../../lib/schema';

export function CaseCorrections({ correcting }: { correcting: CorrectionsProps }) {
  const s = correcting.applied.summary;
  const parserKind = (correcting.applied.original.get('outcome.kind') as OutcomeKind | undefined) ?? s.outcome.kind;
  return (
    <section class="ol-case-corrections" aria-labelledby="ol-corrections-title">
      <h3 id="ol-corrections-title" class="ol-copy-heading">
        What was read, and your corrections
      </h3>
      {correcting.error && (
        <p class="ol-error" role="alert">
          {correcting.error}
        </p>
      )}
      <p>
        Outcome <OutcomeBadge outcome={s.outcome} />
        <CorrectedMark applied={correcting.applied} path="outcome.kind" />
        <OutcomeCorrector props={correcting} kind={s.outcome.kind} parserKind={parserKind} />
      </p>
      <UnmatchedCorrections props={correcting} />
      <h4>Faults found ({s.faults.length})</h4>
      <FaultList faults={s.faults} onLocate={() => {}} correcting={correcting} />
      <h4>
        Remedies ({s.remedies.length}){s.totalPayments > 0 || correcting.applied.corrected.has('totalPayments') ? ', total paid ' : ''}
        {s.totalPayments > 0 || correcting.applied.corrected.has('totalPayments') ? formatPounds(s.totalPayments) : ''}
        <CorrectedMark applied={correcting.applied} path="totalPayments" />
      </h4>
      <RemedyList remedies={s.remedies} onLocate={() => {}} correcting={correcting} />
    </section>
  );
}
