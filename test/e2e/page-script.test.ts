/**
 * The page's own script against the sidebar, in Chromium and in Firefox: a decision page (seed
 * 18 009 360) whose markup carries a script that runs before the extension's, as the site's own code
 * or any third-party script it loads would. It looks for the sidebar's nodes everywhere a page can
 * (the host's `shadowRoot`, a patched `attachShadow`, every event's `composedPath()`, globals, the
 * host's markup, box and style, the page's text and selection), and tries to unsave the case and
 * change its note (clicks and made-up events on the host and at the Unsave button's place, key
 * presses, `execCommand` into the focused note). It must read nothing that differs between an
 * unsaved and a saved case, and change nothing, while the same actions by real input do work (so
 * each check can fail). What a page can still see is checked and said too: keys typed into the
 * sidebar's fields pass through the page's window, as on any web page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SCREENSHOT_DIR, startFixtureServer, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';

const REF = '18-009-360';
const TAG = 'tag-seen-only-by-me';
const NOTE = 'Note-seen-only-by-me';

/** What the page's script keeps: it runs in the page's own world, before the content script. */
interface PageSpy {
  read(): Record<string, unknown>;
  attack(at: { x: number; y: number }): { hit: string | null; inserted: boolean };
  keys: string[];
}

/** The page's script (serialized into the fixture page, so nothing of the test's world reaches it). */
function pageScript(): void {
  const leaks: string[] = [];
  const keys: string[] = [];
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  const inShadow = (target: EventTarget) => target instanceof Node && target.getRootNode() instanceof ShadowRoot;
  const types = ['click', 'pointerdown', 'mousedown', 'mouseup', 'focusin', 'focusout', 'keydown', 'keyup', 'beforeinput', 'input'];
  for (const type of [...types, 'change', 'submit', 'toggle', 'select', 'selectionchange', 'copy']) {
    window.addEventListener(
      type,
      (event) => {
        for (const node of event.composedPath()) if (inShadow(node)) leaks.push(`${type}: ${(node as Node).nodeName}`);
        if (type === 'keydown') keys.push((event as KeyboardEvent).key);
      },
      true,
    );
  }
  const spy: PageSpy = {
    keys,
    read() {
      const host = document.querySelector('ombudsman-lens')!;
      const selection = getSelection()!;
      selection.selectAllChildren(document.body);
      const selected = selection.toString();
      selection.removeAllRanges();
      const style = getComputedStyle(host);
      return {
        shadowRoot: host.shadowRoot,
        rootsSeen: roots.length,
        leaks: [...leaks],
        hostProperties: Object.getOwnPropertyNames(host),
        hostAttributes: host.getAttributeNames(),
        hostMarkup: host.outerHTML,
        hostText: host.textContent,
        hostBox: JSON.stringify(host.getBoundingClientRect()),
        hostStyle: [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';'),
        bodyText: document.body.innerText,
        bodyContent: document.body.textContent,
        selected,
        globals: Object.getOwnPropertyNames(window).filter((name) => {
          try {
            const value = (window as unknown as Record<string, unknown>)[name];
            return value instanceof ShadowRoot || (value instanceof Node && inShadow(value));
          } catch {
            return false;
          }
        }),
      };
    },
    attack(at) {
      const host = document.querySelector('ombudsman-lens') as HTMLElement;
      host.click();
      host.focus();
      const init = { bubbles: true, composed: true, cancelable: true, clientX: at.x, clientY: at.y };
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) host.dispatchEvent(new MouseEvent(type, init));
      for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, ...init }));
      host.dispatchEvent(new InputEvent('input', { data: 'x', ...init }));
      host.dispatchEvent(new SubmitEvent('submit', init));
      // Whatever is at the Unsave button's place on the screen.
      const hit = document.elementFromPoint(at.x, at.y) as HTMLElement | null;
      hit?.click();
      hit?.dispatchEvent(new MouseEvent('click', init));
      // Typing into whichever field has the focus, as the page's own editor commands would.
      const inserted = document.execCommand('insertText', false, ' changed by the page');
      return { hit: hit?.nodeName ?? null, inserted };
    },
  };
  (window as unknown as { pageSpy: PageSpy }).pageSpy = spy;
}

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    const seed = readFileSync(join(REPO_ROOT, 'seeds', `${REF}.html`), 'utf8');
    const withScript = seed.replace(/<head>/i, `<head><script>(${pageScript.toString()})();</script>`);
    expect(withScript).not.toBe(seed);
    server.addRoute(new URL(server.decisionUrl(REF)).pathname, withScript);
    lens = await launchExtensionBrowser(browserName, { server });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  const spy = <K extends keyof PageSpy>(page: Page, name: K, ...args: unknown[]) =>
    page.evaluate(
      (n: string, a: unknown[]) => {
        const member = (window as unknown as { pageSpy: Record<string, unknown> }).pageSpy[n];
        return typeof member === 'function' ? (member as (...x: unknown[]) => unknown)(...a) : member;
      },
      name,
      args,
    ) as Promise<PageSpy[K] extends (...a: never[]) => infer R ? R : PageSpy[K]>;

  async function open(): Promise<{ page: Page; root: ElementHandle<ShadowRoot> }> {
    const page = await lens.newPage();
    await page.goto(server.decisionUrl(REF), { waitUntil: 'load' });
    const root = await sidebarRoot(page);
    await root.waitForSelector('section[data-section="faults"] .ol-count', { timeout: 15_000 });
    return { page, root };
  }

  /** The sidebar's button whose text is `name`, once there. */
  async function button(page: Page, root: ElementHandle<ShadowRoot>, name: string): Promise<ElementHandle<HTMLButtonElement>> {
    const handle = await page.waitForFunction(
      (r: ShadowRoot, wanted: string) => [...r.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted) ?? null,
      { timeout: 10_000 },
      root,
      name,
    );
    return handle.asElement() as ElementHandle<HTMLButtonElement>;
  }

  const savedState = (root: ElementHandle<ShadowRoot>) =>
    root.evaluate((r) => ({
      saved: r.querySelector('.ol-saved')?.textContent ?? null,
      tags: (r.querySelector('.ol-notes input[type="text"]') as HTMLInputElement | null)?.value ?? null,
      note: (r.querySelector('.ol-notes textarea') as HTMLTextAreaElement | null)?.value ?? null,
    }));

  it('the page reads nothing that tells an unsaved case from a saved one with tags and a note', async () => {
    const { page, root } = await open();
    const before = await spy(page, 'read');

    // By real input: save, open the fold, type tags and a note, save them.
    await (await button(page, root, 'Save')).click();
    await root.waitForSelector('.ol-saved', { timeout: 10_000 });
    await (await root.waitForSelector('details.ol-notes-fold > summary'))!.click();
    await (await root.waitForSelector('.ol-notes input[type="text"]'))!.type(TAG);
    await (await root.waitForSelector('.ol-notes textarea'))!.type(NOTE);
    await (await button(page, root, 'Save tags and note')).click();
    await page.waitForFunction(
      (r: ShadowRoot) => r.querySelector('.ol-notes [role="status"]')?.textContent === 'Saved.',
      { timeout: 10_000 },
      root,
    );
    expect(await savedState(root)).toEqual({ saved: 'Saved', tags: TAG, note: NOTE });
    await page.screenshot({ path: join(SCREENSHOT_DIR, browserName, 'sidebar-page-script.png') });

    const after = await spy(page, 'read');
    expect(after.shadowRoot).toBeNull();
    expect(after.rootsSeen).toBe(0);
    expect(after.leaks).toEqual([]);
    expect(after.globals).toEqual([]);
    expect(after.hostMarkup).toBe('<ombudsman-lens></ombudsman-lens>');
    expect([after.hostProperties, after.hostAttributes]).toEqual([[], []]);
    // Everything the page can read is as it was before the case was saved, tagged and noted.
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain(NOTE);
    expect(JSON.stringify(after)).not.toContain(TAG);

    // What it can see: the keys as they are typed, which pass through the page's window (SECURITY.md).
    expect((await spy(page, 'keys')).join('')).toContain(NOTE);
    await page.close();
  });

  it('the page cannot unsave the case or change its note; real input can', async () => {
    const { page, root } = await open();
    expect(await savedState(root)).toMatchObject({ saved: 'Saved' });
    await (await root.waitForSelector('details.ol-notes-fold > summary'))!.click();
    // The reader's caret in the note, as when they are about to write in it.
    await (await root.waitForSelector('.ol-notes textarea'))!.click();
    const unsave = await button(page, root, 'Unsave');
    const box = (await unsave.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    // What the page can tell: the focus is somewhere in the sidebar.
    expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('OMBUDSMAN-LENS');

    const { hit } = await spy(page, 'attack', at);
    expect(hit).toBe('OMBUDSMAN-LENS');
    // Nothing reached the focused note, not even as an unsaved draft.
    expect(await savedState(root)).toEqual({ saved: 'Saved', tags: TAG, note: NOTE });
    // Made-up events on the nodes themselves, as a script holding them could send (the test holds
    // them through the harness; the page has no way to): all dropped.
    await unsave.evaluate((b) => {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await root.evaluate((r) => {
      const note = r.querySelector('.ol-notes textarea') as HTMLTextAreaElement;
      note.value = 'changed by a script';
      note.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      r.querySelector('form.ol-notes')!.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.reload({ waitUntil: 'load' });
    const reloaded = await sidebarRoot(page);
    await reloaded.waitForSelector('.ol-saved', { timeout: 10_000 });
    expect(await savedState(reloaded)).toEqual({ saved: 'Saved', tags: TAG, note: NOTE });

    // The control: the same Unsave by a real click works.
    await (await button(page, reloaded, 'Unsave')).click();
    await reloaded.waitForSelector('button.ol-primary', { timeout: 10_000 });
    expect(await savedState(reloaded)).toMatchObject({ saved: null });
    await page.close();
  });
});
