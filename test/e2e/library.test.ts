/**
 * The saved-cases library in a real Chromium: save from the sidebar, "Saved" on
 * later visits and on listing pages, then the popup (list, filter, compare,
 * export, import, delete with undo), driven as a person would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, REPO_ROOT, startFixtureServer, type FixtureServer, type LaunchedBrowser } from '../../scripts/browser-harness';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');

let server: FixtureServer;
let browser: LaunchedBrowser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  browser = await launchWithExtension({ server });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDecision(ref: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.decisionUrl(ref));
  await page.locator('ombudsman-lens aside.ol-sidebar').waitFor({ timeout: 15_000 });
  return page;
}

async function saveFromSidebar(ref: string): Promise<Page> {
  const page = await openDecision(ref);
  const aside = page.locator('ombudsman-lens aside.ol-sidebar');
  await aside.getByRole('button', { name: 'Save', exact: true }).click();
  await aside.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
  return page;
}

describe('saving from the sidebar', () => {
  it('saves two decisions and shows "Saved" on every later visit', async () => {
    const first = await saveFromSidebar('18-009-360');
    await saveFromSidebar('20-003-139');
    await first.reload();
    const aside = first.locator('ombudsman-lens aside.ol-sidebar');
    await aside.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
    expect(await aside.getByRole('button', { name: 'Unsave' }).count()).toBe(1);
  });

  it('adds tags and a note from the sidebar', async () => {
    const page = await openDecision('18-009-360');
    const aside = page.locator('ombudsman-lens aside.ol-sidebar');
    await aside.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await aside.locator('summary', { hasText: 'Tags and note' }).click();
    await aside.getByLabel('Tags (comma separated)').fill('recording meetings, £500');
    await aside.getByLabel('Note').fill('Client’s case is similar.');
    await aside.getByRole('button', { name: 'Save tags and note' }).click();
    await aside.getByText('Saved.').waitFor();
    await page.reload();
    await page.locator('ombudsman-lens aside.ol-sidebar').locator('summary', { hasText: 'Tags and note (recording meetings, £500)' }).waitFor();
  });

  it('saving the same decision twice keeps one record', async () => {
    const page = await openDecision('20-003-139');
    const aside = page.locator('ombudsman-lens aside.ol-sidebar');
    await aside.getByRole('button', { name: 'Unsave' }).click();
    await aside.getByRole('button', { name: 'Save', exact: true }).click();
    await aside.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    const count = await browser.serviceWorker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('ombudsman-lens');
          open.onsuccess = () => {
            const req = open.result.transaction('cases').objectStore('cases').count();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(count).toBe(2);
  });

  it('marks links to saved decisions on the listing page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/decisions/children-s-care-services/child-protection?page=2`);
    await page.locator('ombudsman-lens-saved').first().waitFor({ timeout: 10_000 });
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('ombudsman-lens-saved')].map((m) => (m.previousElementSibling as HTMLAnchorElement).getAttribute('href')),
    );
    expect(marked.sort()).toEqual([
      '/decisions/children-s-care-services/child-protection/18-009-360',
      '/decisions/children-s-care-services/child-protection/20-003-139',
    ]);
    expect(await page.locator('ombudsman-lens').count()).toBe(0);
  });
});

describe('the popup', () => {
  let popup: Page;
  const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

  beforeAll(async () => {
    popup = await context.newPage();
    await popup.setViewportSize({ width: 800, height: 620 });
    await popup.goto(popupUrl());
    await popup.getByText('2 saved cases', { exact: true }).waitFor({ timeout: 10_000 });
    // The first rows show while the whole library is read; wait for the whole of it.
    await popup.getByText(/^Reading all/).waitFor({ state: 'detached' });
  });

  it('lists both saved cases', async () => {
    const rows = popup.locator('li.ol-case');
    expect(await rows.count()).toBe(2);
    expect((await rows.locator('.ol-case-org').allTextContents()).sort()).toEqual(['Hertfordshire County Council', 'Stoke-on-Trent City Council']);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-list.png') });
  });

  it('searches and filters', async () => {
    await popup.getByLabel('Search').fill('recording meetings');
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(1);
    expect(await popup.locator('li.ol-case .ol-ref').textContent()).toBe('18 009 360');
    await popup.getByLabel('Search').fill('');
    await popup.getByLabel('Has a payment').check();
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(1);
    expect(await popup.locator('li.ol-case .ol-case-paid').textContent()).toBe('£500 paid');
    await popup.getByLabel('Has a payment').uncheck();
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(2);
  });

  it('compares the two side by side', async () => {
    await popup.getByLabel('Select 18 009 360 for comparison').check();
    await popup.getByLabel('Select 20 003 139 for comparison').check();
    await popup.getByRole('button', { name: 'Compare (2)' }).click();
    const table = popup.getByRole('region', { name: 'Comparison table' });
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('Hertfordshire County Council');
    expect(text).toContain('Stoke-on-Trent City Council');
    expect(text).toContain('£500');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-compare.png') });
    await popup.getByRole('button', { name: 'Figures' }).click();
    await popup.waitForTimeout(200);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-figures.png') });
    await popup.getByRole('button', { name: 'List' }).click();
  });

  it('exports CSV with one row per case', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: /^Export CSV/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    // A byte order mark first, so Excel reads the file as UTF-8 (lib/library/exports.ts).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^reference,url,title,authority,/);
    expect(csv.slice(1).map((row) => row.split(',')[0]).sort()).toEqual(['18 009 360', '20 003 139']);
  });

  it('exports a backup, then deletes a case with undo, and imports the backup back', async () => {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: /^Export JSON backup/ }).click()]);
    const backupPath = (await download.path())!;
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('ombudsman-lens-backup');
    expect(backup.cases).toHaveLength(2);
    expect(backup.cases.find((c: { reference: string }) => c.reference === '18 009 360').text).toContain('Pay Mr C £500');

    await popup.getByRole('button', { name: 'Delete 20 003 139' }).click();
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(1);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(2);

    await popup.getByRole('button', { name: 'Delete 18 009 360' }).click();
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(1);
    await popup.locator('input[type=file]').setInputFiles(backupPath);
    await popup.getByText(/Imported: 1 case added, 1 merged/).waitFor({ timeout: 10_000 });
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(2);
    // The restored case kept its tags.
    expect(await popup.locator('li.ol-case[data-reference="18 009 360"] .ol-chip').allTextContents()).toContain('recording meetings');
  });

  it('refuses a malformed backup, saying what is wrong, and changes nothing', async () => {
    const bad = join(REPO_ROOT, '.output', 'bad-backup.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, JSON.stringify({ format: 'ombudsman-lens-backup', version: 1, exportedAt: 'x', parserVersion: '1', cases: [{ reference: 'nope' }] }));
    await popup.locator('input[type=file]').setInputFiles(bad);
    await popup.getByRole('alert').filter({ hasText: /cases\[0\]/ }).waitFor({ timeout: 10_000 });
    expect(await popup.locator('li.ol-case').count()).toBe(2);
  });
});
