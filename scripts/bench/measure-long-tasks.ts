/**
 * The longest main-thread task the extension causes on a 1 MB decision page
 * (big-page.ts: the largest seed's statement repeated), from the browser's own
 * long-task timing: a `PerformanceObserver` for 'longtask' entries (tasks of
 * 50 ms or more), installed in the page before its first script runs.
 *
 * Tasks are the page's and the extension's alike, so each load of the page with
 * the extension (its decision address) alternates with a load of the same page
 * where the content script does not run (/bench/...): the page alone's longest
 * task is what the page costs by itself. With the extension, the tasks that are
 * its own are those between the content script's first mark (`start`) and its
 * last (`drawn`: every list of the findings drawn, entrypoints/content/drawn-mark.ts;
 * a long page's lists arrive in portions after `complete`, the findings' first frame).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { inSidebar, reachSidebar, type FixtureServer } from '../browser-harness';

const MARK_NAMES = ['start', 'read', 'painted', 'analysed', 'complete', 'drawn'] as const;

/**
 * Waits for the content script's `last` mark and reads its marks, by the smallest evaluations the
 * debugging protocol allows, a few a second. Not Playwright's waitForFunction or locators: their first
 * use in a page compiles Playwright's injected script there, a task of 100-350 ms on a loaded machine
 * (seen in traces), which would fall inside the span measured.
 */
