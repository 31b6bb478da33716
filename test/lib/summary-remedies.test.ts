/**
 * Remedies the summary states, read as remedies (source 'summary', no block: the summary is not
 * one), kept only where the statement gives none of their kind, and a warning where the agreed
 * action lacks what the summary announces. Texts from the corpus and the seeds, checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { readSummaryRemedies } from '../../lib/parser/extractors/summary-remedies';
import type { DecisionSummary } from '../../lib/schema';
import { readRepoFile, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const brief = (s: DecisionSummary) => s.remedies.map((r) => ({ kind: r.kind, amount: r.amount, source: r.source }));

function opening(ref: string): DecisionSummary {
  const labels = JSON.parse(readRepoFile('test/corpus/labels.json')) as { file: string; url: string }[];
  const label = labels.find((l) => l.file === `openings/${ref}.txt`)!;
  return summaryOf(readRepoFile(`test/corpus/${label.file}`), label.url);
}

describe('remedies read from the summary', () => {
  it('a payment and a waiver in one sentence: each sum its own kind (18 007 848)', () => {
    // "It has agreed to pay Mrs X £250 for the avoidable distress caused and to waive outstanding fees of £181."
    const s = opening('18-007-848');
    expect(s.summary).toContain('It has agreed to pay Mrs X £250 for the avoidable distress caused and to waive outstanding fees of £181.');
    expect(brief(s)).toEqual([
      { kind: 'payment', amount: 250, source: 'summary' },
      { kind: 'refund', amount: 181, source: 'summary' },
    ]);
    const payment = s.remedies[0]!;
    expect(payment).toMatchObject({
      paragraph: null,
      block: null,
      payee: 'Mrs X',
      text: 'It has agreed to pay Mrs X £250 for the avoidable distress caused and to waive outstanding fees of £181.',
    });
    expect(payment.purpose).toMatch(/distress/);
    expect(s.totalPayments).toBe(431);
  });

  it('two sums to two payees (21 008 070)', () => {
    // "It agreed to pay Mr X £500, and Mr and Mrs L £3,000 to recognise the distress..."
    const s = opening('21-008-070');
    expect(brief(s).filter((r) => r.kind === 'payment')).toEqual([
      { kind: 'payment', amount: 500, source: 'summary' },
      { kind: 'payment', amount: 3000, source: 'summary' },
    ]);
  });

  it('sums named without a verb of payment are payments (20 013 903)', () => {
    // "We recommended the Council provide Mrs X with an apology, £150 for time and trouble, £150 for distress, £10,000 for the missed grant..."
    const s = opening('20-013-903');
    expect(
      brief(s)
        .filter((r) => r.kind === 'payment')
        .map((r) => r.amount),
    ).toEqual([150, 150, 10000]);
    expect(s.remedies.some((r) => r.kind === 'apology')).toBe(true);
  });

  it('a remedy already given and accepted (24 004 350, 23 009 682)', () => {
    // "The action already taken by the Council, which included written apologies, correction of Mrs X’s
    // council tax account and payment of £100 financial redress, suitably put matters right."
    const s = opening('24-004-350');
    expect(brief(s)).toEqual(
      expect.arrayContaining([
        { kind: 'apology', amount: null, source: 'summary' },
        { kind: 'payment', amount: 100, source: 'summary' },
      ]),
    );
    // "However, the Council has already apologised which is a reasonable remedy."
    expect(brief(opening('23-009-682'))).toEqual([{ kind: 'apology', amount: null, source: 'summary' }]);
  });

  it('a wish or a complaint is no remedy', () => {
    expect(readSummaryRemedies('Mr X would like an apology and £500 for his distress.')).toEqual([]);
    expect(readSummaryRemedies('Mrs X complained the Council refused to refund her £200.')).toEqual([]);
    expect(readSummaryRemedies('We will not investigate this complaint about the Council’s refusal to pay Mr X £300.')).toEqual([]);
    // A finding of fault, not a remedy.
    expect(readSummaryRemedies('The Council should have paid Mr X’s housing benefit from April and apologised sooner.')).toEqual([]);
    // 23 010 993's summary names no remedy: the complainant's wishes come later in the text.
    expect(opening('23-010-993').remedies).toEqual([]);
  });
});

describe('summary and agreed action together', () => {
  it('the apology the agreed action also gives is read once, from the statement (20 003 139)', () => {
    const s = summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']);
    expect(s.summary).toContain('The Council has agreed to apologise.');
    expect(brief(s)).toEqual([{ kind: 'apology', amount: null, source: 'statement' }]);
    expect(s.warnings.filter((w) => w.startsWith('The summary'))).toEqual([]);
  });

  it('a payment the summary announces and the agreed action lacks is kept, with a warning', () => {
    const text = seedText('20-003-139').replace(
      'The Council has agreed to apologise.',
      'The Council has agreed to apologise and pay Mr X £300.',
    );
    const s = summaryOf(text, SEED_URLS['20-003-139']);
    expect(brief(s)).toEqual([
      { kind: 'apology', amount: null, source: 'statement' },
      { kind: 'payment', amount: 300, source: 'summary' },
    ]);
    expect(s.warnings).toContain('The summary announces a payment that the agreed action does not list.');
  });

  it('the same sum in both is read once; a different sum is not added, but warned of (18 009 360)', () => {
    const seed = seedText('18-009-360');
    const marker = 'The Council has agreed action to remedy the complaint, explained at the end of this statement.';
    expect(seed).toContain(marker);
    const original = summaryOf(seed, SEED_URLS['18-009-360']);
    expect(original.totalPayments).toBe(500);

    const same = summaryOf(seed.replace(marker, 'The Council has agreed to apologise and pay Mr C £500.'), SEED_URLS['18-009-360']);
    expect(same.remedies).toEqual(original.remedies);
    expect(same.warnings).toEqual(original.warnings);

    const other = summaryOf(seed.replace(marker, 'The Council has agreed to pay Mr C £700.'), SEED_URLS['18-009-360']);
    expect(other.remedies).toEqual(original.remedies);
    expect(other.totalPayments).toBe(500);
    expect(other.warnings).toContain('The summary names a payment of £700 that the remedies read from the statement do not.');
  });
});
