/**
 * What the two-browser tests do as a person would, in the sidebar (its closed shadow root, reached
 * through the harness) and in the extension's own pages: find a button by its accessible name and
 * click it with real input, and wait for a text; and read a download once it has content. Shared
 * by the journeys, corrections and undo-race tests, which had each written them out.
 */
import { readFileSync } from 'node:fs';
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import { sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';

/** Long enough for a page under a loaded CI machine; a missing button fails with puppeteer's time-out. */
const WAIT_MS = 15_000;

/** The element a `waitForFunction` found. */
export function elementOf(handle: JSHandle): ElementHandle<Element> {
  const element = handle.asElement();
  if (!element) throw new Error('expected an element');
  return element as ElementHandle<Element>;
}

/** Clicks the sidebar's button whose accessible name (aria-label, else its text) is `name`, inside `scope` when given, as a person's click. */
export async function clickSidebarButton(page: Page, name: string, scope?: ElementHandle<Element>): Promise<void> {
  const handle = await page.waitForFunction(
    (root: ShadowRoot | Element, wanted: string) =>
      [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === wanted) ?? null,
    { timeout: WAIT_MS },
    scope ?? (await sidebarRoot(page)),
    name,
  );
  await elementOf(handle).click();
}

/** Waits until an element of the sidebar matching `selector` has exactly this text (trimmed), or text matching the pattern. */
export async function waitForSidebarText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  await page.waitForFunction(
    (root: ShadowRoot, sel: string, source: string, flags: string) =>
      [...root.querySelectorAll(sel)].some((el) => new RegExp(source, flags).test(el.textContent?.trim() ?? '')),
    { timeout: WAIT_MS },
    await sidebarRoot(page),
    selector,
    typeof expected === 'string' ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : expected.source,
    typeof expected === 'string' ? '' : expected.flags,
  );
}

/** Clicks the extension page's button whose accessible name (aria-label, else its text) starts with `label`. */
export async function clickPageButton(page: Page, label: string): Promise<void> {
  const handle = await page.waitForFunction(
    (wanted: string) =>
      [...document.querySelectorAll('button')].find((b) =>
        (b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '').startsWith(wanted),
      ) ?? null,
    { timeout: WAIT_MS },
    label,
  );
  await elementOf(handle).click();
}

/**
 * The bytes of the download matching `name`, once it has some: Firefox can show the final file's
 * name, empty, a moment before it writes the content to it.
 */
export async function downloaded(lens: ExtensionBrowser, name: RegExp): Promise<Buffer> {
  const path = await lens.waitForDownload(name);
  for (let tries = 0; tries < 100; tries++) {
    const bytes = readFileSync(path);
    if (bytes.length > 0) return bytes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} stayed empty`);
}
