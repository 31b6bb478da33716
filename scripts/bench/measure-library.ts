/**
 * The saved-cases library at scale: writing a generated library into the
 * extension's database, then the popup over it (first rows, filtering as you
 * type, comparing 50 cases side by side).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { callInPage, type ExtensionPageApi, type PopupApi, type SeedText } from './page-apis';
import { FILTER_QUERIES } from './library-generator';

export interface LibraryWrite {
  cases: number;
  importMs: number;
  textChars: number;
  usageBefore: number;
  usageAfter: number;
}

/** Cases are imported in backups of this many: one backup of 10,000 texts would hold ~400 MB of strings at once. */
const BATCH = 1000;

export async function writeLibrary(options: {
  context: BrowserContext;
  extensionId: string;
  bundle: string;
  seeds: SeedText[];
  cases: number;
  log: (message: string) => void;
}): Promise<LibraryWrite> {
  const page = await options.context.newPage();
  try {
    // A document of the extension's origin that runs none of the extension's code.
    const response = await page.goto(`chrome-extension://${options.extensionId}/manifest.json`);
    if (!response?.ok()) throw new Error(`could not open an extension page (${response?.status()})`);
    await page.evaluate(options.bundle);
    const before = await callInPage<ExtensionPageApi, 'storageUsage'>(page, 'storageUsage');
    await callInPage<ExtensionPageApi, 'prepareTemplates'>(page, 'prepareTemplates', options.seeds);
    let importMs = 0;
    let textChars = 0;
    for (let start = 0; start < options.cases; start += BATCH) {
      const count = Math.min(BATCH, options.cases - start);
      const r = await callInPage<ExtensionPageApi, 'importGenerated'>(page, 'importGenerated', start, count);
      if (r.added !== count)
        throw new Error(`import of cases ${start}..${start + count - 1} added ${r.added} (merged ${r.merged}), expected ${count}`);
      importMs += r.ms;
      textChars += r.textChars;
      options.log(`  imported ${start + count} / ${options.cases} cases (${Math.round(importMs)} ms in importBackup)`);
    }
    const cases = await callInPage<ExtensionPageApi, 'countCases'>(page, 'countCases');
    const after = await callInPage<ExtensionPageApi, 'storageUsage'>(page, 'storageUsage');
    return { cases, importMs, textChars, usageBefore: before.usage, usageAfter: after.usage };
  } finally {
    await page.close();
  }
}

const POPUP_VIEWPORT = { width: 800, height: 600 };

async function openPopup(context: BrowserContext, url: string, probes: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.addInitScript({ content: probes });
  await page.goto(url);
  return page;
}

function firstRender(page: Page, timeoutMs: number): Promise<{ shell: number; rows: number }> {
  return callInPage<PopupApi, 'firstRender'>(page, 'firstRender', timeoutMs);
}

export interface FirstRenderFigures {
  /** ms from navigation start to the first list rows, in the next frame. */
  rows: number[];
  /** ms from navigation start to the app's first render ("Reading the library…"). */
  shell: number[];
}

/**
 * Opens the popup afresh `warmup + runs` times (a new page each time, as clicking the toolbar button does).
 * After the first opening the rows come from the one before (lib/library/remembered-rows.ts), as a
 * person meets them; the warm-up openings make sure of it.
 */
export async function measurePopupFirstRender(options: {
  context: BrowserContext;
  popupUrl: string;
  probes: string;
  warmup: number;
  runs: number;
}): Promise<FirstRenderFigures> {
  const rows: number[] = [];
  const shell: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const page = await openPopup(options.context, options.popupUrl, options.probes);
    try {
      const r = await firstRender(page, 180_000);
      if (i >= options.warmup) {
        rows.push(r.rows);
        shell.push(r.shell);
      }
      // Closed once it has read the whole library, as a person's popup is: closed at once, its read of
      // 10,000 entries would still be running in the browser and the next run's first rows would wait behind it.
      await settle(page);
    } finally {
      await page.close();
    }
  }
  return { rows, shell };
}

/**
 * Until the popup's DOM has been still for a moment: whatever the last input
 * caused (or the rest of the library still loading after the first rows) is done.
 */
const settle = (page: Page) => callInPage<PopupApi, 'quiet'>(page, 'quiet', 300, 60_000);

/**
 * One real keystroke at a time in the search box (Playwright's keyboard, so
 * keydown, input and keyup as from a person): the search is first set to a
 * query without its last letter (not timed), then the last letter is typed and
 * timed from its keydown to the list redrawn. The queries are built so that the
 * last letter narrows the list (see FILTER_QUERIES).
 */
export async function measurePopupFilter(options: {
  context: BrowserContext;
  popupUrl: string;
  probes: string;
  warmup: number;
  runs: number;
  log: (m: string) => void;
}): Promise<number[]> {
  const page = await openPopup(options.context, options.popupUrl, options.probes);
  try {
    await firstRender(page, 180_000);
    await settle(page);
    const search = page.getByLabel('Search');
    const samples: number[] = [];
    // A keystroke that did not change the list is retried with the next query, up to a point.
    for (let i = 0; samples.length < options.runs && i < (options.warmup + options.runs) * 3; i++) {
      const query = FILTER_QUERIES[i % FILTER_QUERIES.length]!;
      await search.fill(query.slice(0, -1));
      await settle(page);
      await callInPage<PopupApi, 'armKeystroke'>(page, 'armKeystroke', 15_000);
      await page.keyboard.press(query.slice(-1));
      try {
        const r = await callInPage<PopupApi, 'interactionResult'>(page, 'interactionResult');
        if (!r.listTouched) options.log(`  typing "${query}": the list did not change, sample not counted`);
        else if (i >= options.warmup) samples.push(r.ms);
      } catch (error) {
        options.log(`  typing "${query}": ${error instanceof Error ? error.message : String(error)}; sample not counted`);
      }
    }
    await search.fill('');
    await settle(page);
    if (samples.length === 0) throw new Error('no keystroke in the search box changed the list');
    return samples;
  } finally {
    await page.close();
  }
}

/**
 * Ticks `columns` cases in the list (scrolling the windowed list to reach
 * them), then times the click on "Compare (N)" to the comparison table with N
 * columns drawn. Back to the list between runs.
 */
export async function measureCompare(options: {
  context: BrowserContext;
  popupUrl: string;
  probes: string;
  columns: number;
  warmup: number;
  runs: number;
}): Promise<number[]> {
  const page = await openPopup(options.context, options.popupUrl, options.probes);
  try {
    await firstRender(page, 180_000);
    await settle(page);
    for (let i = 0; i < options.columns; i++) {
      await page.evaluate(
        `(() => { const s = document.querySelector('.ol-scroller'); const row = document.querySelector('li.ol-case'); if (s && row) s.scrollTop = Math.max(0, ${i} - 2) * row.offsetHeight; })()`,
      );
      await page.locator(`li.ol-case[aria-posinset="${i + 1}"] input.ol-case-select`).check();
    }
    const compare = page.getByRole('button', { name: `Compare (${options.columns})` });
    const samples: number[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      await callInPage<PopupApi, 'armCompare'>(page, 'armCompare', options.columns, 60_000);
      await compare.click();
      const { ms } = await callInPage<PopupApi, 'interactionResult'>(page, 'interactionResult');
      if (i >= options.warmup) samples.push(ms);
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.locator('li.ol-case').first().waitFor({ timeout: 60_000 });
      await settle(page);
    }
    return samples;
  } finally {
    await page.close();
  }
}
