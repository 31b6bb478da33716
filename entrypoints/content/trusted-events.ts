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
        if (event.isTrusted && (type !== 'input' || !isField(event.target) || typed(event))) return;
        event.stopImmediatePropagation();
        event.preventDefault();
        if (type === 'input') undo(event.target);
      },
      { capture: true },
    );
  }
  // A page can also change whichever field has the focus, one inside the sidebar included, with
  // `document.execCommand('insertText')`: the browser then fires a trusted `input` but no
  // `beforeinput`, which typing, pasting, dropping, undoing and spelling corrections all fire first.
  // Such a change is taken back, and the sidebar never sees it.
  root.addEventListener('beforeinput', (event) => event.isTrusted && (announced = event.target), { capture: true });
  root.addEventListener('focusin', (event) => remember(event.target), { capture: true });
}

let announced: EventTarget | null = null;
const accepted = new WeakMap<EventTarget, string>();

/** A field one types text into (a checkbox's `input` comes with no `beforeinput`, rightly). */
function isField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && /^(text|search)$/.test(target.type));
}

function remember(target: EventTarget | null): void {
  if (isField(target)) accepted.set(target, target.value);
}

function typed(event: Event): boolean {
  const ok = event.target === announced;
  announced = null;
  if (ok) remember(event.target);
  return ok;
}

function undo(target: EventTarget | null): void {
  if (isField(target)) target.value = accepted.get(target) ?? target.defaultValue;
}
