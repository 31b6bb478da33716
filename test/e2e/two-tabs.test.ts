/**
 * Two tabs at once, in a real Chromium: the same decision open twice and
 * another decision beside it, saved and then edited at the same moment. One
 * record per decision, and no tab's tags or note lost.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inSidebar,
  launchWithExtension,
  reachSidebar,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../../scripts/browser-harness';

let server: FixtureServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  browser = await launchWithExtension({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDecision(ref: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.decisionUrl(ref));
  await reachSidebar(page);
  await sidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

/** The sidebar, in its closed shadow root (reached by the harness, not by the page). */
const sidebar = (page: Page) => inSidebar(page);

interface StoredRows {
  cases: { reference: string; tags: string[]; note: string }[];
  summaries: number;
  texts: number;
}

/** What the library holds, read straight from IndexedDB in the extension's origin. */
function readLibrary(): Promise<StoredRows> {
  return browser.serviceWorker.evaluate(
    () =>
      new Promise<StoredRows>((resolve, reject) => {
        const open = indexedDB.open('ombudsman-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['cases', 'summaries', 'texts']);
          const cases = tx.objectStore('cases').getAll();
          const summaries = tx.objectStore('summaries').count();
          const texts = tx.objectStore('texts').count();
          tx.oncomplete = () =>
            resolve({
              cases: (cases.result as StoredRows['cases']).map(({ reference, tags, note }) => ({ reference, tags, note })),
              summaries: summaries.result,
              texts: texts.result,
            });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function fillNotes(page: Page, tags: string, note: string): Promise<void> {
  const aside = sidebar(page);
  await aside.locator('summary', { hasText: 'Tags and note' }).click();
  await aside.getByLabel('Tags (comma separated)').fill(tags);
  await aside.getByLabel('Note').fill(note);
}

describe('two tabs at once', () => {
  let tabA: Page;
  let tabB: Page;
  let other: Page;

  it('saving the same decision in two tabs, and another in a third, at the same moment: one record each', async () => {
    [tabA, tabB, other] = await Promise.all([openDecision('18-009-360'), openDecision('18-009-360'), openDecision('19-015-077')]);
    const saveButtons = [tabA, tabB, other].map((page) => sidebar(page).getByRole('button', { name: 'Save', exact: true }));
    // Real clicks (the sidebar drops made-up ones), sent without waiting in between, so the three
    // saves reach the background together.
    await Promise.all(saveButtons.map((button) => button.click()));
    for (const page of [tabA, tabB, other])
      await sidebar(page)
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor({ timeout: 10_000 });

    const library = await readLibrary();
    expect(library.cases.map((c) => c.reference).sort()).toEqual(['18 009 360', '19 015 077']);
    expect(library.summaries).toBe(2);
    expect(library.texts).toBe(2);
  });

  it('editing the same case in two tabs and another case in a third at the same moment loses no tag and no note', async () => {
    // Both tabs start from the same saved state (no tags, no note) and change different things.
    await fillNotes(tabA, 'from A, shared', '');
    await fillNotes(tabB, 'from B, shared', 'Note written in tab B.');
    await fillNotes(other, 'other case', 'Only about 19 015 077.');
    const saves = [tabA, tabB, other].map((page) => sidebar(page).getByRole('button', { name: 'Save tags and note' }));
    await Promise.all(saves.map((button) => button.click()));
    for (const page of [tabA, tabB, other]) await sidebar(page).getByText('Saved.').waitFor({ timeout: 10_000 });

    const library = await readLibrary();
    expect(library.cases).toHaveLength(2);
    const herts = library.cases.find((c) => c.reference === '18 009 360')!;
    expect([...herts.tags].sort()).toEqual(['from A', 'from B', 'shared']);
    // Tab A left the note as it found it (empty), so tab B's note stands whichever edit landed first.
    expect(herts.note).toBe('Note written in tab B.');
    expect(library.cases.find((c) => c.reference === '19 015 077')).toEqual({
      reference: '19 015 077',
      tags: ['other case'],
      note: 'Only about 19 015 077.',
    });
  });

  it("a tab shows the other tab's edits when the reader comes back to it", async () => {
    // Coming back to a tab fires visibilitychange; the sidebar then asks for the saved state again.
    await tabA.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const heading = sidebar(tabA).locator('summary', { hasText: 'Tags and note' });
    await expect.poll(async () => (await heading.textContent())?.includes('from B')).toBe(true);
    expect(await sidebar(tabA).getByLabel('Note').inputValue()).toBe('Note written in tab B.');
  });
});
