/**
 * Corrections of what the parser read, applied by the one pure function every view and export
 * uses, on the seed decisions (values hand-checked against seeds/*.txt, quoted below).
 */
import { describe, expect, it } from 'vitest';
import {
  CorrectionSchema,
  CorrectionsSchema,
  applyCorrections,
  correctedFieldNames,
  faultRef,
  remedyRef,
  withCorrection,
  withParserValue,
  type Correction,
} from '../../lib/library/corrections';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const AT = '2026-12-01T10:00:00.000Z';
const s18 = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
const s20 = summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']);

/** "Pay Mr C £500 in recognition of his distress and time and trouble resulting from the Council’s faults." (18 009 360) */
const payIndex = s18.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
/** "Append a copy of this statement to its case records, ..." */
const appendIndex = s18.remedies.findIndex((r) => r.text.startsWith('Append a copy of this statement'));

function amount(to: number | null): Correction {
  return { field: 'amount', target: remedyRef(s18.remedies, payIndex), from: 500, to, at: AT };
}

describe('applyCorrections', () => {
  it('the seed has what these tests correct', () => {
    expect(payIndex).toBeGreaterThanOrEqual(0);
    expect(s18.remedies[payIndex]).toMatchObject({ kind: 'payment', amount: 500, payee: 'Mr C' });
    expect(appendIndex).toBeGreaterThan(payIndex);
    expect(s18.totalPayments).toBe(500);
  });

  it('changes a remedy amount, recomputes the total, marks both and keeps the parser’s values; the input is unchanged', () => {
    const before = structuredClone(s18);
    const applied = applyCorrections(s18, [amount(750)]);
    expect(applied.summary.remedies[payIndex]!.amount).toBe(750);
    expect(applied.summary.totalPayments).toBe(750);
    expect([...applied.corrected].sort()).toEqual([`remedies[${payIndex}].amount`, 'totalPayments']);
    expect(applied.original.get(`remedies[${payIndex}].amount`)).toBe(500);
    expect(applied.original.get('totalPayments')).toBe(500);
    expect(correctedFieldNames(applied)).toEqual(['remedies.amount', 'totalPayments']);
    expect(s18).toEqual(before);
  });

  it('changes the outcome, with the label of the new kind', () => {
    const applied = applyCorrections(s18, [{ field: 'outcome', from: 'upheld', to: 'not-upheld', at: AT }]);
    expect(applied.summary.outcome).toMatchObject({ kind: 'not-upheld', label: 'Not upheld', inferred: false });
    expect(applied.corrected.has('outcome.kind')).toBe(true);
    expect(applied.original.get('outcome.kind')).toBe('upheld');
  });

  it('finds the right one of two faults read from the same sentence ("This is fault by the Council.", paragraphs 24 and 31 of 20 003 139)', () => {
    const twins = s20.faults.flatMap((f, i) => (f.text === 'This is fault by the Council.' ? [i] : []));
    expect(twins.map((i) => s20.faults[i]!.paragraph)).toEqual([24, 31]);
    const second = faultRef(s20.faults, twins[1]!);
    expect(second.nth).toBe(1);
    const applied = applyCorrections(s20, [{ field: 'injustice', target: second, from: 'caused', to: 'remedied', at: AT }]);
    expect(applied.summary.faults[twins[0]!]!.injustice).toBe(s20.faults[twins[0]!]!.injustice);
    expect(applied.summary.faults[twins[1]!]!.injustice).toBe('remedied');
    expect([...applied.corrected]).toEqual([`faults[${twins[1]}].injustice`]);
  });

  it('removes an item (listed apart, later paths renumbered) and adds one with its sentence as evidence', () => {
    // 20 003 139, paragraph 16: the Council had already apologised; the parser reads no remedy there.
    const sentence = 'It has apologised, which I consider is an appropriate remedy for the injustice caused to Mr X.';
    expect(seedText('20-003-139')).toContain(sentence);
    const added: Correction = {
      field: 'added-remedy',
      to: {
        kind: 'apology',
        text: sentence,
        paragraph: 16,
        block: 21,
        source: 'statement',
        amount: null,
        payee: 'Mr X',
        purpose: null,
        deadline: null,
      },
      at: AT,
    };
    const removed: Correction = { field: 'removed', target: remedyRef(s18.remedies, appendIndex), at: AT };
    const r18 = applyCorrections(s18, [removed]);
    expect(r18.summary.remedies).toHaveLength(s18.remedies.length - 1);
    expect(r18.summary.remedies.some((r) => r.text.startsWith('Append a copy'))).toBe(false);
    expect(r18.removed.map((r) => r.remedy?.text.slice(0, 15))).toEqual(['Append a copy o']);
    expect(correctedFieldNames(r18)).toEqual(['remedies.removed']);

    const r20 = applyCorrections(s20, [added]);
    expect(r20.summary.remedies).toHaveLength(s20.remedies.length + 1);
    expect(r20.summary.remedies.at(-1)).toMatchObject({ kind: 'apology', paragraph: 16, text: sentence });
    expect(r20.corrected.has(`remedies[${s20.remedies.length}]`)).toBe(true);
    expect(correctedFieldNames(r20)).toEqual(['remedies.added']);
  });

  it('keeps a correction whose sentence the summary no longer has as unmatched, and applies the rest', () => {
    const gone: Correction = {
      field: 'amount',
      target: { item: 'remedy', sentence: 'Pay Mr C £400 for his distress.', kind: 'payment', nth: 0 },
      from: 400,
      to: 450,
      at: AT,
    };
    const applied = applyCorrections(s18, [gone, amount(600)]);
    expect(applied.unmatched).toEqual([gone]);
    expect(applied.summary.totalPayments).toBe(600);
  });

  it('a remedy corrected to a payment counts in the total; one corrected away from payment does not', () => {
    const kind: Correction = { field: 'kind', target: remedyRef(s18.remedies, payIndex), from: 'payment', to: 'other', at: AT };
    expect(applyCorrections(s18, [kind]).summary.totalPayments).toBe(0);
  });
});

describe('the list of corrections', () => {
  it('a second correction of the same field and item replaces the first; putting back the parser’s value drops it', () => {
    const once = withCorrection([], amount(750));
    const twice = withCorrection(once, amount(800));
    expect(twice).toEqual([amount(800)]);
    expect(withCorrection(twice, amount(500))).toEqual([]);
  });

  it('the parser’s value is read from the summary, not taken from the sender', () => {
    const forged = { ...amount(750), from: 12 } as Correction;
    expect(withParserValue(s18, forged)).toMatchObject({ from: 500, to: 750 });
  });

  it('refuses values outside the schema: a negative or fractional-penny amount, an unknown kind, too many', () => {
    expect(CorrectionSchema.safeParse(amount(750)).success).toBe(true);
    expect(CorrectionSchema.safeParse(amount(-5)).success).toBe(false);
    expect(CorrectionSchema.safeParse(amount(10.005)).success).toBe(false);
    expect(CorrectionSchema.safeParse(amount(2_000_000)).success).toBe(false);
    expect(CorrectionSchema.safeParse({ ...amount(1), field: 'kind', from: 'payment', to: 'bribe' }).success).toBe(false);
    expect(CorrectionsSchema.safeParse(Array.from({ length: 201 }, () => amount(1))).success).toBe(false);
    const noSentence = { ...amount(1), target: { item: 'remedy', sentence: '', kind: 'payment', nth: 0 } };
    expect(CorrectionSchema.safeParse(noSentence).success).toBe(false);
  });
});
