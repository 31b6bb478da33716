/**
 * The page as a person meets it: every visit is a fresh content script, so the
 * parser runs once, cold. Three kinds of fresh page, loaded in turn in the same
 * browser (interleaved, so the machine's load falls on all three alike):
 *
 * - the largest seed at /bench/<ref> (outside the content script's matches) with
 *   the bench bundle evaluated, and one parse timed: the parser's first run;
 * - the same, and one Readability run (clone + parse) timed: reader view's first run;
 * - the seed at its decision address with the extension: the sidebar's marks.
 *
 * The order of the three turns each round, so none always follows the same one.
 */
import type { BrowserContext } from 'playwright-core';
import type { FixtureServer } from '../browser-harness';
import { addSidebarLoad, loadSidebar, type SidebarFigures } from './measure-sidebar';
import { callInPage, type DecisionPageApi } from './page-apis';

export interface ColdFigures {
  parse: number[];
  readability: number[];
  clone: number[];
  sidebar: SidebarFigures;
  faults: number;
}

type Kind = 'parse' | 'readability' | 'sidebar';
const KINDS: Kind[] = ['parse', 'readability', 'sidebar'];

/** Round `round`'s order: the three kinds rotated by one each round. */
export function coldOrder(round: number): Kind[] {
  const k = round % KINDS.length;
  return [...KINDS.slice(k), ...KINDS.slice(0, k)];
}

export async function measureColdPage(options: {
  context: BrowserContext;
  server: FixtureServer;
  bundle: string;
  seed: { ref: string; html: string };
  warmup: number;
  runs: number;
}): Promise<ColdFigures> {
  const { context, server, seed } = options;
  const benchPath = `/bench/${seed.ref}`;
  server.addRoute(benchPath, seed.html);
  const decisionUrl = server.decisionUrl(seed.ref);
  const figures: ColdFigures = {
    parse: [],
    readability: [],
    clone: [],
    sidebar: { paint: [], read: [], analysis: [], complete: [] },
    faults: -1,
  };

  const oneTool = async (kind: 'parse' | 'readability', keep: boolean) => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${benchPath}`, { waitUntil: 'load' });
      await page.evaluate(options.bundle);
      if (kind === 'parse') {
        const p = await callInPage<DecisionPageApi, 'coldParse'>(page, 'coldParse', { url: decisionUrl });
        figures.faults = p.faults;
        if (keep) figures.parse.push(p.ms);
      } else {
        const r = await callInPage<DecisionPageApi, 'coldReadability'>(page, 'coldReadability');
        if (keep) {
          figures.readability.push(r.ms);
          figures.clone.push(r.cloneMs);
        }
      }
    } finally {
      await page.close();
    }
  };

  for (let round = 0; round < options.warmup + options.runs; round++) {
    const keep = round >= options.warmup;
    for (const kind of coldOrder(round)) {
      if (kind === 'sidebar') {
        const load = await loadSidebar(context, decisionUrl);
        if (keep) addSidebarLoad(figures.sidebar, load);
      } else {
        await oneTool(kind, keep);
      }
    }
  }
  return figures;
}
