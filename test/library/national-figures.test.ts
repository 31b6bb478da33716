/**
 * The national uphold rates shipped as data (lib/library/national-figures.ts) against the document
 * they were gathered in (docs/lgsco-national-figures.md): every row read by hand below, and the
 * document's table read by the test, so a row changed in one and not the other fails.
 */
import { describe, expect, it } from 'vitest';
import { financialYearOf, NATIONAL_UPHOLD_RATES, NationalUpholdRateSchema } from '../../lib/library/national-figures';
import { readRepoFile } from '../helpers/seeds';

/** Read by hand from the document's table: year, uphold rate, detailed investigations, upheld, source address. */
const HAND_READ: [string, number, number | null, number | null, string][] = [
  ['2014-15', 46, null, null, 'https://paperzz.com/doc/8088570/review-of-local-government-complaints-2015-16'],
  ['2015-16', 51, null, null, 'https://paperzz.com/doc/8088570/review-of-local-government-complaints-2015-16'],
  ['2018-19', 58, null, null, 'https://content.govdelivery.com/accounts/UKLGO/bulletins/2551480'],
  ['2019-20', 61, null, null, 'https://www.readkong.com/page/review-of-local-government-complaints-2019-2020-5927552'],
  [
    '2020-21',
    67,
    null,
    null,
    'https://cranfieldandmarstonvale.co.uk/central-beds-council/local-government-and-social-care-ombudsmans-annual-review/',
  ],
  [
    '2021-22',
    66,
    4253,
    2825,
    'https://www.localgovernmentlawyer.co.uk/governance/396-governance-news/52493-ombudsman-annual-report-reveals-two-thirds-of-complaints-upheld-after-detailed-investigation',
  ],
  [
    '2022-23',
    74,
    4301,
    3203,
    'https://www.localgovernmentlawyer.co.uk/governance/396-governance-news/55976-local-government-social-care-ombudsman-annual-report-reveals-leap-in-complaints-upheld-after-detailed-investigation',
  ],
  [
    '2023-24',
    80,
    4003,
    null,
    'https://buckinghamshire.gov.uk/your-council/contact-and-complaints/feedback-compliments-and-complaints-policy/compliments-complaints-annual-update-2023-24/ombudsman-annual-review',
  ],
  [
    '2024-25',
    83,
    4441,
    3665,
    'https://www.lgo.org.uk/information-centre/news/2025/jul/children-s-complaints-still-dominate-ombudsman-casework-in-2024-25-but-housing-has-overtaken-adult-services',
  ],
];

const asRow = (r: (typeof NATIONAL_UPHOLD_RATES)[number]) => [r.year, r.upheldPercent, r.investigations, r.upheld, r.source.url];

describe('the national uphold rates', () => {
  it('are the document’s figures, as read by hand', () => {
    expect(NATIONAL_UPHOLD_RATES.map(asRow)).toEqual(HAND_READ);
  });

  it('are every row of the document’s table, and no other', () => {
    const doc = readRepoFile('docs/lgsco-national-figures.md');
    const rows = doc
      .split('\n')
      .filter((line) => /^\| \d{4}-\d{2} \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const number = (cell: string) => (cell === '' ? null : Number(cell.replace(/[,%]/g, '')));
    let lastSource = '';
    const read = rows.map(([, year, investigations, upheld, rate, , source]) => {
      // "same" repeats the row above's source.
      const address = source === 'same' ? lastSource : /https:\/\/\S+?(?=\)|$| )/.exec(source!)![0];
      lastSource = address;
      return [year, number(rate!), number(investigations!), number(upheld!), address];
    });
    expect(read).toEqual(NATIONAL_UPHOLD_RATES.map(asRow));
  });

  it('agree with their own counts where the source gives them', () => {
    const counted = NATIONAL_UPHOLD_RATES.filter((r) => r.investigations !== null && r.upheld !== null);
    expect(counted.map((r) => r.year)).toEqual(['2021-22', '2022-23', '2024-25']);
    for (const r of counted) expect(Math.round((r.upheld! / r.investigations!) * 100), r.year).toBe(r.upheldPercent);
  });

  it('carry the 2022-23 change of approach from that year on, and say which figures came second-hand', () => {
    for (const r of NATIONAL_UPHOLD_RATES) {
      expect(r.caveat?.includes('“borderline”') ?? false, r.year).toBe(r.year >= '2022-23');
      expect(r.caveat?.includes('second-hand') ?? false, r.year).toBe(r.year === '2020-21' || r.year === '2023-24');
    }
  });

  it('refuse a row that is not a year, a rate or a web address', () => {
    const good = NATIONAL_UPHOLD_RATES[0]!;
    expect(NationalUpholdRateSchema.safeParse(good).success).toBe(true);
    expect(NationalUpholdRateSchema.safeParse({ ...good, year: '2022-24' }).success).toBe(false);
    expect(NationalUpholdRateSchema.safeParse({ ...good, upheldPercent: 101 }).success).toBe(false);
    expect(NationalUpholdRateSchema.safeParse({ ...good, source: { ...good.source, url: 'javascript:alert(1)' } }).success).toBe(false);
    expect(NationalUpholdRateSchema.safeParse({ ...good, source: { ...good.source, url: 'http://example.org/' } }).success).toBe(false);
  });
});

describe('financialYearOf', () => {
  it('runs April to March', () => {
    expect(financialYearOf('2023-03-31')).toBe('2022-23');
    expect(financialYearOf('2023-04-01')).toBe('2023-24');
    expect(financialYearOf('1999-12-31')).toBe('1999-00');
    expect(financialYearOf('')).toBeNull();
  });
});
