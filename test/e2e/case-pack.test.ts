/**
 * The case pack in the real browsers (Chromium and Firefox, the production build): the five seed
 * decisions saved from their pages through the sidebar, "Export case pack" in the library page,
 * and the downloaded file opened from disk with JavaScript off (Chromium turns it off per page;
 * Firefox opens it in a second browser whose `javascript.enabled` preference is off) while every
 * request is recorded (the page's own request events, the proxy that sees every host but the site, the fixture
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
  /** Where the file is opened: the same browser in Chromium, a second one with scripts off in Firefox. */
  let viewer: ExtensionBrowser;
  let packPath: string;
  const screenshots = join(SCREENSHOT_DIR, browserName);

  /**
   * Opens a file from disk with JavaScript off, recording every request the page makes. Firefox
   * 153's WebDriver BiDi has no command to turn scripts off for one page (emulation.setScriptingEnabled
   * is unknown to it), so there the file goes to a second browser launched with them off.
   */
  async function openOffline(path: string): Promise<{ page: Page; requests: string[] }> {
    const page = await viewer.newPage({ width: 1000, height: 900 });
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
    viewer =
      browserName === 'firefox' ? await launchExtensionBrowser('firefox', { server, firefoxPrefs: { 'javascript.enabled': false } }) : lens;
  }, 180_000);

  afterAll(async () => {
    if (viewer !== lens) await viewer?.close();
    await lens?.close();
    await server?.close();
  });

  it('opens from disk with JavaScript off and requests nothing', async () => {
    const seenByServer = server.requests.length;
    const stray = viewer.strayRequests.length;
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
    expect(viewer.strayRequests.slice(stray)).toEqual([]);
    expect(server.requests.slice(seenByServer)).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, 'case-pack.png') });
    await page.close();
  });

  it('holds the five cases, each with its findings and its saved text', async () => {
    const { page } = await openOffline(packPath);
    // One evaluation reads the page: Firefox with scripts off answered plain evaluations but never
    // puppeteer's element-handle queries ($$eval hung there).
    const read = await page.evaluate(() => ({
      refs: [...document.querySelectorAll('nav tbody tr')].map((tr) => tr.querySelectorAll('td')[1]?.textContent),
      cases: Object.fromEntries(
        [...document.querySelectorAll('section.case')].map((s) => [
          s.id,
          { heading: s.querySelector('h2')?.textContent, text: s.querySelector('.text')?.textContent ?? '' },
        ]),
      ),
      payment: [...document.querySelectorAll('section#case-18-009-360 ol.items > li')]
        .filter((li) => li.textContent?.includes('Pay Mr C £500'))
        .map((li) => li.querySelector('.para')?.textContent),
    }));
    expect(read.refs.sort()).toEqual(SEEDS.map((s) => s.ref.replaceAll('-', ' ')).sort());
    for (const seed of SEEDS) {
      const section = read.cases[`case-${seed.ref}`];
      expect(section, seed.ref).toBeDefined();
      expect(section!.heading).toBe(`${seed.authority} (${seed.ref.replaceAll('-', ' ')})`);
      expect(section!.text).toContain(seed.sentence);
    }
    const { payment } = read;
    expect(payment).toEqual(['¶88']);
    // The page is laid out as the screenshot shows: the table, then the first case below it. The
    // case is scrolled to as its link in the table would (a same-page navigation, which puppeteer's
    // goto waits on in vain in a Firefox with scripts off).
    await page.evaluate(() => document.getElementById('case-18-009-360')?.scrollIntoView());
    await page.screenshot({ path: join(screenshots, 'case-pack-case.png') });
    await page.close();
  });

  it('control: a copy with an image and no policy is seen asking for it', async () => {
    const html = readFileSync(packPath, 'utf8')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<main>', '<main><img src="https://images.example.org/control.png" alt="">');
    const controlPath = `${packPath}.control.html`;
    writeFileSync(controlPath, html);
    const stray = viewer.strayRequests.length;
    const { page, requests } = await openOffline(controlPath);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(requests).toContain('https://images.example.org/control.png');
    expect(viewer.strayRequests.slice(stray).some((r) => r.includes('images.example.org'))).toBe(true);
    await page.close();
  });

  it('control: where the file is opened, a script in it does not run', async () => {
    const controlPath = `${packPath}.script.html`;
    writeFileSync(
      controlPath,
      readFileSync(packPath, 'utf8')
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        .replace('<main>', '<main><p id="ran">no</p><script>document.getElementById("ran").textContent = "yes"</script>'),
    );
    const { page } = await openOffline(controlPath);
    expect(await page.$eval('#ran', (p) => p.textContent)).toBe('no');
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
