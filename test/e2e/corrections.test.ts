/**
 * Corrections and payments in context, in Debian's Chromium and Firefox ESR with the production build
 * (scripts/extension-browsers.ts), driven by real input only: the sidebar's root is closed and drops
 * every event the browser does not mark trusted, so choices are made with the keyboard on a focused
 * drop-down, sums typed, buttons clicked, and the sentence to add is selected in the page by a real
 * mouse drag across it.
 *
 * The values are the seed's, read by hand from seeds/18-009-360.txt: the outcome line says Upheld;
 * paragraph 76 "I find further fault in the Council’s handling of Mr C’s complaint." (read as
 * causing no injustice, though paragraph 88 pays for "time and trouble resulting from the
 * Council’s faults"); paragraph 88 "Pay Mr C £500 ..."; "It will also confirm that any
 * restrictions on Mr C contacting the Council have now ended." (read as a remedy of its own, though
 * it is what the apology of the same item will say); and paragraph 59 "I found that no record
 * appeared in the case papers of the social worker putting the majority of these allegations to Ms
 * D." (the omission paragraph 60 calls "a clear fault", which the parser does not list). The
 * corrections themselves (outcome to Not upheld, £500 to £750) exercise the mechanism; they are not
 * claims about the decision.
 *
 * Screenshots go to .output/screenshots/<browser>/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SCREENSHOT_DIR, startFixtureServer, writeDeveloperMode, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';
import { clickPageButton, clickSidebarButton, downloaded, elementOf, waitForSidebarText } from './page-actions';
import { PARSER_VERSION } from '../../lib/schema';
import { parseCsv } from '../helpers/csv';

const SIDEBAR = 'aside.ol-sidebar';
const REF = '18 009 360';

/**
 * Five corpus decisions that pay for distress, served as a republishing site's page (the text in one
 * <pre>) at their own addresses (test/corpus/labels.json). Amounts read by hand from the texts:
 * 18 007 848 "pay Mrs X £250 for the avoidable distress caused"; 20 013 903 "£150 for time and
 * trouble, £150 for distress"; 21 008 070 "Mr and Mrs L £3,000 to recognise the distress";
 * 25 004 482 "pay Mrs X £150 to remedy the distress"; 15 018 561 "pay her £500 for the frustration
 * and time and trouble". For distress: £150, £150, £250, £500, £3,000 (median £250, 5 cases); for
 * time and trouble: 20 013 903 and 15 018 561, 2 cases.
 */
