/**
 * Payments in context (lib/library/payment-context.ts): what the saved cases paid for the same
 * purpose, over real decisions. The payments, read by hand from the texts:
 *   18 009 360 (seed, ¶88): "Pay Mr C £500 in recognition of his distress and time and trouble"
 *   18 007 848: "pay Mrs X £250 for the avoidable distress caused and to waive outstanding fees of £181"
 *   20 013 903: "£150 for time and trouble, £150 for distress, £10,000 for the missed grant"
 *   21 008 070: "pay Mr X £500, and Mr and Mrs L £3,000 to recognise the distress" (the £3,000 is the one
 *               for distress; the £500's purpose is not stated)
 *   25 004 482: "pay Mrs X £150 to remedy the distress this has caused"
 *   18 016 806: "reimburse Mr X the £235 enforcement fee" (a refund: never compared)
 * So for distress: £150, £150, £250, £500, £3,000 in five cases, median £250; for time and trouble
 * £150 and £500, two cases: too few.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { MIN_CASES_TO_COMPARE, paymentContext } from '../../lib/library/payment-context';
import { PAYMENT_PURPOSES, purposesOf } from '../../lib/library/payment-purposes';
import { ReplySchema } from '../../lib/messages';
import type { DecisionSummary } from '../../lib/schema';
import { ROOT, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const labels = JSON.parse(readFileSync(`${ROOT}test/corpus/labels.json`, 'utf8')) as { file: string; url: string }[];

function corpusCase(file: string): { summary: DecisionSummary; text: string; url: string } {
  const url = labels.find((l) => l.file === file)!.url;
  const text = readFileSync(`${ROOT}test/corpus/${file}`, 'utf8');
  return { summary: summaryOf(text, url), text, url };
}

const CASES = [
  { summary: summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']), text: seedText('18-009-360'), url: SEED_URLS['18-009-360'] },
  { summary: summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']), text: seedText('20-003-139'), url: SEED_URLS['20-003-139'] },
  ...[
    'openings/18-007-848.txt',
    'openings/20-013-903.txt',
    'openings/21-008-070.txt',
    'openings/25-004-482.txt',
    'openings/18-016-806.txt',
  ].map(corpusCase),
];
const summaries = CASES.map((c) => c.summary);

describe('payment purposes', () => {
  it('reads each row’s example as its purpose', () => {
    for (const row of PAYMENT_PURPOSES) expect(purposesOf(row.example), row.example).toContain(row.purpose);
  });

  it('gives both purposes of a payment for distress and time and trouble, and none for no stated purpose', () => {
    expect(purposesOf('distress and time and trouble')).toEqual(['distress', 'time and trouble']);
    expect(purposesOf(null)).toEqual([]);
    expect(purposesOf('financial loss')).toEqual([]);
  });
});

describe('paymentContext over real decisions', () => {
  it('gives the range and median of the payments for distress, one figure per case', () => {
    expect(paymentContext(summaries, null)).toEqual([
      { purpose: 'distress', cases: 5, min: 150, median: 250, max: 3000 },
      { purpose: 'time and trouble', cases: 2, min: null, median: null, max: null },
    ]);
  });

  it('leaves out the decision being read, and then has too few to say anything', () => {
    expect(MIN_CASES_TO_COMPARE).toBe(5);
    expect(paymentContext(summaries, '18 009 360')[0]).toEqual({ purpose: 'distress', cases: 4, min: null, median: null, max: null });
    // A joint case's other page is the same decision.
    expect(paymentContext(summaries, '18 009 360b')[0]!.cases).toBe(4);
  });

  it('adds up two payments for one purpose in one decision as that case’s one figure', () => {
    const twice = structuredClone(summaries);
    const stoke = twice.find((s) => s.reference === '25 004 482')!;
    stoke.remedies.push({ ...stoke.remedies.find((r) => r.kind === 'payment')!, amount: 100 });
    expect(paymentContext(twice, null)[0]).toEqual({ purpose: 'distress', cases: 5, min: 150, median: 250, max: 3000 });
    stoke.remedies.push({ ...stoke.remedies.find((r) => r.kind === 'payment')!, amount: 1000 });
    // 25 004 482 now paid £150 + £100 + £1,000 = £1,250 for distress: £150, £250, £500, £1,250, £3,000.
    expect(paymentContext(twice, null)[0]).toEqual({ purpose: 'distress', cases: 5, min: 150, median: 500, max: 3000 });
  });
});

describe('the payment-context message', () => {
  it('is answered from the saved cases with a payment', async () => {
    const store = new CaseStore(new LensDatabase(`payment-context-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
    for (const c of CASES) {
      const saved = await store.save(c);
      if (!saved.ok) throw new Error(`${c.summary.reference}: ${saved.message}`);
    }
    const paid = await store.paidSummaries();
    // 20 003 139 agreed no payment: its summary is not read.
    expect(paid.ok && paid.value.map((s) => s.reference).sort()).toEqual([
      '18 007 848',
      '18 009 360',
      '18 016 806',
      '20 013 903',
      '21 008 070',
      '25 004 482',
    ]);
    const reply = await handleMessage(store, { type: 'payment-context', exclude: '20 003 139' });
    expect(ReplySchema.safeParse(reply).success).toBe(true);
    expect(reply).toEqual({
      ok: true,
      payments: [
        { purpose: 'distress', cases: 5, min: 150, median: 250, max: 3000 },
        { purpose: 'time and trouble', cases: 2, min: null, median: null, max: null },
      ],
    });
    expect(await handleMessage(store, { type: 'payment-context', exclude: 42 })).toMatchObject({ ok: false, error: 'invalid-message' });
  });
});
