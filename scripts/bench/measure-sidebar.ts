/**
 * The sidebar on a decision page with the production extension loaded: time to
 * first paint (the content script's own performance marks) and the Save button.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { callInPage, type DecisionPageApi } from './page-apis';

export interface SidebarFigures {
  /** painted − start, per load. */
  paint: number[];
  /** parsed − start, per load: the parser's share. */
  parse: number[];
}

const MARKS = ['ombudsman-lens:start', 'ombudsman-lens:parsed', 'ombudsman-lens:painted'] as const;

/**
 * Loads the page `warmup + runs` times, each in a new tab (so the content script
 * starts from scratch, as on a real visit), and reads the marks the content
 * script leaves in the page's performance timeline.
 */
export async function measureSidebarPaint(context: BrowserContext, url: string, warmup: number, runs: number): Promise<SidebarFigures> {
  const paint: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(MARKS[2])}).length > 0`, undefined, { timeout: 30_000 });
      const [start, parsed, painted] = await page.evaluate<number[]>(
        `${JSON.stringify(MARKS)}.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)`,
      );
      if (![start, parsed, painted].every((t) => Number.isFinite(t))) throw new Error(`the content script's marks are incomplete: ${[start, parsed, painted].join(', ')}`);
      if (i >= warmup) {
        paint.push(painted! - start!);
        parse.push(parsed! - start!);
      }
    } finally {
      await page.close();
    }
  }
  return { paint, parse };
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
export async function measureSave(options: { context: BrowserContext; url: string; bundle: string; warmup: number; runs: number }): Promise<number[]> {
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
