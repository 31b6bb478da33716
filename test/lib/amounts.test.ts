/**
 * Sums of money (lib/parser/extractors/amounts.ts): every wording of the table by its example, the sentences where a
 * careless reading would give a wrong sum, and sums in real decisions read through the whole parser.
 */
import { describe, expect, it } from 'vitest';
import { AMOUNT_REFUSALS, AMOUNT_WORDINGS, listedPayees, readAmounts, wordsValue } from '../../lib/parser/extractors/amounts';
import { readRepoFile, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const sums = (sentence: string) => readAmounts(sentence).map((a) => a.amount);

describe('each wording of the table reads its example', () => {
  for (const row of AMOUNT_WORDINGS) {
    it(row.name, () => {
      expect(sums(row.example)).toEqual(row.expected);
      // The row itself matches in its example: a row another row shadows would pass unused.
      row.pattern.lastIndex = 0;
      expect(row.pattern.test(row.example)).toBe(true);
    });
  }
});

describe('no wrong sum', () => {
  for (const row of AMOUNT_REFUSALS) {
    it(`${row.why}: "${row.example}"`, () => {
      expect(sums(row.example)).toEqual(row.expected);
    });
  }

  it('sums written as people write them', () => {
    expect(sums('pay £2,500.50 now')).toEqual([2500.5]);
    expect(sums('pay £500.00 now')).toEqual([500]);
    expect(sums('pay £ 150 now')).toEqual([150]);
    expect(sums('pay £1.5K')).toEqual([1500]);
    expect(sums('pay £2.25m')).toEqual([2250000]);
    expect(sums('pay £10,000.')).toEqual([10000]);
    expect(sums('(£4,628)')).toEqual([4628]);
    expect(sums('pay 1,000 pounds')).toEqual([1000]);
    expect(sums('pay gbp500')).toEqual([500]);
    expect(sums('the fee was £5 more than before')).toEqual([5]);
  });

  it('sums in words where they start', () => {
    const sentence = 'The Council will pay Mr X (five hundred pounds) and twenty-five pounds.';
    const found = readAmounts(sentence);
    expect(found.map((a) => [a.amount, sentence.slice(a.index, a.end)])).toEqual([
      [500, 'five hundred pounds'],
      [25, 'twenty-five pounds'],
    ]);
    // A run of words too long to be one sum (a crafted sentence) gives none, and quickly.
    expect(sums(`${'eight and '.repeat(10_000)}eight pounds`)).toEqual([]);
  });

  it('nothing where no sum is named', () => {
    expect(sums('The Council will apologise to Mr X within one month.')).toEqual([]);
    expect(sums('thousands of pounds of debt')).toEqual([]);
    expect(sums('It paid a few pounds.')).toEqual([]);
    expect(sums('pay £')).toEqual([]);
  });

  it('where each sum is, so a sentence can be cut between them', () => {
    const sentence = 'pay Mr X £300 for distress and 200 pounds for time and trouble';
    const found = readAmounts(sentence);
    expect(found.map((a) => sentence.slice(a.index, a.end))).toEqual(['£300', '200 pounds']);
  });
});

describe('sums in words', () => {
  it('reads numbers written the usual way', () => {
    expect(wordsValue('two hundred')).toBe(200);
    expect(wordsValue('two hundred and fifty')).toBe(250);
    expect(wordsValue('twenty-five')).toBe(25);
    expect(wordsValue('a hundred')).toBe(100);
    expect(wordsValue('one thousand five hundred')).toBe(1500);
    expect(wordsValue('three thousand and ten')).toBe(3010);
    expect(wordsValue('ninety nine')).toBe(99);
  });

  it('refuses words that are not one number', () => {
    for (const words of [
      'two three',
      'fifty twenty',
      'hundred',
      'twenty hundred',
      'five thousand two thousand',
      'a',
      'eleven five',
      'a two',
    ]) {
      expect(wordsValue(words), words).toBeNull();
    }
  });
});

describe('several payments to several payees in one sentence', () => {
  // The fourth recommendation of a public-interest report (test/corpus/reports/15-019-136.txt), verbatim.
  const sentence = readRepoFile('test/corpus/reports/15-019-136.txt')
    .split('\n')
    .find((l) => l.startsWith('pay the first family'))!
    .split('. ')[0]!;

  it('reads all four sums and whom each is for', () => {
    const found = readAmounts(sentence);
    expect(found.map((a) => a.amount)).toEqual([300, 100, 600, 500]);
    expect(listedPayees(sentence, found)).toEqual(['the first family', 'the second family', 'the third family', 'the fourth family']);
  });

  it('gives no payees for a sentence that is not such a list', () => {
    const other = 'pay Mr X £300 for distress and £200 for time and trouble';
    expect(listedPayees(other, readAmounts(other))).toEqual([null, null]);
  });

  it('four payments through the parser, with the report as a decision page', () => {
    // The report's text under the title line its page shows, and its Recommendations as they are.
    const text = [
      'Some County Council (15 019 136)',
      '',
      'Summary',
      '',
      'The Council failed the four families.',
      '',
      'Recommendations',
      '',
      'To remedy the injustice caused, the council has agreed to:',
      `${sentence} for the uncertainty, distress and disruption caused.`,
    ].join('\n');
    const s = summaryOf(text);
    const payments = s.remedies.filter((r) => r.kind === 'payment');
    expect(payments.map((r) => [r.amount, r.payee])).toEqual([
      [300, 'the first family'],
      [100, 'the second family'],
      [600, 'the third family'],
      [500, 'the fourth family'],
    ]);
    expect(s.totalPayments).toBe(1500);
  });
});

describe('the seed payment written other ways gives the same remedy', () => {
  const original = summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']);
  const payment = original.remedies.find((r) => r.kind === 'payment')!;

  it('the seed reads £500 to Mr C', () => {
    // "Pay Mr C £500 in recognition of his distress and time and trouble resulting from the Council’s faults."
    expect([payment.amount, payment.payee, original.totalPayments]).toEqual([500, 'Mr C', 500]);
  });

  for (const written of ['£0.5k', '500 pounds', 'GBP 500', '£500.00', 'five hundred pounds', '£500 (five hundred pounds)']) {
    it(written, () => {
      const text = seedText('18-009-360').replace('Pay Mr C £500 in', `Pay Mr C ${written} in`);
      expect(text).not.toBe(seedText('18-009-360'));
      const s = summaryOf(text, SEED_URLS['18-009-360']);
      const p = s.remedies.filter((r) => r.kind === 'payment');
      expect(p.map((r) => [r.amount, r.payee, r.paragraph])).toEqual([[500, 'Mr C', payment.paragraph]]);
      expect(s.totalPayments).toBe(500);
    });
  }

  it('a sum it cannot be sure of gives a payment without an amount, never a wrong one', () => {
    const s = summaryOf(seedText('18-009-360').replace('Pay Mr C £500 in', 'Pay Mr C £5.000 in'), SEED_URLS['18-009-360']);
    const p = s.remedies.filter((r) => r.kind === 'payment');
    expect(p.map((r) => r.amount)).toEqual([null]);
    expect(s.totalPayments).toBe(0);
  });
});
