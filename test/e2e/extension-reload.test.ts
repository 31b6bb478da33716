/**
 * The extension is reloaded (or updated) while a decision is open: the sidebar on that page must
 * stay, say how to reconnect, and never throw into the page; the next page load works again.
 *
 * In Chrome an open page's content script is not told: it keeps running, cut off from the
 * extension, and every extension API call throws "Extension context invalidated". Before
 * entrypoints/content/connection.ts the sidebar showed nothing until Save was clicked, collapsing
 * it threw into the page (storage call), and WXT removed it 2.5 s after a paragraph link was
 * clicked (its ctx timer noticed the lost context). Each step below checks one of those.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inSidebar,
  launchWithExtension,
  reachSidebar,
  SCREENSHOT_DIR,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../../scripts/browser-harness';
import { RECONNECT_MESSAGE } from '../../entrypoints/content/library-client';

let server: FixtureServer;
let browser: LaunchedBrowser;
let context: BrowserContext;
const pageErrors: string[] = [];
/** The extension's service worker now: each reload starts a new one. */
let currentWorker: Worker;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  // Chromium disables a command-line-loaded extension that reloads itself unless Developer mode
  // is on (disable reason DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION); anyone reloading an unpacked
  // extension has it on. A store update needs no such switch. The harness sets it in the
  // profile's preferences before launch, so no test reads chrome://extensions' markup.
  browser = await launchWithExtension({ server, developerMode: true });
  context = browser.context;
  currentWorker = browser.serviceWorker;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDecision(ref: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${ref}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(`${ref}: console.${m.type()}: ${m.text()}`);
  });
  await page.goto(server.decisionUrl(ref));
  await reachSidebar(page);
  await inSidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

/** Reloads the extension from its service worker, as `chrome.runtime.reload()` or an update does; resolves with the new worker. */
async function reloadExtension(worker: Worker): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`) && w !== worker;
  const next = context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 });
  // Deferred, so the evaluation returns before the worker it runs in goes away.
  await worker.evaluate(() => {
    setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 0);
  });
  return next;
}

describe('reloading the extension while a decision is open', () => {
  it('keeps the sidebar, says to reload the page, throws nothing into the page, and a fresh load works again', async () => {
    expect(RECONNECT_MESSAGE).toMatch(/reload this page to reconnect/);
    const page = await openDecision('23-017-456');
    const aside = inSidebar(page);
    const notice = aside.getByRole('status').filter({ hasText: RECONNECT_MESSAGE });
    await aside.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await notice.count()).toBe(0);

    const worker = await reloadExtension(currentWorker);
    currentWorker = worker;
    expect(worker.url()).toBe(browser.serviceWorker.url());

    // The notice comes by itself (no click needed), in a live region, and the summary stays.
    await notice.waitFor({ timeout: 10_000 });
    expect(await aside.isVisible()).toBe(true);
    expect(await aside.locator('h2.ol-authority').textContent()).toBe('Derbyshire County Council');
    expect(await aside.locator('section[data-section="faults"] .ol-count').textContent()).toBe('3');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-reconnect-notice.png') });

    // Save says it did not save instead of failing silently or throwing; the notice says why, once.
    await aside.getByRole('button', { name: 'Save', exact: true }).click();
    await aside
      .getByRole('alert')
      .filter({ hasText: /^Not saved\.$/ })
      .waitFor();
    expect(await aside.getByText(RECONNECT_MESSAGE).count()).toBe(1);

    // Collapsing and expanding still work (the view can no longer be remembered: no storage).
    await aside.getByRole('button', { name: 'Collapse the sidebar' }).click();
    await inSidebar(page, '.ol-root').getByRole('button', { name: 'Show the Ombudsman Lens summary' }).click();
    await aside.waitFor();

    // A paragraph link still scrolls and highlights, the highlight still clears itself, and the
    // sidebar is still there afterwards (WXT used to remove it when its timer fired).
    await aside.getByRole('button', { name: 'Show paragraph 61 in the decision text' }).first().click();
    const focusHighlight = () =>
      page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ombudsman-lens-focus'));
    await expect.poll(focusHighlight).toBe(true);
    await expect.poll(focusHighlight, { timeout: 6000 }).toBe(false);
    expect(await aside.isVisible()).toBe(true);
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator('ombudsman-lens').count()).toBe(1);

    expect(pageErrors).toEqual([]);

    // Reloading the page reconnects: a new sidebar, no notice, and Save reaches the new worker.
    await page.reload();
    await reachSidebar(page);
    await aside.waitFor({ timeout: 15_000 });
    expect(await page.locator('ombudsman-lens').count()).toBe(1);
    expect(await notice.count()).toBe(0);
    await aside.getByRole('button', { name: 'Save', exact: true }).click();
    await aside
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });

  it('ends "Saving…" when the extension is reloaded mid-save: the save says it did not save, the notice says why, once', async () => {
    const page = await openDecision('20-003-139');
    const aside = inSidebar(page);
    const save = aside.getByRole('button', { name: 'Save', exact: true });
    await save.waitFor();
    await aside.locator('section[data-section="faults"]').waitFor();

    // Another page of the extension holds the library's tables in a read-write transaction, so the
    // save waits in the background until the reload cuts it off: Chrome then drops its reply.
    const holder = await context.newPage();
    await holder.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    expect(await holder.evaluate(HOLD_LIBRARY)).toBe('holding');
    await save.click();
    await aside.getByRole('button', { name: 'Saving…' }).waitFor();

    currentWorker = await reloadExtension(currentWorker);
    await aside
      .getByRole('alert')
      .filter({ hasText: /^Not saved\.$/ })
      .waitFor({ timeout: 10_000 });
    expect(await save.isEnabled()).toBe(true);
    await aside.getByRole('status').filter({ hasText: RECONNECT_MESSAGE }).waitFor();
    expect(await aside.getByText(RECONNECT_MESSAGE).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Opens the library's database with the bare IndexedDB API and keeps a read-write transaction on
 * its tables alive (a request after each answer) until the page goes or 30 s pass; resolves once
 * it holds. A string, so nothing of Node's transforms reaches the page.
 */
const HOLD_LIBRARY = `new Promise((resolve, reject) => {
  const open = indexedDB.open('ombudsman-lens');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction(['cases', 'summaries', 'texts'], 'readwrite');
    const cases = tx.objectStore('cases');
    const until = Date.now() + 30000;
    const spin = () => {
      if (Date.now() < until) cases.count().onsuccess = spin;
    };
    spin();
    resolve('holding');
  };
})`;
