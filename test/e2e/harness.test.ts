/** The real-browser harness itself: if these fail, every other e2e failure is noise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, startFixtureServer, type FixtureServer, type LaunchedBrowser } from '../../scripts/browser-harness';

const LISTING = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection';

describe('browser harness', () => {
  let server: FixtureServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension({ server });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  it('serves a seed decision at its real address over HTTPS', async () => {
    const url = server!.decisionUrl('19-015-077');
    expect(url).toBe(`${LISTING}/19-015-077`);
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.url()).toBe(url);
    expect(await page.title()).toContain('Stoke-on-Trent City Council (19 015 077)');
  });

  it('ignores the query string on decision pages', async () => {
    const response = await page.goto(`${server!.decisionUrl('18-009-360')}?displaypref=1`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Hertfordshire County Council (18 009 360)');
  });

  it('serves the listing, search results and an ordinary page', async () => {
    for (const [url, heading] of [
      [LISTING, 'Child protection'],
      [`${LISTING}?page=2`, 'Child protection'],
      ['https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=section+47&FromDate=&ToDate=', 'Search results'],
      ['https://www.lgo.org.uk/how-to-complain', 'How to complain'],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect((await page.locator('h1').first().textContent())?.trim(), url).toBe(heading);
    }
  });

  it('answers unknown addresses with a 404 page', async () => {
    const response = await page.goto('https://www.lgo.org.uk/decisions/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });

  it('also answers lgo.org.uk without www', async () => {
    const response = await page.goto('https://lgo.org.uk/decisions/children-s-care-services/child-protection/23-017-456');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Derbyshire County Council (23 017 456)');
  });

  it('serves extra pages added by a test and records every request', async () => {
    server!.addRoute('/decisions/extra/99-999-999', '<!doctype html><title>Extra page</title><h1>Extra</h1>');
    const before = server!.requests.length;
    const response = await page.goto('https://www.lgo.org.uk/decisions/extra/99-999-999?x=1');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Extra page');
    expect(server!.requests.slice(before)).toContain('/decisions/extra/99-999-999?x=1');
  });

  it('loads the built extension and finds its service worker', async () => {
    expect(browser!.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser!.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${browser!.extensionId}/`));
    const response = await page.goto(`chrome-extension://${browser!.extensionId}/manifest.json`);
    expect(response?.ok()).toBe(true);
    const manifest = JSON.parse((await response!.text()) || '{}') as { name?: string; manifest_version?: number };
    expect(manifest.name).toBe('Ombudsman Lens');
    expect(manifest.manifest_version).toBe(3);
  });
});
