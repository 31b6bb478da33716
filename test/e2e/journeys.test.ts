/**
 * The core journeys, in Debian's Chromium and in Debian's Firefox ESR, each with the production
 * build loaded and the seed pages served at their real www.lgo.org.uk addresses, driven as a
 * person would (scripts/extension-browsers.ts): the sidebar on every seed with its counts, a
 * paragraph link that scrolls and highlights, marks in the text, saving, the saved state on a later
 * visit, tags and a note, the popup listing, filtering, comparing, the figures and a case's saved
 * copy (each of these three views a chunk loaded when first opened, so each is waited for by what
 * only it draws), export and import of a backup in the library page, and no request to any host
 * but the pages' own.
 *
 * Where Firefox differs the product handles it, and the test says where: Firefox closes the
 * toolbar popup when the system file dialog opens (Bugzilla 1292701), so the popup hands importing
 * a backup to the library page in a tab, in both browsers, and the import here runs in that page.
 * Screenshots go to .output/screenshots/<browser>/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startFixtureServer, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';
import { clickPageButton, clickSidebarButton, downloaded, elementOf, waitForSidebarText } from './page-actions';

const SIDEBAR = 'aside.ol-sidebar';
const LISTING_PATH = '/decisions/children-s-care-services/child-protection';

/** Hand-read from the seed texts (seeds/*.txt): organisation, outcome line, faults and remedies found, the first Act cited. */
const SEEDS = [
  {
    ref: '19-015-077',
    authority: 'Stoke-on-Trent City Council',
    outcome: 'Not upheld',
    faults: '0',
    remedies: '0',
    law: 'Children Act 1989, s.47',
  },
  {
    ref: '23-020-284',
    authority: 'Stockport Metropolitan Borough Council',
    outcome: 'Not upheld',
    faults: '0',
    remedies: '0',
    law: 'Children Act 1989, s.17',
  },
  {
    ref: '20-003-139',
    authority: 'Stoke-on-Trent City Council',
    outcome: 'Upheld',
    faults: '5',
    remedies: '1',
    law: 'Children Act 1989, s.47',
  },
  {
    ref: '18-009-360',
    authority: 'Hertfordshire County Council',
    outcome: 'Upheld',
    faults: '7',
    remedies: '5',
    law: 'Children Act 1989, s.47',
  },
  {
    ref: '23-017-456',
    authority: 'Derbyshire County Council',
    outcome: 'Upheld',
    faults: '3',
    remedies: '1',
    law: 'Children Act 1989, s.47',
  },
] as const;

/** The text of the first element matching `selector` in an extension page. */
async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '');
}

/** The text of the first element in the sidebar (its closed shadow root, reached by the harness) matching `selector`. */
async function sidebarText(page: Page, selector: string): Promise<string> {
  return (await sidebarRoot(page)).$eval(selector, (el) => el.textContent ?? '');
}

async function caseRows(page: Page): Promise<string[]> {
  return page.$$eval('li.ol-case .ol-ref', (refs) => refs.map((r) => r.textContent ?? ''));
}

