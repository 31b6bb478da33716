/**
 * The bar on listing and search-results pages: "Save the N decisions on this page", an explicit
 * choice to go on through further result pages, then progress with Cancel, then what was saved and
 * what failed and why. It contacts nothing itself: `run` does the work (save-decisions.ts), and only
 * after a person's own click (a click a page script makes up is ignored: it must not be able to
 * start requests and writes in the person's name). Every text, a failure's message included, is a
 * text node.
 */
import { useRef, useState } from 'preact/hooks';
import { MAX_FURTHER_PAGES } from './listing-links';
import type { SaveAllProgress, SaveAllReport } from './save-decisions';

export interface SaveAllBarProps {
  /** Decisions this page lists that are not in the library yet. */
  unsaved: number;
  alreadySaved: number;
  /** Result pages after this one that the page links to. */
  furtherPages: number;
  run: (furtherPages: number, signal: AbortSignal, onProgress: (progress: SaveAllProgress) => void) => Promise<SaveAllReport>;
}

type BarState =
  | { step: 'ready' }
  | { step: 'running'; progress: SaveAllProgress; cancelling: boolean }
  | { step: 'done'; report: SaveAllReport }
  | { step: 'hidden' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function startLabel(unsaved: number, further: number): string {
  const here = unsaved > 0 ? `Save the ${plural(unsaved, 'decision')} on this page` : 'Save the decisions';
  if (further === 0) return here;
  return `${here}${unsaved > 0 ? ' and' : ' of'} the next ${plural(further, 'result page')}`;
}

function progressText(p: SaveAllProgress): string {
  if (p.total === null) return `Reading result pages: ${p.pagesRead} of ${p.pagesTotal}…`;
  const done = p.saved + p.failed;
  return `Saving: ${done} of ${p.total} done (${p.saved} saved, ${p.failed} failed)`;
}

function summaryText(r: SaveAllReport): string {
  const parts = [`Saved ${plural(r.saved.length, 'decision')}.`];
  if (r.alreadySaved > 0) parts.push(`${r.alreadySaved} already in your library.`);
  if (r.failures.length > 0) parts.push(`${r.failures.length} could not be saved:`);
  return parts.join(' ');
}

export function SaveAllBar(props: SaveAllBarProps) {
  const [state, setState] = useState<BarState>({ step: 'ready' });
  const [further, setFurther] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const maxFurther = Math.min(props.furtherPages, MAX_FURTHER_PAGES);

  const start = async (event: Event) => {
    if (!event.isTrusted || state.step === 'running') return;
    const abort = new AbortController();
    controller.current = abort;
    const pages = Math.max(0, Math.min(further, maxFurther));
    setState({ step: 'running', cancelling: false, progress: { pagesRead: 0, pagesTotal: pages, total: null, saved: 0, failed: 0 } });
    const report = await props.run(pages, abort.signal, (progress) => setState((s) => (s.step === 'running' ? { ...s, progress } : s)));
    controller.current = null;
    setState({ step: 'done', report });
  };
  const cancel = () => {
    controller.current?.abort();
    setState((s) => (s.step === 'running' ? { ...s, cancelling: true } : s));
  };

  if (state.step === 'hidden') return null;
  return (
    <section class="ol-save-all" aria-label="Save decisions from this page">
      <div class="ol-save-all-head">
        <span class="ol-save-all-brand">Ombudsman Lens</span>
        {state.step !== 'running' && (
          <button type="button" class="ol-save-all-close" aria-label="Hide this bar" onClick={() => setState({ step: 'hidden' })}>
            ✕
          </button>
        )}
      </div>
      {state.step === 'ready' && (
        <>
          {props.alreadySaved > 0 && (
            <p class="ol-save-all-note">
              {props.unsaved === 0
                ? `All ${plural(props.alreadySaved, 'decision')} on this page ${props.alreadySaved === 1 ? 'is' : 'are'} in your library.`
                : `${props.alreadySaved} already in your library (skipped).`}
            </p>
          )}
          {maxFurther > 0 && (
            <label class="ol-save-all-further">
              Continue through the next{' '}
              <input
                type="number"
                min={0}
                max={maxFurther}
                step={1}
                value={further}
                onInput={(e) => {
                  const n = Math.trunc(Number((e.currentTarget as HTMLInputElement).value));
                  setFurther(Number.isFinite(n) ? Math.max(0, Math.min(n, maxFurther)) : 0);
                }}
              />{' '}
              result pages (up to {maxFurther})
            </label>
          )}
          <button
            type="button"
            class="ol-save-all-start"
            disabled={props.unsaved === 0 && further === 0}
            onClick={(e) => void start(e as unknown as Event)}
          >
            {startLabel(props.unsaved, further)}
          </button>
        </>
      )}
      {state.step === 'running' && (
        <>
          <p role="status" class="ol-save-all-status">
            {state.cancelling ? 'Cancelling…' : progressText(state.progress)}
          </p>
          <progress
            aria-label="Progress"
            max={state.progress.total ?? Math.max(1, state.progress.pagesTotal)}
            value={state.progress.total === null ? state.progress.pagesRead : state.progress.saved + state.progress.failed}
          />
          <button type="button" onClick={cancel} disabled={state.cancelling}>
            Cancel
          </button>
        </>
      )}
      {state.step === 'done' && (
        <>
          <p role="status" class="ol-save-all-status">
            {summaryText(state.report)}
          </p>
          {state.report.failures.length > 0 && (
            <ul class="ol-save-all-failures" aria-label="Not saved">
              {state.report.failures.map((f) => (
                <li key={f.url}>
                  <strong>{f.what}</strong>: {f.message}
                </li>
              ))}
            </ul>
          )}
          {state.report.cancelled && state.report.notAttempted > 0 && (
            <p class="ol-save-all-note">Cancelled: {plural(state.report.notAttempted, 'decision was', 'decisions were')} not fetched.</p>
          )}
          {state.report.stopped && (
            <p class="ol-save-all-note">
              Stopped: {state.report.stopped}
              {state.report.notAttempted > 0 ? ` (${plural(state.report.notAttempted, 'decision', 'decisions')} not fetched)` : ''}
            </p>
          )}
        </>
      )}
    </section>
  );
}
