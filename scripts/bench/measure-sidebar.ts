/**
 * The sidebar on a decision page with the production extension loaded: time to
 * its first paint (the headline) and to the findings painted (the content
 * script's own performance marks), and the Save button.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { inSidebar, reachSidebar } from '../browser-harness';
import { callInPage, type DecisionPageApi } from './page-apis';

export interface SidebarFigures {
  /** painted − start, per load: the sidebar drawn with the headline. */
  paint: number[];
  /** read − start, per load: the page read into the document model and its headline. */
  read: number[];
  /** analysed − painted, per load: the analysis, run after the first paint. */
  analysis: number[];
  /** complete − start, per load: the findings drawn. */
  complete: number[];
}

/** Set by entrypoints/content/index.tsx, in this order. */
const MARKS = ['start', 'read', 'painted', 'analysed', 'complete'].map((name) => `ombudsman-lens:${name}`);

export interface SidebarLoad {
  paint: number;
  read: number;
  analysis: number;
  complete: number;
}

/** The content script's marks, ms since navigation start, once the last is set. */
export async function sidebarMarks(
  page: Page,
  timeoutMs = 30_000,
): Promise<{ start: number; read: number; painted: number; analysed: number; complete: number }> {
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(MARKS.at(-1))}).length > 0`, undefined, { timeout: timeoutMs });
  const times = await page.evaluate<number[]>(
    `${JSON.stringify(MARKS)}.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)`,
  );
  if (!times.every((t) => Number.isFinite(t)))
    throw new Error(`the content script's marks are incomplete: ${MARKS.map((m, j) => `${m} ${times[j]}`).join(', ')}`);
  const [start, read, painted, analysed, complete] = times as [number, number, number, number, number];
  return { start, read, painted, analysed, complete };
}

/** One visit: the page in a new tab (so the content script starts from scratch, as on a real visit). */
export async function loadSidebar(context: BrowserContext, url: string): Promise<SidebarLoad> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const { start, read, painted, analysed, complete } = await sidebarMarks(page);
    return { paint: painted - start, read: read - start, analysis: analysed - painted, complete: complete - start };
  } finally {
    await page.close();
  }
}

export function addSidebarLoad(figures: SidebarFigures, load: SidebarLoad): void {
  figures.paint.push(load.paint);
  figures.read.push(load.read);
  figures.analysis.push(load.analysis);
  figures.complete.push(load.complete);
}

/** The sidebar, in its closed shadow root (reached by the harness: `reachSidebar` after each load). */
function sidebar(page: Page) {
  return inSidebar(page);
}

/**
 * Click on Save to the sidebar showing "Saved" (in the page: a capture click
 * listener on the sidebar's shadow root, handed in from the harness, a MutationObserver on it, the next
 * frame). Unsave between runs; the first `warmup` saves wake the background
 * worker and open the database, and are not counted.
 */
export async function measureSave(options: {
  context: BrowserContext;
  url: string;
  bundle: string;
  warmup: number;
  runs: number;
}): Promise<number[]> {
  const page = await options.context.newPage();
  try {
    await page.goto(options.url, { waitUntil: 'load' });
    await reachSidebar(page, 30_000);
    const save = sidebar(page).getByRole('button', { name: 'Save', exact: true });
    await save.waitFor({ timeout: 30_000 });
    await page.evaluate(options.bundle);
    const samples: number[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      await sidebar(page).evaluate(
        (aside, timeoutMs) =>
          (globalThis as unknown as { __olBench: DecisionPageApi }).__olBench.armSave(aside.getRootNode() as ShadowRoot, timeoutMs),
        15_000,
      );
      await save.click();
      const { ms } = await callInPage<DecisionPageApi, 'interactionResult'>(page, 'interactionResult');
      if (i >= options.warmup) samples.push(ms);
      await sidebar(page).getByRole('button', { name: 'Unsave' }).click();
      await save.waitFor({ timeout: 15_000 });
    }
    return samples;
  } finally {
    await page.close();
  }
}
