/** The messages above the library's view: a problem, a notice (each dismissable), and the records too damaged to show. */

export interface LibraryMessagesProps {
  problem: string | null;
  onDismissProblem: () => void;
  notice: string | null;
  onDismissNotice: () => void;
  corrupted: readonly { reference: string; problem: string }[];
}

/** Damaged records listed at most: the count says how many there are. */
const MAX_CORRUPTED_SHOWN = 50;

export function LibraryMessages({ problem, onDismissProblem, notice, onDismissNotice, corrupted }: LibraryMessagesProps) {
  return (
    <>
      {problem && <Report class="ol-report-refused" role="alert" text={problem} onDismiss={onDismissProblem} />}
      {notice && <Report class="ol-report-ok" role="status" text={notice} onDismiss={onDismissNotice} />}
      {corrupted.length > 0 && (
        <details class="ol-report ol-report-refused">
          <summary>
            {corrupted.length} saved {corrupted.length === 1 ? 'record is' : 'records are'} damaged and not shown
          </summary>
          <ul class="ol-problems">
            {corrupted.slice(0, MAX_CORRUPTED_SHOWN).map((c) => (
              <li key={c.reference}>
                {c.reference}: {c.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** A message with its Dismiss button. */
function Report(props: { class: string; role: 'alert' | 'status'; text: string; onDismiss: () => void }) {
  return (
    <p class={`ol-report ${props.class}`} role={props.role}>
      {props.text}
      <button type="button" class="ol-icon" aria-label="Dismiss" onClick={props.onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </p>
  );
}
