/**
 * Undo never overwrites newer work (issue #15), in Chromium and in Firefox: a case is deleted in
 * the library page; before Undo is pressed, the same decision is saved again from its page with a
 * new tag and note; then Undo. The copy saved since is kept with its tag and note, the deleted
 * copy's tag and note are added to them, and the page says that it merged. Before `restore`
 * merged, Undo put the old record back and the new tag and note were gone, with no word said.
 *
 * The sidebar's root is closed: the harness reaches it (`sidebarRoot`), and clicks and typing are
 * real input. The Undo toast stays while the keyboard is on it (its button takes focus when it
 * appears, and focus stays in that tab while the decision's tab is used).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';
import { clickPageButton, clickSidebarButton, waitForSidebarText } from './page-actions';

const SIDEBAR = 'aside.ol-sidebar';
const REF = '20-003-139';
const REFERENCE = '20 003 139';

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    lens = await launchExtensionBrowser(browserName, { server });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  /** The decision's page, its sidebar drawn (in front: the analysis waits for a frame). */
  async function openDecision(): Promise<Page> {
    const page = await lens.newPage();
    await page.goto(server.decisionUrl(REF), { waitUntil: 'load' });
    await page.bringToFront();
    await (await sidebarRoot(page, 45_000)).waitForSelector(`${SIDEBAR} section[data-section="faults"]`, { timeout: 45_000 });
    return page;
  }

  /** Saves the decision from its sidebar, then its tags and note, typed. */
  async function saveWith(page: Page, tags: string, note: string): Promise<void> {
    await clickSidebarButton(page, 'Save');
    await waitForSidebarText(page, '[role="status"]', 'Saved');
    const sidebar = await sidebarRoot(page);
    await (await sidebar.waitForSelector(`${SIDEBAR} details.ol-notes-fold > summary`))!.click();
    await (await sidebar.waitForSelector(`${SIDEBAR} .ol-notes input[type="text"]`))!.type(tags);
    await (await sidebar.waitForSelector(`${SIDEBAR} .ol-notes textarea`))!.type(note);
    await clickSidebarButton(page, 'Save tags and note');
    await waitForSidebarText(page, '*', 'Saved.');
  }

  it(
    'keeps the tag and note saved after a delete when Undo is pressed, adds the deleted ones, and says it merged',
    { timeout: 240_000 },
    async () => {
      const first = await openDecision();
      await saveWith(first, 'older tag', 'Older note.');
      await first.close();

      const library = await lens.openExtensionPage('/library.html', { width: 1100, height: 800 });
      await library.waitForFunction(() => document.querySelectorAll('li.ol-case').length === 1, { timeout: 15_000 });
      await clickPageButton(library, `Delete ${REFERENCE}`);
      await library.waitForFunction(() => document.querySelectorAll('li.ol-case').length === 0, { timeout: 15_000 });
      // The toast's Undo has the keyboard, so the toast waits.
      expect(await library.evaluate(() => document.activeElement?.textContent)).toBe('Undo');

      // Saved again from the decision's page, with a new tag and note, while Undo is still offered.
      const again = await openDecision();
      await saveWith(again, 'newer tag', 'Newer note.');

      await library.bringToFront();
      await library.waitForFunction(() => document.querySelectorAll('li.ol-case').length === 1, { timeout: 15_000 });
      await clickPageButton(library, 'Undo');
      await library.waitForFunction(() => document.querySelector('.ol-report-ok')?.textContent?.includes('was saved again'), {
        timeout: 15_000,
      });
      // Its own words: the text before the Dismiss button.
      expect(await library.$eval('.ol-report-ok', (el) => el.firstChild?.textContent?.trim())).toBe(
        `${REFERENCE} was saved again after you deleted it: that newer copy is kept, and the deleted copy's tags and note were added to its own.`,
      );
      expect(await library.$$eval('li.ol-case', (rows) => rows.length)).toBe(1);

      // What the library now holds, as the decision's sidebar reads it afresh.
      await again.reload({ waitUntil: 'load' });
      await again.bringToFront();
      await waitForSidebarText(again, 'summary', 'Tags and note (newer tag, older tag)');
      const note = await (await sidebarRoot(again)).$eval(`${SIDEBAR} .ol-notes textarea`, (el) => (el as HTMLTextAreaElement).value);
      expect(note).toBe('Newer note.\n\nOlder note.');
      await again.close();
      await library.close();
    },
  );
});