const PAYING_CASES = [
  { file: 'openings/18-007-848.txt', path: '/decisions/adult-care-services/domiciliary-care/18-007-848' },
  { file: 'openings/20-013-903.txt', path: '/decisions/benefits-and-tax/covid-19/20-013-903' },
  { file: 'openings/21-008-070.txt', path: '/decisions/adult-care-services/assessment-and-care-plan/21-008-070' },
  { file: 'openings/25-004-482.txt', path: '/decisions/education/special-educational-needs/25-004-482' },
  { file: 'reports/15-018-561.txt', path: '/decisions/children-s-care-services/friends-and-family-carers/15-018-561' },
] as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page holding the decision's text copy in one <pre>, as a republishing site shows it. */
function prePage(text: string, reference: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${reference} - Local Government and Social Care Ombudsman</title></head><body><main><div id="article"><pre>${escapeHtml(text)}</pre></div></main></body></html>`;
}

/** The sidebar's first element matching `selector` whose text contains `text`, once there. */
async function sidebarElement(page: Page, selector: string, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (root: ShadowRoot, sel: string, wanted: string) =>
      [...root.querySelectorAll(sel)].find((el) => el.textContent?.includes(wanted)) ?? null,
    { timeout: 10_000 },
    await sidebarRoot(page),
    selector,
    text,
  );
  return elementOf(handle);
}

/**
 * Chooses `steps` options down (negative: up) in a drop-down by the keyboard, as a person tabbing to
 * it would: focus, then arrow keys, which change a closed drop-down's value and fire its change event
 * in both browsers, trusted.
 */
async function chooseByKeyboard(page: Page, select: ElementHandle<Element>, steps: number): Promise<void> {
  await select.focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
}

/** Selects `sentence` in the page's decision text with the mouse: pressed at its first character, dragged to past its last. */
async function dragSelect(page: Page, sentence: string): Promise<void> {
  const box = await page.evaluate((wanted: string) => {
    const li = [...document.querySelectorAll('#article li')].find((el) => el.textContent!.includes(wanted))!;
    li.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + wanted.length - 1);
      last.setEnd(node, at + wanted.length);
      const a = first.getClientRects()[0]!;
      const b = [...last.getClientRects()].at(-1)!;
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right, y2: b.top + b.height / 2 };
    }
    throw new Error('sentence not in one text node');
  }, sentence);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** The library's rows as stored, read from an extension page's own IndexedDB (the extension's origin). */
async function storedCases(page: Page): Promise<Array<Record<string, unknown> & { summary?: Record<string, unknown> }>> {
  return page.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('ombudsman-lens');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['cases', 'summaries']);
          const cases = tx.objectStore('cases').getAll();
          const summaries = tx.objectStore('summaries').getAll();
          tx.oncomplete = () => {
            db.close();
            const byRef = new Map(
              (summaries.result as Array<{ reference: string; summary: unknown }>).map((s) => [s.reference, s.summary]),
            );
            resolve((cases.result as Array<Record<string, unknown>>).map((c) => ({ ...c, summary: byRef.get(c.reference as string) })));
          };
        };
      }),
  );
}

/** What `promise` gives, or null once it fails or `ms` pass: a step that may hang while the extension reloads. */
async function settled<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n: number) => document.querySelectorAll('li.ol-case').length === n && !document.body.textContent?.includes('Reading all'),
    { timeout: 15_000 },
    count,
  );
}

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;
  let profileDir: string;
  const screenshots = join(SCREENSHOT_DIR, browserName);
  const pageErrors: string[] = [];

  async function openDecision(url: string): Promise<Page> {
    const page = await lens.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${url}: ${String(e)}`));
    await page.goto(url, { waitUntil: 'load' });
    await (await sidebarRoot(page)).waitForSelector(SIDEBAR, { timeout: 15_000 });
    return page;
  }

  async function save(page: Page): Promise<void> {
    await clickSidebarButton(page, 'Save');
    await waitForSidebarText(page, '[role="status"]', 'Saved');
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    for (const c of PAYING_CASES) {
      const text = readFileSync(join(REPO_ROOT, 'test', 'corpus', c.file), 'utf8');
      server.addRoute(c.path, prePage(text, c.path.slice(-10).replace(/-/g, ' ')));
    }
    // A kept profile, so the extension can reload itself (a parser update) and find its library again;
    // Chromium lets an unpacked extension reload itself only in Developer mode.
    profileDir = await mkdtemp(join(tmpdir(), `ombudsman-lens-corrections-${browserName}-`));
    if (browserName === 'chromium') await writeDeveloperMode(profileDir);
    lens = await launchExtensionBrowser(browserName, { server, profileDir });
    console.info(`${browserName}: ${lens.version}`);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('a payment is shown beside what five saved cases paid for the same purpose', async () => {
    for (const c of PAYING_CASES) {
      const page = await openDecision(`${server.origin}${c.path}`);
      await save(page);
      await page.close();
    }
    const page = await openDecision(server.decisionUrl('18-009-360'));
    const payment = await sidebarElement(page, 'li.ol-remedy', 'Pay Mr C £500');
    await page.waitForFunction((li: Element) => li.querySelector('.ol-payment-context') !== null, { timeout: 10_000 }, payment);
    expect(await payment.$$eval('.ol-payment-context li', (lines) => lines.map((l) => l.textContent))).toEqual([
      'For distress: your saved cases paid £150–£3,000, median £250, in 5 cases.',
      'For time and trouble: 2 of your saved cases paid, too few to compare.',
    ]);
    await payment.evaluate((li) => li.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(screenshots, 'sidebar-payment-context.png') });
    await page.close();
  });

  describe('corrections of 18 009 360', () => {
    let page: Page;

    beforeAll(async () => {
      // A second upheld case to compare with.
      const other = await openDecision(server.decisionUrl('20-003-139'));
      await save(other);
      await other.close();
      page = await openDecision(server.decisionUrl('18-009-360'));
      await save(page);
    });

    it('corrects the outcome, a fault’s injustice and an amount, removes a remedy and adds a fault from a selected sentence', async () => {
      await waitForSidebarText(page, `${SIDEBAR} section[data-section="faults"] .ol-count`, '7');
      await waitForSidebarText(page, `${SIDEBAR} section[data-section="remedies"] .ol-count`, '5');

      // The outcome: Upheld, one down the list to Not upheld.
      await clickSidebarButton(page, 'Correct the outcome');
      await chooseByKeyboard(page, (await (await sidebarRoot(page)).waitForSelector('select[aria-label="Outcome"]'))!, 1);
      await waitForSidebarText(page, `${SIDEBAR} .ol-badge`, 'Not upheld');

      // Paragraph 76's fault: No injustice, one up to Injustice caused.
      const fault = await sidebarElement(page, 'li.ol-fault', 'I find further fault in the Council’s handling of Mr C’s complaint.');
      expect(await fault.$eval('.ol-tag', (t) => t.textContent)).toBe('No injustice');
      await clickSidebarButton(page, 'Correct', fault);
      await chooseByKeyboard(page, (await fault.waitForSelector('.ol-correct-form select'))!, -1);
      await page.waitForFunction(
        (li: Element) => li.querySelector('.ol-tag')?.textContent === 'Injustice caused',
        { timeout: 10_000 },
        fault,
      );

      // The payment: £500 typed over as £750.
      const payment = await sidebarElement(page, 'li.ol-remedy', 'Pay Mr C £500');
      await clickSidebarButton(page, 'Correct', payment);
      const amount = (await payment.waitForSelector('.ol-correct-form input[inputmode="decimal"]'))!;
      await amount.click({ count: 3 });
      await amount.type('750');
      await page.keyboard.press('Enter');
      await page.waitForFunction((li: Element) => li.querySelector('.ol-amount')?.textContent === '£750', { timeout: 10_000 }, payment);

      // "It will also confirm ...": removed.
      const confirm = await sidebarElement(page, 'li.ol-remedy', 'It will also confirm that any restrictions');
      await clickSidebarButton(page, 'Correct', confirm);
      await clickSidebarButton(page, 'Remove: not a remedy', confirm);
      await waitForSidebarText(page, `${SIDEBAR} section[data-section="remedies"] .ol-count`, '4');

      // Paragraph 59's sentence, selected in the page with the mouse, added as a fault.
      const missed =
        'I found that no record appeared in the case papers of the social worker putting the majority of these allegations to Ms D.';
      await dragSelect(page, missed);
      expect(await page.evaluate(() => document.getSelection()!.toString().trim())).toBe(missed);
      await clickSidebarButton(page, 'Add a fault it missed, from the selected sentence');
      await waitForSidebarText(page, `${SIDEBAR} section[data-section="faults"] .ol-count`, '8');
      const added = await sidebarElement(page, 'li.ol-fault', missed);
      expect(await added.$eval('.ol-corrected', (m) => m.getAttribute('title'))).toBe('Corrected; added by you');
      expect(await added.$eval('.ol-item-head', (h) => h.textContent)).toContain('59');
    });

    it('marks each corrected value in the sidebar, with the parser’s reading, and keeps them on a later visit', async () => {
      for (const visit of ['now', 'after a reload']) {
        if (visit !== 'now') {
          await page.reload({ waitUntil: 'load' });
          await waitForSidebarText(page, '[role="status"]', 'Saved');
        }
        const root = await sidebarRoot(page);
        await waitForSidebarText(page, `${SIDEBAR} .ol-badge`, 'Not upheld');
        const marks = await root.$$eval(`${SIDEBAR} .ol-corrected`, (spans) => spans.map((s) => s.getAttribute('title')));
        expect(marks).toEqual([
          'Corrected; the parser read: Upheld',
          'Corrected; the parser read: No injustice',
          'Corrected; added by you',
          'Corrected; the parser read: £500',
          'Corrected; the parser read: £500',
        ]);
        expect(await root.$eval(`${SIDEBAR} .ol-total`, (t) => t.textContent)).toBe('Total paid £750corrected');
        expect(await root.$eval(`${SIDEBAR} section[data-section="faults"] .ol-count`, (t) => t.textContent)).toBe('8');
        expect(await root.$eval(`${SIDEBAR} section[data-section="remedies"] .ol-count`, (t) => t.textContent)).toBe('4');
        expect(await root.$eval(`${SIDEBAR} .ol-corrections-extra summary`, (t) => t.textContent)).toBe('Your corrections: 1 removed');
      }
      // The picture: the added fault (its sentence still in view in the page) above the remedies, with the corrected payment.
      const added = await sidebarElement(page, 'li.ol-fault', 'I found that no record appeared in the case papers');
      await added.evaluate((li) => li.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(screenshots, 'sidebar-corrections.png') });
    });

    it('shows them in the library list, the comparison and the figures', async () => {
      const popup = await lens.openExtensionPage('/popup.html', { width: 800, height: 700 });
      await waitForRows(popup, 7);
      const row = (await popup.waitForSelector(`li.ol-case[data-reference="${REF}"]`))!;
      expect(await row.$eval('.ol-badge', (b) => b.textContent)).toBe('Not upheld');
      expect(await row.$eval('.ol-corrected', (m) => m.getAttribute('title'))).toBe(
        'You corrected: outcome, a fault’s injustice, an amount, removed an item, added a fault',
      );
      expect(await row.$eval('.ol-case-paid', (p) => p.textContent)).toBe('£750 paid');

      for (const ref of [REF, '20 003 139'])
        await (await popup.waitForSelector(`input[aria-label="Select ${ref} for comparison"]`))!.click();
      await clickPageButton(popup, 'Compare (2)');
      const table = (await popup.waitForSelector('[role="region"][aria-label="Comparison table"]'))!;
      const text = await table.evaluate((el) => el.textContent ?? '');
      expect(text).toContain('£750');
      expect(text).not.toContain('£500');
      expect(text).toContain('I found that no record appeared in the case papers');
      expect(text).not.toContain('It will also confirm that any restrictions');
      expect(await table.$$eval('.ol-corrected', (m) => m.length)).toBeGreaterThan(0);
      await popup.screenshot({ path: join(screenshots, 'popup-compare-corrected.png') });

      await clickPageButton(popup, 'List');
      await waitForRows(popup, 7);
      for (const ref of [REF, '20 003 139'])
        await (await popup.waitForSelector(`input[aria-label="Select ${ref} for comparison"]`))!.click();
      await clickPageButton(popup, 'Figures');
      const figures = (await popup.waitForSelector('section.ol-figures'))!;
      expect(await figures.$eval('.ol-figures-corrected', (p) => p.textContent)).toBe(
        'corrected 1 of these 7 cases carries your corrections, and the figures count your values (1 with a corrected outcome, 1 with a corrected payment).',
      );
      // 7 cases: 20 003 139 and the five paying corpus cases are upheld (each's Decision line or summary says so), 18 009 360 is now not.
      const stat = (label: string) =>
        figures.$$eval(
          '.ol-stat',
          (stats, l) => stats.find((s) => s.querySelector('dt')?.textContent === l)?.querySelector('dd')?.textContent,
          label,
        );
      expect(await stat('Not upheld')).toBe('14%corrected1 of 7');
      // Payments and refunds, from the labels read by hand (test/corpus/labels.json): 18 007 848 £250 + £181 refunded;
      // 20 013 903 £150 + £150 + £10,000; 21 008 070 £500 + £3,000; 25 004 482 £150; 15 018 561 £500 + £500 + £300
      // refunded; and 18 009 360's corrected £750.
      expect(await stat('Total paid')).toBe('£16,431corrected6 cases with a payment');
      // The smallest (£150) and largest (£10,300, 20 013 903) payments are not the corrected case's: no mark.
      expect(await stat('Smallest payment')).toBe('£150');
      expect(await stat('Largest payment')).toBe('£10,300');
      await popup.screenshot({ path: join(screenshots, 'popup-figures-corrected.png') });
      await popup.close();
    });

    it('exports them in the CSV and the corrections file, and a backup imported into an emptied library keeps them', async () => {
      const library = await lens.openExtensionPage('/library.html', { width: 1100, height: 800 });
      await waitForRows(library, 7);
      await clickPageButton(library, 'Export CSV');
      const bytes = await downloaded(lens, /^ombudsman-lens-cases-.*\.csv$/);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
      const row = rows.find((r) => r[0] === REF)!;
      const cell = (name: string) => row[header!.indexOf(name)];
      expect(cell('outcome.kind')).toBe('not-upheld');
      expect(cell('totalPayments')).toBe('750');
      expect(cell('corrected')).toBe('faults.added; faults.injustice; outcome.kind; remedies.amount; remedies.removed; totalPayments');
      expect(rows.find((r) => r[0] === '20 003 139')![header!.indexOf('corrected')]).toBe('');

      await clickPageButton(library, 'Export corrections');
      const report = JSON.parse((await downloaded(lens, /^ombudsman-lens-corrections-.*\.json$/)).toString('utf8')) as {
        cases: Array<{ reference: string; corrections: Array<{ field: string; from?: unknown; to?: unknown }> }>;
      };
      expect(report.cases.map((c) => c.reference)).toEqual([REF]);
      expect(report.cases[0]!.corrections.map((c) => c.field).sort()).toEqual(['added-fault', 'amount', 'injustice', 'outcome', 'removed']);
      expect(report.cases[0]!.corrections.find((c) => c.field === 'amount')).toMatchObject({ from: 500, to: 750 });

      await clickPageButton(library, 'Export JSON backup');
      const backup = (await downloaded(lens, /^ombudsman-lens-backup-.*\.jsonl$/)).toString('utf8');
      const backupPath = await lens.waitForDownload(/^ombudsman-lens-backup-.*\.jsonl$/);
      const lines = backup
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { reference?: string; corrections?: unknown[] });
      expect(lines.find((l) => l.reference === REF)!.corrections).toHaveLength(5);

      // Emptied as a person would: every case deleted in the page.
      for (const c of await storedCases(library)) {
        await clickPageButton(library, `Delete ${c.reference as string}`);
      }
      await waitForRows(library, 0);
      expect(await storedCases(library)).toEqual([]);
      await (await library.waitForSelector('input[type="file"]'))!.uploadFile(backupPath);
      await library.waitForFunction(() => /Imported: 7 cases added/.test(document.body.textContent ?? ''), { timeout: 20_000 });
      await waitForRows(library, 7);
      const row18 = (await library.waitForSelector(`li.ol-case[data-reference="${REF}"]`))!;
      expect(await row18.$eval('.ol-case-paid', (p) => p.textContent)).toBe('£750 paid');
      expect(await row18.$eval('.ol-badge', (b) => b.textContent)).toBe('Not upheld');
      const stored = (await storedCases(library)).find((c) => c.reference === REF)!;
      expect((stored.corrections as unknown[]).length).toBe(5);
      await library.close();
    });

    it('keeps them through a re-parse by a newer parser version, matched by their sentences', async () => {
      const library = await lens.openExtensionPage('/library.html', { width: 1100, height: 800 });
      await waitForRows(library, 7);
      // As an older parser left it: its version, and a title the current parser does not read.
      await library.evaluate(
        (reference: string) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('ombudsman-lens');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['cases', 'summaries'], 'readwrite');
              const cases = tx.objectStore('cases');
              const summaries = tx.objectStore('summaries');
              cases.get(reference).onsuccess = (e) => {
                const c = (e.target as IDBRequest).result;
                cases.put({ ...c, parserVersion: '0.9.0', card: { ...c.card, title: 'Read by parser 0.9.0' } });
              };
              summaries.get(reference).onsuccess = (e) => {
                const s = (e.target as IDBRequest).result;
                summaries.put({ ...s, summary: { ...s.summary, parserVersion: '0.9.0', title: 'Read by parser 0.9.0' } });
              };
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(new Error(String(tx.error)));
            };
          }),
        REF,
      );
      const before = (await storedCases(library)).find((c) => c.reference === REF)!;
      expect([before.parserVersion, before.summary!.title]).toEqual(['0.9.0', 'Read by parser 0.9.0']);
      // An update: the extension reloads, its background is told "update", and re-reads stale cases.
      await library.evaluate(() => {
        setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 0);
      });
      // The extension's own pages go as it reloads: the library page closing is the sign that it did.
      // (Closing it from here could beat the reload's timer under load, and nothing would reload.)
      // A page or an evaluation can hang while the extension restarts, so each step below has its own
      // limit and the library is asked again until it answers.
      if ((await settled(new Promise((resolve) => library.once('close', () => resolve(true))), 30_000)) === null) {
        await settled(library.close(), 5_000);
      }
      let after = before;
      const deadline = Date.now() + 90_000;
      while (after.parserVersion !== PARSER_VERSION && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const probe = await settled(lens.openExtensionPage('/library.html'), 25_000);
        if (!probe) continue;
        after = (await settled(storedCases(probe), 10_000))?.find((c) => c.reference === REF) ?? after;
        await settled(probe.close(), 5_000);
      }
      expect(after.parserVersion).toBe(PARSER_VERSION);
      expect(after.summary!.title).not.toBe('Read by parser 0.9.0');
      expect((after.summary!.remedies as Array<{ amount: number | null }>).some((r) => r.amount === 500)).toBe(true); // the parser's own reading
      expect(after.totalPayments).toBe(750);
      expect(after.outcomeKind).toBe('not-upheld');
      expect((after.corrections as unknown[]).length).toBe(5);

      const fresh = await openDecision(server.decisionUrl('18-009-360'));
      await waitForSidebarText(fresh, `${SIDEBAR} .ol-badge`, 'Not upheld');
      const root = await sidebarRoot(fresh);
      expect(await root.$$eval(`${SIDEBAR} .ol-corrected`, (s) => s.length)).toBe(5);
      expect(await root.$eval(`${SIDEBAR} .ol-corrections-extra summary`, (t) => t.textContent)).toBe('Your corrections: 1 removed');
      await fresh.close();
    }, 180_000);
  });

  it('nothing reached the pages’ consoles as an error, and no request left for another host', () => {
    expect(pageErrors).toEqual([]);
    expect(lens.strayRequests).toEqual([]);
  });
});
