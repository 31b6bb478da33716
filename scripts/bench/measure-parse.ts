/**
 * The shared parser against Readability, and how the parser scales, in
 * Chromium on the largest seed page. The page is served at /bench/<ref> on the
 * fixture server (www.lgo.org.uk): same origin and markup as the decision's
 * real address, but outside the content script's match patterns, so the
 * extension does not parse the page or mount its sidebar while the timing runs.
 */
import type { BrowserContext } from 'playwright-core';
import type { FixtureServer } from '../browser-harness';
import { callInPage, type DecisionPageApi, type ScalingPoint } from './page-apis';

export interface ParseFigures {
  parse: number[];
  readability: number[];
  clone: number[];
  faults: number;
  scaling: ScalingPoint[];
}

export const SCALING_FACTORS = [1, 4, 16] as const;

export async function measureParsing(options: {
  context: BrowserContext;
  server: FixtureServer;
  bundle: string;
  seed: { ref: string; html: string };
  warmup: number;
  runs: number;
  scalingRuns: number;
}): Promise<ParseFigures> {
  const { context, server, seed } = options;
  const path = `/bench/${seed.ref}`;
  server.addRoute(path, seed.html);
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    // Evaluated, not added as a <script>: a script element would be part of the document both parse.
    await page.evaluate(options.bundle);
    // The address the content script would pass: the decision's real one.
    const url = server.decisionUrl(seed.ref);
    const vs = await callInPage<DecisionPageApi, 'parseVsReadability'>(page, 'parseVsReadability', {
      warmup: options.warmup,
      runs: options.runs,
      url,
    });
    const scaling = await callInPage<DecisionPageApi, 'scaling'>(page, 'scaling', {
      factors: [...SCALING_FACTORS],
      warmup: Math.max(1, Math.ceil(options.warmup / 2)),
      runs: options.scalingRuns,
      url,
    });
    return { ...vs, scaling };
  } finally {
    await page.close();
  }
}
