/**
 * The sidebar's host element and shadow root.
 *
 * WXT's `createShadowRootUi` does this and much more (mounting when an anchor
 * appears, fetching CSS, page-level styles), which cost about 2 KB gzipped in a
 * script that loads on every decision page; and it removes the UI whenever the
 * script's context ends, which is wrong after an extension reload (see
 * connection.ts). This is the part the sidebar uses.
 *
 * The root is closed, and nothing the page can reach keeps a reference to it or to its nodes: the
 * host element has no `shadowRoot` to read, events that leave it are retargeted to the host (their
 * `composedPath()` stops there), and the root lives only in this closure and the content script's
 * isolated world. What the page can still see is the host element itself; see SECURITY.md.
 */
import { dropUntrustedEvents } from './trusted-events';

export interface ShadowHost {
  /** The element inside the shadow root that the sidebar renders into. */
  container: HTMLElement;
  remove: () => void;
}

/** Keys typed in the sidebar's fields must not reach the page's own keyboard shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function mountShadowHost(doc: Document, name: string, css: string): ShadowHost {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  dropUntrustedEvents(shadow);
  const style = doc.createElement('style');
  // The page's styles cannot reach into a shadow root, but inherited properties
  // (font, colour, line height) still flow into it through the host: reset them.
  // Out of the page's flow (the sidebar itself is fixed to the viewport), so adding
  // the host does not make the browser lay the whole page out again: ~10 ms on a decision.
  style.textContent = `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  (doc.body ?? doc.documentElement).append(host);
  return { container, remove: () => host.remove() };
}
