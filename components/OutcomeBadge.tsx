import type { Outcome } from '../lib/schema';
import { OUTCOME_TEXT } from '../lib/display-text';

/** The outcome as a coloured badge; "inferred" when it was read from the wording, not a Decision line. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const text = outcome.kind === 'other' ? outcome.label : OUTCOME_TEXT[outcome.kind];
  return (
    <span
      class={`ol-badge ol-outcome-${outcome.kind}`}
      title={outcome.inferred ? 'Inferred from the wording of the decision' : `Decision: ${outcome.label}`}
    >
      {text}
      {outcome.inferred && <span class="ol-inferred"> (inferred)</span>}
    </span>
  );
}
