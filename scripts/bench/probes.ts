/**
 * Browser-side timing probes (bundled into the in-page scripts; never run in Node).
 *
 * An interaction is timed from the event that starts it (a capture-phase
 * listener, so it fires before the app's own handlers) to the DOM showing its
 * result (a MutationObserver) and then the next animation frame: the time is
 * taken in a requestAnimationFrame callback, the point where the browser is
 * about to draw the frame that shows the result (the convention of the content
 * script's own `ombudsman-lens:painted` mark). Times are `performance.now()`
 * in the page, so nothing of the CDP round trip is counted.
 */

/** performance.now() in the next requestAnimationFrame callback. */
export function nextFrameTime(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

export interface InteractionProbe {
  /** Where to listen for the starting event and to watch for changes. */
  root: Document | ShadowRoot;
  event: 'click' | 'keydown';
  /** Whether this event starts the interaction (e.g. a click on the Save button). */
  isTrigger: (event: Event) => boolean;
  /** Called on each batch of DOM changes after the trigger: whether the result is shown. */
  isDone: (records: MutationRecord[]) => boolean;
  timeoutMs: number;
  /** A description for error messages. */
  name: string;
}

export interface InteractionTiming {
  ms: number;
  /** Mutation batches seen between the trigger and the result. */
  batches: number;
}

let pending: Promise<InteractionTiming> | null = null;

/**
 * Starts listening; the interaction is then performed from outside (Playwright's
 * mouse or keyboard) and `interactionResult()` awaited.
 */
export function armInteraction(probe: InteractionProbe): void {
  pending = new Promise<InteractionTiming>((resolve, reject) => {
    let start: number | null = null;
    let batches = 0;
    const observer = new MutationObserver((records) => {
      if (start === null) return;
      batches++;
      if (!probe.isDone(records)) return;
      const t0 = start;
      finish();
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, batches }));
    });
    const onEvent = (event: Event) => {
      if (start === null && probe.isTrigger(event)) start = performance.now();
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `${probe.name}: ${start === null ? 'the triggering event never came' : 'the result was not shown'} within ${probe.timeoutMs} ms`,
        ),
      );
    }, probe.timeoutMs);
    function finish() {
      clearTimeout(timer);
      observer.disconnect();
      probe.root.removeEventListener(probe.event, onEvent, true);
    }
    observer.observe(probe.root, { childList: true, subtree: true, characterData: true, attributes: true });
    probe.root.addEventListener(probe.event, onEvent, true);
  });
  // Unhandled until awaited: keep the page's console quiet about it.
  pending.catch(() => {});
}

export function interactionResult(): Promise<InteractionTiming> {
  if (!pending) return Promise.reject(new Error('no interaction was armed'));
  const p = pending;
  pending = null;
  return p;
}

/** The text of the button an event happened in (its accessible text as shown), or null. */
export function buttonText(event: Event): string | null {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.tagName === 'BUTTON') return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return null;
}

/**
 * Resolves once the document has gone `quietMs` without a DOM change (the app
 * has finished whatever it was doing: reading the rest of the library, say), or
 * after `timeoutMs` at the latest. Resolves with whether it went quiet.
 */
export function domQuiet(root: Node, quietMs: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs, true);
    const deadline = setTimeout(done, timeoutMs, false);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs, true);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    function done(quiet: boolean) {
      clearTimeout(timer);
      clearTimeout(deadline);
      observer.disconnect();
      resolve(quiet);
    }
  });
}
