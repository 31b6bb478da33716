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
