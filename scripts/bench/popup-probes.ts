/**
 * esbuild entry (IIFE) installed in the popup as an init script (it runs
 * before the popup's own scripts, at navigation start): records when the app
 * first draws and when the first rows of the saved-cases list are in the DOM
 * (each time taken in the next animation frame), and arms the keystroke and
 * compare probes. Installs `globalThis.__olBench` (see `PopupApi`).
 */
import { armInteraction, buttonText, domQuiet, interactionResult, nextFrameTime } from './probes';
import type { PopupApi } from './page-apis';

const first: { shell: number | null; rows: number | null } = { shell: null, rows: null };
let rowsShown: () => void = () => {};
const rowsPromise = new Promise<void>((resolve) => (rowsShown = resolve));

// Before the popup's scripts run there is not even a <body>: watch the document itself.
const observer = new MutationObserver(() => {
  if (first.shell === null && document.querySelector('.ol-popup')) {
    first.shell = -1;
    void nextFrameTime().then((t) => (first.shell = t));
  }
  if (first.rows === null && document.querySelector('li.ol-case')) {
    first.rows = -1;
    observer.disconnect();
    void nextFrameTime().then((t) => {
      first.rows = t;
      rowsShown();
    });
  }
});
observer.observe(document, { childList: true, subtree: true });

const LIST_REGION = '.ol-scroller, .ol-case-list, .ol-no-match';

function inList(node: Node | null): boolean {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest(LIST_REGION) != null || (el?.matches?.(LIST_REGION) ?? false);
}

let listTouched = false;

const api: PopupApi = {
  async firstRender(timeoutMs) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no list rows within ${timeoutMs} ms of opening the popup`)), timeoutMs);
    });
    try {
      await Promise.race([rowsPromise, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { shell: first.shell ?? NaN, rows: first.rows ?? NaN };
  },

  quiet: (quietMs, timeoutMs) => domQuiet(document, quietMs, timeoutMs),

  armKeystroke(timeoutMs) {
    listTouched = false;
    armInteraction({
      name: 'keystroke in the search box',
      root: document,
      event: 'keydown',
      isTrigger: (e) => e.target instanceof HTMLInputElement && e.target.type === 'search',
      // One Preact commit redraws the list, the match count and the export scope
      // together: the first batch of changes under <main> is that commit.
      isDone: (records) => {
        const mine = records.filter((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('main'));
        if (mine.length === 0) return false;
        listTouched = mine.some(
          (r) =>
            inList(r.target) ||
            [...r.addedNodes, ...r.removedNodes].some((n) => inList(n) || (n instanceof Element && n.querySelector(LIST_REGION) !== null)),
        );
        return true;
      },
      timeoutMs,
    });
  },

  armCompare(columns, timeoutMs) {
    armInteraction({
      name: 'compare',
      root: document,
      event: 'click',
      isTrigger: (e) => /^Compare\b/.test(buttonText(e) ?? ''),
      isDone: () => document.querySelectorAll('.ol-compare-table thead th').length >= columns,
      timeoutMs,
    });
  },

  interactionResult: async () => ({ ...(await interactionResult()), listTouched }),
};

(globalThis as unknown as { __olBench: PopupApi }).__olBench = api;
