/** What the popup shows before anything is saved: how to get the first case in. */
export function EmptyState() {
  return (
    <section class="ol-empty-state" aria-labelledby="ol-empty-title">
      <h2 id="ol-empty-title">No saved cases yet</h2>
      <ol>
        <li>
          Open a decision on <strong>www.lgo.org.uk</strong> (for example from the{' '}
          <a href="https://www.lgo.org.uk/decisions" target="_blank" rel="noreferrer">
            decisions search
          </a>
          ).
        </li>
        <li>
          The Ombudsman Lens sidebar opens beside it (or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>O</kbd>). Press <strong>Save</strong> in
          the sidebar.
        </li>
        <li>The case appears here. Save two or more to compare them side by side or see figures across them.</li>
      </ol>
      <p class="ol-muted">
        Saved cases stay on this computer, with a copy of the decision text that outlives the page. You can also import a JSON backup below.
      </p>
    </section>
  );
}
