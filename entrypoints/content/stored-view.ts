/**
 * The remembered sidebar view, read from extension storage as early as possible.
 *
 * The read is one IPC round trip. Sent when the main content script starts, its
 * reply often comes only after the browser has drawn a frame of the page, and the
 * sidebar's first paint then waits a frame or two for it. So a tiny script injected
 * at document_start sends it, and the main script (document_idle) finds the answer
 * waiting. Content scripts of one extension share their isolated world, so the
 * promise is handed over under a registered symbol; the page cannot see it.
 */
import { browser } from 'wxt/browser';

const PENDING = Symbol.for('ombudsman-lens:stored-view');
type Holder = { [PENDING]?: Promise<unknown> };

export const SIDEBAR_VIEW_KEY = 'sidebarView';

function readStoredView(): Promise<unknown> {
  try {
    return browser.storage.local.get(SIDEBAR_VIEW_KEY).then(
      (items) => items[SIDEBAR_VIEW_KEY],
      () => undefined,
    );
  } catch {
    // Cut off from the extension (reloaded under the page): no remembered view.
    return Promise.resolve(undefined);
  }
}

/** At document_start: send the read and leave its promise for the main script. */
export function prefetchStoredView(): void {
  (globalThis as Holder)[PENDING] ??= readStoredView();
}

/** The prefetched read, or (when the early script did not run) a new one. */
export function storedView(): Promise<unknown> {
  const holder = globalThis as Holder;
  const pending = holder[PENDING] ?? readStoredView();
  delete holder[PENDING];
  return pending;
}
