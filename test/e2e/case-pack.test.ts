/**
 * The case pack in the real browsers (Chromium and Firefox, the production build): the five seed
 * decisions saved from their pages through the sidebar, "Export case pack" in the library page,
 * and the downloaded file opened from disk with JavaScript off (in Chromium; see openOffline for
 * Firefox) while every request is recorded (the page's own request events, the proxy that sees every host but the site, the fixture
 * server's log). Nothing may be requested, every case and its saved text must be there, and a
 * control copy of the file with an image and no policy shows the recorders would have seen one.
 * Printed to PDF (Chromium), each case starts on a page of its own. Screenshots go to
 * .output/screenshots/<browser>/case-pack*.png, the PDF beside them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startFixtureServer, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';

const SIDEBAR = 'aside.ol-sidebar';

/** Hand-read from seeds/*.txt: each decision's organisation and a sentence of its text. */
const SEEDS = [
  {
    ref: '19-015-077',
    authority: 'Stoke-on-Trent City Council',
    sentence: 'Ms V says the Council failed to act appropriately to stop her children having contact with their father',
  },
  {
    ref: '23-020-284',
    authority: 'Stockport Metropolitan Borough Council',
    sentence: 'showed bias by not investigating his concerns about the actions of his ex-partner',
  },
  {
    ref: '20-003-139',
    authority: 'Stoke-on-Trent City Council',
    sentence: 'Failed to inform Mr X that the decision to step Y down from CIN could be appealed',
  },
  {
    ref: '18-009-360',
    authority: 'Hertfordshire County Council',
    sentence: 'Pay Mr C £500 in recognition of his distress and time and trouble',
  },
  { ref: '23-017-456', authority: 'Derbyshire County Council', sentence: 'an action plan which sets out how, in future' },
] as const;

