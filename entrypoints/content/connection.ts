/**
 * Keeps the sidebar on an open page when the extension is reloaded or updated.
 *
 * Chrome leaves the old content script running but cut off from the extension: `browser.runtime.id`
 * becomes undefined and every extension API call throws "Extension context invalidated". No event
 * says so. WXT's context notices only when something asks `ctx.isValid` (its ctx timers do) or when
 * a newer copy of this script starts in the page.
 *
 * The summary in the sidebar was read from this page and is still right; only the library is out
 * of reach. So the sidebar stays and says to reload the page. It is removed only when the extension
 * is still connected at invalidation, which means a newer copy of this script took over the page.
 */
import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';

/** How often an open decision page checks that the extension is still there (Chrome sends no event). */
export const CONNECTION_CHECK_MS = 1000;

/** Whether this content script can still reach the extension. */
export function extensionConnected(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

export interface ConnectionEvents {
  /** A newer copy of this script took over the page: remove this one's UI. */
  onReplaced: () => void;
  /** This script has been cut off from the extension: keep the UI, say how to reconnect. */
  onDisconnected: () => void;
}

export function watchConnection(ctx: ContentScriptContext, events: ConnectionEvents): void {
  ctx.onInvalidated(() => (extensionConnected() ? events.onReplaced() : events.onDisconnected()));
  // Reading ctx.isValid is what makes WXT notice the extension has gone and run the listener
  // above. A ctx interval reads it before each call; focus and visibility changes cover the reader
  // coming back from the extensions page. All of them stop when the context ends.
  ctx.setInterval(() => {}, CONNECTION_CHECK_MS);
  const check = () => void ctx.isValid;
  ctx.addEventListener(window, 'focus', check);
  ctx.addEventListener(document, 'visibilitychange', check);
}
