// @vitest-environment happy-dom
/**
 * The sidebar's host: a closed shadow root, and no event a script makes up reaches the sidebar's
 * handlers. (Every event happy-dom dispatches is untrusted; that real input still acts is shown in
 * real browsers, test/e2e/page-script.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountShadowHost } from '../../entrypoints/content/shadow-host';
import { INPUT_EVENTS } from '../../entrypoints/content/trusted-events';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mountShadowHost', () => {
  it('gives the page a host with no shadow root to read and nothing in its markup', () => {
    const { container } = mountShadowHost(document, 'ombudsman-lens', '');
    container.textContent = 'Tags and note (private)';
    const host = document.querySelector('ombudsman-lens')!;
    expect(host.shadowRoot).toBeNull();
    expect(host.outerHTML).toBe('<ombudsman-lens></ombudsman-lens>');
    expect(document.body.textContent).not.toContain('private');
  });

  it('drops every made-up input event inside the sidebar before its handlers, and cancels it', () => {
    const { container } = mountShadowHost(document, 'ombudsman-lens', '');
    const button = document.createElement('button');
    container.append(button);
    const handler = vi.fn();
    for (const type of INPUT_EVENTS) button.addEventListener(type, handler);
    button.click();
    for (const type of INPUT_EVENTS) {
      const event = new Event(type, { bubbles: true, composed: true, cancelable: true });
      button.dispatchEvent(event);
      expect(event.defaultPrevented, type).toBe(true);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('control: the same events reach a button in a root of the page’s own', () => {
    const root = document.createElement('div').attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    root.append(button);
    const handler = vi.fn();
    for (const type of INPUT_EVENTS) button.addEventListener(type, handler);
    for (const type of INPUT_EVENTS) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    expect(handler).toHaveBeenCalledTimes(INPUT_EVENTS.length);
  });
});
