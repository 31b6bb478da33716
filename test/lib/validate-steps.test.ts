/**
 * The summary checked in steps (lib/parser/validate-steps.ts) gives what one parse with the schema
 * gives: the same summary on every seed and corpus decision, the same stripping of keys the schema
 * does not know, the same error for a bad item; and it pauses between items on a long summary.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseInSteps } from '../../lib/parser/validate-steps';
import { runSteps } from '../../lib/parser/steps';
import { DecisionSummarySchema, type DecisionSummary } from '../../lib/schema';
import { parseText } from '../../lib/parser/parse-decision';
import { SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';
import { loadCorpus } from '../corpus/score';

function stepped(value: Record<string, unknown>): { result: DecisionSummary; pauses: number } {
  const steps = parseInSteps(DecisionSummarySchema, value);
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, pauses };
    pauses++;
  }
}

/** What `parse` throws for `value` (the message lists every issue with its path). */
function thrown(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the parse to fail');
}

describe('the summary checked in steps', () => {
  it.each(SEED_REFS)('is the one-call parse on seed %s, key for key and in the same order', (ref) => {
    const summary = summaryOf(seedText(ref), SEED_URLS[ref]);
    const { result } = stepped(summary);
    expect(JSON.stringify(result)).toBe(JSON.stringify(DecisionSummarySchema.parse(summary)));
  });

  it('is the one-call parse on every decision of the corpus', () => {
    let compared = 0;
    for (const c of loadCorpus()) {
      const parsed = parseText(c.text);
      if (!parsed.ok) continue;
      expect(JSON.stringify(stepped(parsed.summary).result), c.label.file).toBe(
        JSON.stringify(DecisionSummarySchema.parse(parsed.summary)),
      );
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(70);
  });

  it('drops what the schema does not know, in the items and around them, as the schema does', () => {
    const summary = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
    const loose = {
      ...summary,
      stray: 'not in the schema',
      faults: summary.faults.map((f) => ({ ...f, stray: 1 })),
      statutes: summary.statutes.map((s) => ({ ...s, evidence: s.evidence.map((e) => ({ ...e, stray: true })) })),
    };
    const { result } = stepped(loose);
    expect(result).toEqual(DecisionSummarySchema.parse(loose));
    expect(result).toEqual(summary);
  });

  it('throws for a bad item what the one-call parse throws, with the item’s place in the summary', () => {
    const summary = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
    const bad = { ...summary, remedies: summary.remedies.map((r, i) => (i === 2 ? { ...r, amount: -500 } : r)) };
    const message = thrown(() => stepped(bad));
    expect(message).toBe(thrown(() => DecisionSummarySchema.parse(bad)));
    expect(message).toContain('"remedies"');
  });

  it('pauses between the items of a long summary, and not on a decision', () => {
    const summary = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
    expect(stepped(summary).pauses).toBe(0);
    // 7 faults ×20 and 5 remedies ×20: 240 items, a pause every 64.
    const long = {
      ...summary,
      faults: Array.from({ length: 20 }, () => summary.faults).flat(),
      remedies: Array.from({ length: 20 }, () => summary.remedies).flat(),
    };
    const { result, pauses } = stepped(long);
    const items = 240 + summary.complaints.length + summary.statutes.length + summary.guidance.length + summary.regulators.length;
    expect(summary.warnings).toEqual([]);
    expect(pauses).toBe(Math.floor(items / 64));
    expect(result).toEqual(DecisionSummarySchema.parse(long));
  });

  it('checks a list with checks of its own (a maximum length) with the whole object, so they still apply', () => {
    const schema = z.object({ xs: z.array(z.string()).check(z.maxLength(2)), ys: z.array(z.string()) });
    const value = { xs: ['a', 'b', 'c'], ys: ['d'] };
    expect(thrown(() => runSteps(parseInSteps(schema, value)))).toBe(thrown(() => schema.parse(value)));
    expect(runSteps(parseInSteps(schema, { xs: ['a'], ys: ['d', 'e'] }))).toEqual({ xs: ['a'], ys: ['d', 'e'] });
  });
});
