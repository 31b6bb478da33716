/**
 * The bench's cold-page and long-task figures: the order the three kinds of fresh
 * page are loaded in, which long tasks count as the extension's, and the 1 MB page.
 */
import { describe, expect, it } from 'vitest';
import { coldOrder } from '../../scripts/bench/measure-cold';
import { longestByStep, longestIn, stepAt } from '../../scripts/bench/measure-long-tasks';
import { inflateDecisionPage } from '../../scripts/bench/big-page';
import { parseDecision } from '../../lib/parser/parse-decision';
import { htmlDocument, SEED_URLS, seedHtml } from '../helpers/seeds';

describe('coldOrder', () => {
  it('turns the three kinds of page each round, so each comes first, second and third in turn', () => {
    expect([0, 1, 2, 3].map(coldOrder)).toEqual([
      ['parse', 'readability', 'sidebar'],
      ['readability', 'sidebar', 'parse'],
      ['sidebar', 'parse', 'readability'],
      ['parse', 'readability', 'sidebar'],
    ]);
  });
});

describe('longestIn', () => {
  it('takes the longest task overlapping the span, including ones that start before it or end after it', () => {
    const tasks: [number, number][] = [
      [0, 60], // ends before the span
      [90, 60], // starts before, ends inside
      [120, 55],
      [290, 80], // starts inside, ends after
      [400, 900], // after the span
    ];
    expect(longestIn(tasks, 100, 300)).toEqual({ longest: 80, count: 3, at: 290 });
  });

  it('is 0 when no long task falls in the span', () => {
    expect(longestIn([[0, 70]], 100, 300)).toEqual({ longest: 0, count: 0, at: null });
    expect(longestIn([], 0, Infinity)).toEqual({ longest: 0, count: 0, at: null });
  });
});

describe('stepAt', () => {
  const marks = { start: 100, read: 180, painted: 190, analysed: 400, complete: 450 };
  it("names the content script's step a task began in, by the marks after it", () => {
    expect([150, 185, 300, 420].map((t) => stepAt(t, marks))).toEqual([
      'reading the page',
      'first paint',
      'analysis',
      'drawing the findings',
    ]);
  });

  it("names the later portions of a long page's lists, after the findings' first frame", () => {
    const withDrawn = { ...marks, drawn: 900 };
    expect([420, 460, 880].map((t) => stepAt(t, withDrawn))).toEqual([
      'drawing the findings',
      'drawing the later portions',
      'drawing the later portions',
    ]);
  });
});

describe('longestByStep', () => {
  it('keeps the longest task that began in each step, a task begun before the start counted in the first', () => {
    const marks = { start: 100, read: 180, painted: 190, analysed: 400, complete: 450, drawn: 900 };
    const tasks: Array<[number, number]> = [
      [40, 70], // the page's, running into the start
      [150, 60],
      [300, 55],
      [320, 90],
      [460, 52],
      [950, 400], // after the end
    ];
    expect(longestByStep(tasks, marks, marks.drawn)).toEqual({ 'reading the page': 70, analysis: 90, 'drawing the later portions': 52 });
  });
});

describe('inflateDecisionPage', () => {
  it('repeats the statement until the page has the bytes asked for, and the parser reads every copy', { timeout: 60_000 }, () => {
    const html = seedHtml('18-009-360');
    const big = inflateDecisionPage(html, 150_000);
    expect(big.bytes).toBeGreaterThanOrEqual(150_000);
    expect(big.bytes).toBe(Buffer.byteLength(big.html));
    // 51,714 B with its ~45 KB statement: three copies are not enough, four are.
    expect(big.factor).toBe(4);
    const result = parseDecision(htmlDocument(big.html), { url: SEED_URLS['18-009-360'] });
    if (!result.ok) throw new Error(result.message);
    // The seed's 7 faults (test/lib/seed-decisions.test.ts), once per copy.
    expect(result.summary.faults).toHaveLength(7 * 4);
  });
});