/** Pages in a PDF written by Chromium (Skia): one `/Type /Page` object each. */
function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  );
}

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;
  let packPath: string;
  const screenshots = join(SCREENSHOT_DIR, browserName);

  /**
   * Opens a file from disk, recording every request the page makes. JavaScript is off in Chromium;
   * Firefox 153's WebDriver BiDi has no command to turn it off (emulation.setScriptingEnabled is
   * unknown to it), so there the file's own policy and its lack of any script are what is tested.
   */
  async function openOffline(path: string): Promise<{ page: Page; requests: string[] }> {
    const page = await lens.newPage({ width: 1000, height: 900 });
    if (browserName === 'chromium') await page.setJavaScriptEnabled(false);
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    return { page, requests };
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    lens = await launchExtensionBrowser(browserName, { server });
    for (const seed of SEEDS) {
      const page = await lens.newPage();
      await page.goto(server.decisionUrl(seed.ref), { waitUntil: 'load' });
      // The sidebar's root is closed: the harness reaches it, and Save is clicked by real input.
      const root = await sidebarRoot(page);
      await root.waitForSelector(SIDEBAR, { timeout: 15_000 });
      const save = await page.waitForFunction(
        (r: ShadowRoot) => [...r.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save' && !b.disabled) ?? null,
        { timeout: 15_000 },
        root,
      );
      await (save.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
      await root.waitForSelector('[role="status"].ol-saved', { timeout: 15_000 });
      await page.close();
    }
    const library = await lens.openExtensionPage('/library.html');
    await library.waitForFunction(() => document.querySelectorAll('li.ol-case').length === 5, { timeout: 15_000 });
    const button = await library.waitForFunction(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export case pack (5 cases)') ?? null,
      { timeout: 10_000 },
    );
    await (button.asElement() as import('puppeteer-core').ElementHandle<Element>).click();
    packPath = await lens.waitForDownload(/^ombudsman-lens-case-pack-\d{4}-\d{2}-\d{2}\.html$/);
    await library.close();
  }, 180_000);

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('opens from disk with JavaScript off and requests nothing', async () => {
    const seenByServer = server.requests.length;
    const stray = lens.strayRequests.length;
    const { page, requests } = await openOffline(packPath);
    // Time for anything lazy (fonts, images below the fold) to be asked for.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Nothing but the file itself (Firefox does not report the navigation of a file: page), and
    // no address that leaves the machine: Firefox loads one font of its own from a data: address
    // (not in the file, whose every address the unit tests list).
    const href = pathToFileURL(packPath).href;
    expect(requests.filter((url) => url !== href && !url.startsWith('data:font/'))).toEqual([]);
    if (browserName === 'chromium') expect(requests).toEqual([href]);
    expect(lens.strayRequests.slice(stray)).toEqual([]);
    expect(server.requests.slice(seenByServer)).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, 'case-pack.png') });
    await page.close();
  });

  it('holds the five cases, each with its findings and its saved text', async () => {
    const { page } = await openOffline(packPath);
    const rows = await page.$$eval('nav tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => r[1]).sort()).toEqual(SEEDS.map((s) => s.ref.replaceAll('-', ' ')).sort());
    for (const seed of SEEDS) {
      const section = await page.$(`section#case-${seed.ref}`);
      expect(section, seed.ref).not.toBeNull();
      expect(await section!.$eval('h2', (h) => h.textContent)).toBe(`${seed.authority} (${seed.ref.replaceAll('-', ' ')})`);
      expect(await section!.$eval('.text', (t) => t.textContent)).toContain(seed.sentence);
    }
    const payment = await page.$$eval('section#case-18-009-360 ol.items > li', (items) =>
      items.filter((li) => li.textContent?.includes('Pay Mr C £500')).map((li) => li.querySelector('.para')?.textContent),
    );
    expect(payment).toEqual(['¶88']);
    // The page is laid out as the screenshot shows: the table, then the first case below it.
    await page.goto(`${pathToFileURL(packPath).href}#case-18-009-360`);
    await page.screenshot({ path: join(screenshots, 'case-pack-case.png') });
    await page.close();
  });

  it('control: a copy with an image and no policy is seen asking for it', async () => {
    const html = readFileSync(packPath, 'utf8')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<main>', '<main><img src="https://images.example.org/control.png" alt="">');
    const controlPath = `${packPath}.control.html`;
    writeFileSync(controlPath, html);
    const stray = lens.strayRequests.length;
    const { page, requests } = await openOffline(controlPath);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(requests).toContain('https://images.example.org/control.png');
    expect(lens.strayRequests.slice(stray).some((r) => r.includes('images.example.org'))).toBe(true);
    await page.close();
  });

  // Print emulation (emulateMediaType) is a CDP command: the print check runs in Chromium only.
  if (browserName === 'chromium')
    it('prints each case from the top of a page of its own', async () => {
      const { page } = await openOffline(packPath);
      await page.emulateMediaType('print');
      expect(await page.$$eval('section.case', (sections) => sections.map((s) => getComputedStyle(s).breakBefore))).toEqual(
        Array(5).fill('page'),
      );
      await page.screenshot({ path: join(screenshots, 'case-pack-print.png') });
      const whole = await page.pdf({ format: 'A4', printBackground: false });
      writeFileSync(join(screenshots, 'case-pack.pdf'), whole);
      // Each case printed alone: the table's page, then its own pages. With a break before every case
      // the whole pack is the table's page plus each case's pages; without, cases would share pages.
      let alone = 0;
      for (const seed of SEEDS) {
        const html = readFileSync(packPath, 'utf8');
        const start = html.indexOf(`<section class="case" id="case-${seed.ref}">`);
        const end = html.indexOf('</section>', start) + '</section>'.length;
        const single = `${html.slice(0, html.indexOf('<main>') + '<main>'.length)}${html.slice(start, end)}</main></body></html>`;
        const singlePath = `${packPath}.${seed.ref}.html`;
        writeFileSync(singlePath, single);
        await page.goto(pathToFileURL(singlePath).href, { waitUntil: 'load' });
        alone += pdfPages(await page.pdf({ format: 'A4', printBackground: false })) - 1;
      }
      expect(pdfPages(whole)).toBe(1 + alone);
      await page.close();
    });
});