async function waitForRowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n: number) => document.querySelectorAll('li.ol-case').length === n && !document.body.textContent?.includes('Reading all'),
    { timeout: 10_000 },
    count,
  );
}

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;
  const screenshots = join(SCREENSHOT_DIR, browserName);
  const pageErrors: string[] = [];
  const visited = new Set<string>();

  async function openDecision(ref: string): Promise<Page> {
    const page = await lens.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${ref}: ${String(e)}`));
    const url = server.decisionUrl(ref);
    visited.add(new URL(url).pathname);
    await page.goto(url, { waitUntil: 'load' });
    await (await sidebarRoot(page)).waitForSelector(SIDEBAR, { timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    lens = await launchExtensionBrowser(browserName, { server });
    // Which version ran goes into the test log, so a run says what it proved.
    console.info(`${browserName}: ${lens.version}`);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  describe('the sidebar', () => {
    for (const seed of SEEDS) {
      it(`${seed.ref}: organisation, reference, outcome, counts of faults and remedies, and linked law`, async () => {
        const page = await openDecision(seed.ref);
        await waitForSidebarText(page, 'section[data-section="faults"] .ol-count', seed.faults);
        expect(await sidebarText(page, `${SIDEBAR} h2.ol-authority`)).toBe(seed.authority);
        expect(await sidebarText(page, `${SIDEBAR} .ol-ref`)).toBe(seed.ref.replace(/-/g, ' '));
        expect(await sidebarText(page, `${SIDEBAR} .ol-badge`)).toBe(seed.outcome);
        expect(await sidebarText(page, `${SIDEBAR} section[data-section="remedies"] .ol-count`)).toBe(seed.remedies);
        const href = await (
          await sidebarRoot(page)
        ).$$eval(`${SIDEBAR} a`, (links, law) => links.find((a) => a.textContent === law)?.getAttribute('href') ?? null, seed.law);
        expect(href).toMatch(/^https:\/\/www\.legislation\.gov\.uk\/ukpga\/1989\/41\/section\/\d+$/);
        if (seed.ref === '18-009-360') {
          expect(await sidebarText(page, `${SIDEBAR} .ol-total`)).toBe('Total paid £500');
          await page.screenshot({ path: join(screenshots, 'sidebar-18-009-360.png') });
        }
        await page.close();
      });
    }

    it('a fault’s paragraph link scrolls the page to it and highlights its sentence for a moment (23 017 456)', async () => {
      const page = await openDecision('23-017-456');
      // Run in the page: is paragraph 61 within the viewport?
      const onScreen = () => {
        const li = [...document.querySelectorAll('#article li')].find((el) => el.textContent!.includes('I have seen no good reason'))!;
        const r = li.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      };
      expect(await page.evaluate(onScreen)).toBe(false);
      await clickSidebarButton(page, 'Show paragraph 61 in the decision text');
      // The page's own world sees the highlight the content script registered: CSS Custom Highlight API (Firefox 140+).
      await page.waitForFunction(
        () => {
          const ranges = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('ombudsman-lens-focus');
          return (
            [...(ranges ?? [])].map((r) => r.toString()).join('|') ===
            'I have seen no good reason for these delays, so I have found fault with the Council.'
          );
        },
        { timeout: 10_000 },
      );
      await page.waitForFunction(onScreen, { timeout: 10_000 });
      await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ombudsman-lens-focus'), {
        timeout: 10_000,
      });
      await page.close();
    });

    it('Mark in text highlights every fault and remedy, and removing the marks leaves the page as it was (20 003 139)', async () => {
      const page = await openDecision('20-003-139');
      await waitForSidebarText(page, 'section[data-section="faults"] .ol-count', '5');
      const before = await page.evaluate(() => document.getElementById('article')!.innerHTML);
      await clickSidebarButton(page, 'Mark in text');
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ombudsman-lens-fault'), {
        timeout: 10_000,
      });
      const marked = await page.evaluate(() => {
        const texts = (name: string) =>
          [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])].map((r) => r.toString());
        return { faults: texts('ombudsman-lens-fault'), remedies: texts('ombudsman-lens-remedy') };
      });
      expect(marked.faults).toHaveLength(5);
      expect(marked.faults[0]).toBe('The Council is at fault.');
      expect(marked.remedies).toHaveLength(1);
      expect(marked.remedies[0]).toMatch(/^The Council has agreed that within one month of my final decision it will apologise/);
      expect(await page.evaluate(() => document.getElementById('article')!.innerHTML)).toBe(before);
      await page.evaluate(() =>
        [...document.querySelectorAll('#article li')]
          .find((li) => li.textContent!.includes('The Council is at fault.'))!
          .scrollIntoView({ block: 'center' }),
      );
      await page.screenshot({ path: join(screenshots, 'marks-20-003-139.png') });
      await clickSidebarButton(page, 'Hide marks in text');
      await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ombudsman-lens-fault'), {
        timeout: 10_000,
      });
      expect(
        await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('ombudsman-lens-remedy')),
      ).toBe(false);
      expect(await page.evaluate(() => document.getElementById('article')!.innerHTML)).toBe(before);
      await page.close();
    });
  });

  describe('saving', () => {
    it('saves two decisions, and each shows Saved with Unsave on a later visit', async () => {
      for (const ref of ['18-009-360', '20-003-139']) {
        const page = await openDecision(ref);
        await clickSidebarButton(page, 'Save');
        await waitForSidebarText(page, '[role="status"]', 'Saved');
        await page.close();
      }
      const later = await openDecision('18-009-360');
      await waitForSidebarText(later, '[role="status"]', 'Saved');
      await clickSidebarButton(later, 'Unsave'); // present, and it works
      await waitForSidebarText(later, 'button', 'Save');
      await clickSidebarButton(later, 'Save');
      await waitForSidebarText(later, '[role="status"]', 'Saved');
      await later.close();
    });

    it('keeps tags and a note added in the sidebar, shown on a later visit', async () => {
      const page = await openDecision('18-009-360');
      await waitForSidebarText(page, '[role="status"]', 'Saved');
      const sidebar = await sidebarRoot(page);
      await (await sidebar.waitForSelector(`${SIDEBAR} details.ol-notes-fold > summary`))!.click();
      await (await sidebar.waitForSelector(`${SIDEBAR} .ol-notes input[type="text"]`))!.type('recording meetings, £500');
      await (await sidebar.waitForSelector(`${SIDEBAR} .ol-notes textarea`))!.type('Client’s case is similar.');
      await clickSidebarButton(page, 'Save tags and note');
      await waitForSidebarText(page, '*', 'Saved.');
      await page.reload({ waitUntil: 'load' });
      await waitForSidebarText(page, 'summary', /^Tags and note \(recording meetings, £500\)/);
      await page.close();
    });

    it('marks links to saved decisions on the listing page, and nothing else', async () => {
      const page = await lens.newPage();
      visited.add(LISTING_PATH);
      await page.goto(`${server.origin}${LISTING_PATH}?page=2`, { waitUntil: 'load' });
      await page.waitForSelector('ombudsman-lens-saved', { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelectorAll('ombudsman-lens-saved').length === 2, { timeout: 10_000 });
      const marked = await page.$$eval('ombudsman-lens-saved', (marks) =>
        marks.map((m) => (m.previousElementSibling as HTMLAnchorElement).getAttribute('href')),
      );
      expect(marked.sort()).toEqual([`${LISTING_PATH}/18-009-360`, `${LISTING_PATH}/20-003-139`]);
      expect(await page.$('ombudsman-lens')).toBeNull();
      await page.close();
    });
  });

  describe('the popup and the library page', () => {
    let popup: Page;

    beforeAll(async () => {
      popup = await lens.openExtensionPage('/popup.html', { width: 800, height: 620 });
      await waitForRowCount(popup, 2);
    });

    it('lists both saved cases', async () => {
      expect((await popup.$$eval('li.ol-case .ol-case-org', (orgs) => orgs.map((o) => o.textContent))).sort()).toEqual([
        'Hertfordshire County Council',
        'Stoke-on-Trent City Council',
      ]);
      await popup.screenshot({ path: join(screenshots, 'popup-list.png') });
    });

    it('searches and filters', async () => {
      const search = (await popup.waitForSelector('input[type="search"]'))!;
      await search.type('recording meetings');
      await waitForRowCount(popup, 1);
      expect(await caseRows(popup)).toEqual(['18 009 360']);
      await search.click({ count: 3 });
      await search.press('Backspace');
      await waitForRowCount(popup, 2);
      const hasPayment = await popup.waitForFunction(
        () =>
          [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Has a payment')?.querySelector('input') ?? null,
      );
      await elementOf(hasPayment).click();
      await waitForRowCount(popup, 1);
      expect(await textOf(popup, 'li.ol-case .ol-case-paid')).toBe('£500 paid');
      await elementOf(hasPayment).click();
      await waitForRowCount(popup, 2);
    });

    it('compares the two side by side, then shows the figures', async () => {
      for (const ref of ['18 009 360', '20 003 139'])
        await (await popup.waitForSelector(`input[aria-label="Select ${ref} for comparison"]`))!.click();
      await clickPageButton(popup, 'Compare (2)');
      const table = (await popup.waitForSelector('[role="region"][aria-label="Comparison table"]'))!;
      const text = await table.evaluate((el) => el.textContent ?? '');
      expect(text).toContain('Hertfordshire County Council');
      expect(text).toContain('Stoke-on-Trent City Council');
      expect(text).toContain('£500');
      await popup.screenshot({ path: join(screenshots, 'popup-compare.png') });
      await clickPageButton(popup, 'Figures');
      await popup.waitForSelector('section.ol-figures', { timeout: 10_000 });
      await popup.screenshot({ path: join(screenshots, 'popup-figures.png') });
      await clickPageButton(popup, 'List');
      await waitForRowCount(popup, 2);
    });

    it('opens a case’s saved copy: what was read, with its Correct controls, and the text as saved', async () => {
      await clickPageButton(popup, 'Saved copy of 18 009 360');
      const findings = (await popup.waitForSelector('article.ol-copy-view section.ol-case-corrections', { timeout: 10_000 }))!;
      expect(await findings.evaluate((el) => el.textContent ?? '')).toContain('total paid £500');
      expect(await textOf(popup, '[role="region"][aria-label="Stored text of 18 009 360"]')).toContain('Pay Mr C £500');
      await clickPageButton(popup, '← Back to list');
      await waitForRowCount(popup, 2);
    });

    it('exports CSV from the popup, one row per case, with a byte order mark for Excel', async () => {
      await clickPageButton(popup, 'Export CSV');
      const bytes = await downloaded(lens, /^ombudsman-lens-cases-.*\.csv$/);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.subarray(3).toString('utf8').trim().split('\n');
      expect(csv[0]).toMatch(/^reference,url,title,authority,/);
      // Both cases were selected for the comparison, so the export takes the selection.
      expect(
        csv
          .slice(1)
          .map((row) => row.split(',')[0])
          .sort(),
      ).toEqual(['18 009 360', '20 003 139']);
    });

    it('deletes a case with undo in the popup', async () => {
      await clickPageButton(popup, 'Delete 20 003 139');
      await waitForRowCount(popup, 1);
      await clickPageButton(popup, 'Undo');
      await waitForRowCount(popup, 2);
    });

    it('exports a backup and imports it back in the library page, which the popup opens in a tab', async () => {
      // The popup hands both to the library page (in Firefox the file dialog would close the popup).
      expect(await popup.$('input[type="file"]')).toBeNull();
      const library = await lens.openExtensionPage('/library.html#export-backup', { width: 1100, height: 800 });
      // Backup version 2, JSON Lines written case by case: a header, one line per case, an end line.
      const backup = (await downloaded(lens, /^ombudsman-lens-backup-.*\.jsonl$/)).toString('utf8');
      const backupPath = await lens.waitForDownload(/^ombudsman-lens-backup-.*\.jsonl$/);
      const lines = backup
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ format: 'ombudsman-lens-backup', version: 2 });
      expect(lines.at(-1)).toEqual({ end: true, cases: 2 });
      const cases = lines.slice(1, -1) as Array<{ reference: string; text: string }>;
      expect(cases.map((c) => c.reference).sort()).toEqual(['18 009 360', '20 003 139']);
      expect(cases.find((c) => c.reference === '18 009 360')!.text).toContain('Pay Mr C £500');

      await clickPageButton(library, 'Delete 18 009 360');
      await waitForRowCount(library, 1);
      await waitForRowCount(popup, 1); // the popup reads the same library, live
      const input = (await library.waitForSelector('input[type="file"]'))!;
      await input.uploadFile(backupPath);
      await library.waitForFunction(() => /Imported: 1 case added, 1 merged/.test(document.body.textContent ?? ''), { timeout: 15_000 });
      await waitForRowCount(library, 2);
      const chips = await library.$$eval('li.ol-case[data-reference="18 009 360"] .ol-chip', (c) => c.map((x) => x.textContent));
      expect(chips).toContain('recording meetings');
      // The picture shows the page at rest: the delete's undo toast put away, the import's report in view.
      await library.click('.ol-toast button[aria-label="Dismiss"]');
      await library.waitForFunction(() => !document.querySelector('.ol-toast'));
      await library.evaluate(() => document.querySelector('.ol-import-export')!.scrollIntoView({ block: 'end' }));
      await library.screenshot({ path: join(screenshots, 'library-tab.png') });

      // A malformed file is refused, saying where, and changes nothing.
      const bad = join(lens.downloadDir, 'bad-backup.json');
      writeFileSync(
        bad,
        JSON.stringify({
          format: 'ombudsman-lens-backup',
          version: 1,
          exportedAt: 'x',
          parserVersion: '1',
          cases: [{ reference: 'nope' }],
        }),
      );
      await input.uploadFile(bad);
      await library.waitForFunction(
        () => [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent?.includes('cases[0]')),
        { timeout: 10_000 },
      );
      await waitForRowCount(library, 2);
      await library.close();
    });
  });

  describe('privacy', () => {
    it('no request went to any host but the site, and the site saw only the pages opened', () => {
      expect(lens.strayRequests).toEqual([]);
      const paths = server.requests.map((r) => r.split('?')[0]!);
      expect(paths.filter((p) => !visited.has(p) && p !== '/favicon.ico')).toEqual([]);
    });

    it('nothing of ours reached the pages’ consoles as an error', () => {
      expect(pageErrors).toEqual([]);
    });
    it('control: a request to another host, from the page and from an extension page, is seen and goes nowhere', async () => {
      const page = await openDecision('19-015-077');
      const fromPage = await page.evaluate(() =>
        fetch('https://example.org/ombudsman-lens-control').then(
          () => 'answered',
          () => 'failed',
        ),
      );
      const extensionPage = await lens.openExtensionPage('/popup.html');
      const fromExtension = await extensionPage.evaluate(() =>
        fetch('https://example.net/ombudsman-lens-control').then(
          () => 'answered',
          () => 'failed',
        ),
      );
      expect([fromPage, fromExtension]).toEqual(['failed', 'failed']);
      expect(lens.strayRequests).toEqual(expect.arrayContaining(['example.org:443', 'example.net:443']));
      await page.close();
      await extensionPage.close();
    });
  });
});