async function waitForMarks(page: Page, last: 'drawn' | 'complete', timeoutMs: number): Promise<ContentMarks> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const evaluate = async <T>(expression: string): Promise<T> =>
      (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as T;
    const deadline = Date.now() + timeoutMs;
    while (!(await evaluate<boolean>(`performance.getEntriesByName('ombudsman-lens:${last}').length > 0`))) {
      if (Date.now() > deadline) throw new Error(`the content script's '${last}' mark did not come in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const times = await evaluate<Array<number | null>>(
      `${JSON.stringify(MARK_NAMES)}.map((name) => performance.getEntriesByName('ombudsman-lens:' + name)[0]?.startTime ?? null)`,
    );
    const [start, read, painted, analysed, complete, drawn] = times;
    if ([start, read, painted, analysed, complete].some((t) => typeof t !== 'number'))
      throw new Error(`the content script's marks are incomplete: ${JSON.stringify(times)}`);
    return {
      start: start!,
      read: read!,
      painted: painted!,
      analysed: analysed!,
      complete: complete!,
      ...(drawn !== null ? { drawn } : {}),
    };
  } finally {
    await cdp.detach();
  }
}

/** [startTime, duration] of every long task since navigation start, in the page's main world. */
const OBSERVER = `(() => {
  const tasks = [];
  globalThis.__olLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** Long tasks are reported after they end, in a later task: time to let the last ones in. */
const SETTLE_MS = 1_500;

export interface LongTaskFigures {
  /** Per load with the extension: its longest task in ms (0: none of 50 ms or more). */
  extension: number[];
  /** Per load without the extension: the page's own longest task over the same span. */
  pageAlone: number[];
  /** Per load with the extension: the page's longest task before the content script started. */
  pageBefore: number[];
  /** Per load with the extension: findings painted, ms after the content script started. */
  complete: number[];
  /** Per load with the extension: how many long tasks fell in the extension's span. */
  count: number[];
  /** Per load with the extension: the step its longest task began in (see `stepAt`). */
  steps: string[];
  /** Per load with the extension: every list drawn whole, ms after the content script started. */
  drawn: number[];
  /** Per load with the extension: the longest task from its start to the end of the observation, whoever's. */
  afterStart: number[];
  /** Per load with the extension: the longest task that began in each step (see `stepAt`), for what is left. */
  byStep: Array<Record<string, number>>;
}

export interface ContentMarks {
  start: number;
  read: number;
  painted: number;
  analysed: number;
  complete: number;
  /** Absent from builds before the lists were drawn in portions: `complete` is then the end. */
  drawn?: number;
}

/** The content script's step a time falls in, by its marks: where a long task of its began. */
export function stepAt(time: number, marks: ContentMarks): string {
  if (time < marks.read) return 'reading the page';
  if (time < marks.painted) return 'first paint';
  if (time < marks.analysed) return 'analysis';
  if (time < marks.complete || marks.drawn === undefined) return 'drawing the findings';
  return 'drawing the later portions';
}

type Task = [number, number];

async function longTasks(page: Page): Promise<Task[]> {
  return page.evaluate<Task[]>('globalThis.__olLongTasks ?? []');
}

/** The longest of `tasks` that overlaps [from, to] (0 when none does), and when it started. */
export function longestIn(tasks: Task[], from: number, to: number): { longest: number; count: number; at: number | null } {
  const inside = tasks.filter(([start, duration]) => start <= to && start + duration >= from);
  const top = inside.reduce<Task | null>((best, task) => (best === null || task[1] > best[1] ? task : best), null);
  return { longest: top?.[1] ?? 0, count: inside.length, at: top?.[0] ?? null };
}

/** The longest task that began in each of the content script's steps, over [start, end]. */
export function longestByStep(tasks: Task[], marks: ContentMarks, end: number): Record<string, number> {
  const byStep: Record<string, number> = {};
  for (const [start, duration] of tasks) {
    if (start + duration < marks.start || start > end) continue;
    const step = stepAt(Math.max(start, marks.start), marks);
    byStep[step] = Math.max(byStep[step] ?? 0, duration);
  }
  return byStep;
}

export async function measureLongTasks(options: {
  context: BrowserContext;
  server: FixtureServer;
  html: string;
  runs: number;
  /** The content script's last mark; 'complete' for a build from before `drawn` existed (comparisons). */
  lastMark?: 'drawn' | 'complete';
}): Promise<LongTaskFigures> {
  const { context, server } = options;
  const name = 'long-18-009-360';
  const withPath = `/decisions/children-s-care-services/child-protection/${name}`;
  const alonePath = `/bench/${name}`;
  server.addRoute(withPath, options.html);
  server.addRoute(alonePath, options.html);
  const lastMark = options.lastMark ?? 'drawn';
  const figures: LongTaskFigures = {
    extension: [],
    pageAlone: [],
    pageBefore: [],
    complete: [],
    count: [],
    steps: [],
    drawn: [],
    afterStart: [],
    byStep: [],
  };

  for (let i = 0; i < options.runs; i++) {
    const page = await context.newPage();
    try {
      await page.addInitScript(OBSERVER);
      await page.goto(`${server.origin}${withPath}`, { waitUntil: 'load', timeout: 120_000 });
      const marks = await waitForMarks(page, lastMark, 120_000);
      const end = marks.drawn ?? marks.complete;
      await reachSidebar(page, 120_000);
      if (await inSidebar(page, '.ol-partial').count()) throw new Error('the 1 MB page was not read whole');
      await page.waitForTimeout(SETTLE_MS);
      const tasks = await longTasks(page);
      const ours = longestIn(tasks, marks.start, end);
      figures.extension.push(ours.longest);
      figures.count.push(ours.count);
      figures.steps.push(ours.at === null ? 'none' : stepAt(ours.at, marks));
      figures.pageBefore.push(longestIn(tasks, 0, marks.start).longest);
      figures.complete.push(marks.complete - marks.start);
      figures.drawn.push(end - marks.start);
      figures.afterStart.push(longestIn(tasks, marks.start, Infinity).longest);
      figures.byStep.push(longestByStep(tasks, marks, end));
    } finally {
      await page.close();
    }

    const alone = await context.newPage();
    try {
      await alone.addInitScript(OBSERVER);
      await alone.goto(`${server.origin}${alonePath}`, { waitUntil: 'load', timeout: 120_000 });
      await alone.waitForTimeout(SETTLE_MS);
      figures.pageAlone.push(longestIn(await longTasks(alone), 0, Infinity).longest);
    } finally {
      await alone.close();
    }
  }
  return figures;
}
