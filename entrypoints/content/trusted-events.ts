/**
 * Only the reader's own input acts in the sidebar. A page's script that somehow held one of the
 * sidebar's nodes could still call `button.click()` or dispatch a made-up `submit`, `input` or key
 * event; the browser marks every such event `isTrusted: false`. Dropped here, in the capture phase at
 * the shadow root, before any of the sidebar's handlers (all on nodes inside it) can run, and
 * cancelled, so a synthetic click does not submit a form or open a fold either.
 *
 * Checked in the content script's layer rather than in each component, so the components' tests can
 * still drive them with made-up events.
 */
export const INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'submit',
  'beforeinput',
  'input',
  'change',
  'keydown',
  'keyup',
  'keypress',
] as const;

export function dropUntrustedEvents(root: ShadowRoot): void {
  for (const type of INPUT_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}
