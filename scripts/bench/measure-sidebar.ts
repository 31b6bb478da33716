/**
 * The sidebar on a decision page with the production extension loaded: time to
 * its first paint (the headline) and to the findings painted (the content
 * script's own performance marks), and the Save button.
 */
import type { BrowserContext, Page } from 'playwright-core';
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

/**
 * Loads the page `warmup + runs` times, each in a new tab (so the content script
 * starts from scratch, as on a real visit), and reads the marks the content
 * script leaves in the page's performance timeline.
 */
export async function measureSidebarPaint(context: BrowserContext, url: string, warmup: number, runs: number): Promise<SidebarFigures> {
  const figures: SidebarFigures = { paint: [], read: [], analysis: [], complete: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(MARKS.at(-1))}).length > 0`, undefined, {
        timeout: 30_000,
      });
      const times = await page.evaluate<number[]>(
        `${JSON.stringify(MARKS)}.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)`,
      );
      if (!times.every((t) => Number.isFinite(t)))
        throw new Error(`the content script's marks are incomplete: ${MARKS.map((m, j) => `${m} ${times[j]}`).join(', ')}`);
      const [start, read, painted, analysed, complete] = times as [number, number, number, number, number];
      if (i >= warmup) {
        figures.paint.push(painted - start);
        figures.read.push(read - start);
        figures.analysis.push(analysed - painted);
        figures.complete.push(complete - start);
      }
    } finally {
      await page.close();
    }
  }
  return figures;
}

function sidebar(page: Page) {
  return page.locator('ombudsman-lens aside.ol-sidebar');
}

/**
 * Click on Save to the sidebar showing "Saved" (in the page: a capture click
 * listener on the sidebar's shadow root, a MutationObserver on it, the next
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
    const save = sidebar(page).getByRole('button', { name: 'Save', exact: true });
    await save.waitFor({ timeout: 30_000 });
    await page.evaluate(options.bundle);
    const samples: number[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      await callInPage<DecisionPageApi, 'armSave'>(page, 'armSave', 15_000);
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
