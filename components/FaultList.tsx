import type { Fault } from '../lib/schema';
import { INJUSTICE_TEXT } from '../lib/display-text';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';
import { CorrectedMark, FaultCorrector, type CorrectionsProps } from './CorrectionControls';
import { usePortions } from './use-portions';
import { PortionNote } from './PortionNote';

export function FaultList({
  faults,
  onLocate,
  correcting,
}: {
  faults: Fault[];
  onLocate: (t: LocateTarget) => void;
  /** The case's corrections, when it can be corrected (a saved case): marks and the Correct control. */
  correcting?: CorrectionsProps | null;
}) {
  const shown = usePortions(faults.length);
  return (
    <>
      <ol class="ol-list">
        {faults.slice(0, shown).map((fault, i) => (
          <li key={i} class="ol-item ol-fault" data-injustice={fault.injustice}>
            <div class="ol-item-head">
              <span class={`ol-tag ol-injustice-${fault.injustice}`}>{INJUSTICE_TEXT[fault.injustice]}</span>
              <CorrectedMark applied={correcting?.applied} path={`faults[${i}].injustice`} />
              <CorrectedMark applied={correcting?.applied} path={`faults[${i}]`} />
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
            {correcting && <FaultCorrector props={correcting} index={i} fault={fault} />}
          </li>
        ))}
      </ol>
      <PortionNote shown={shown} total={faults.length} noun="faults" />
    </>
  );
}
