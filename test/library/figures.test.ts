/**
 * The popup's figures on known sets, and the filters that choose the set. Expected values are read off the seed
 * texts by hand (decision lines, "Pay Mr C £500", the organisations), not taken
 * from the code's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore, derivedFields } from '../../lib/library/case-store';
import { computeFigures, median } from '../../lib/library/figures';
import { CaseFilterSchema, emptyFilter, facetValues, filterCases, sortCases, type CaseFilter } from '../../lib/library/filters';
import type { CaseEntry } from '../../lib/library/saved-case';
import type { DecisionSummary, OutcomeKind } from '../../lib/schema';
import { SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

async function savedSeeds(): Promise<CaseEntry[]> {
  const store = new CaseStore(new LensDatabase('figures', { indexedDB: new IDBFactory(), IDBKeyRange }));
  const notes: Partial<Record<(typeof SEED_REFS)[number], { tags: string[]; note: string }>> = {
    '19-015-077': { tags: ['contact', 'Wales'], note: 'Ask about the PSOW consultation.' },
    '23-017-456': { tags: ['contact'], note: '' },
  };
  for (const ref of SEED_REFS) {
    const saved = await store.save({
      summary: summaryOf(seedText(ref), SEED_URLS[ref]),
      text: seedText(ref),
      url: SEED_URLS[ref],
      ...notes[ref],
    });
    if (!saved.ok) throw new Error(saved.message);
  }
  return (await store.list()).cases;
}

describe('the five seeds', () => {
  let f: ReturnType<typeof computeFigures>;
  beforeAll(async () => {
    f = computeFigures(await savedSeeds());
  });

  it('counts outcomes: upheld 3 (20 003 139, 18 009 360, 23 017 456), not upheld 2 (19 015 077, 23 020 284)', () => {
    expect(f.count).toBe(5);
    expect(f.outcomes).toEqual({
      upheld: { count: 3, share: 0.6 },
      'not-upheld': { count: 2, share: 0.4 },
      'closed-after-initial-enquiries': { count: 0, share: 0 },
      other: { count: 0, share: 0 },
    });
  });

  it('finds one payment: 18 009 360 "Pay Mr C £500"', () => {
    expect(f.payments).toEqual({ total: 500, median: 500, min: 500, max: 500, casesWithPayment: 1 });
    expect(f.paymentsPerCase).toEqual([{ reference: '18 009 360', amount: 500, corrected: false }]);
  });

  it('counts remedies per case: apologies in 18 009 360 and 20 003 139, a payment in 18 009 360', () => {
    expect(f.remedyKinds).toContainEqual({ kind: 'apology', count: 2 });
    expect(f.remedyKinds).toContainEqual({ kind: 'payment', count: 1 });
    const counts = f.remedyKinds.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts the law of the case: section 47 of the Children Act 1989 in all five', () => {
    expect(f.statutes[0]).toEqual({ key: 'Children Act 1989 s.47', count: 5 });
    expect(f.statutes.length).toBeLessThanOrEqual(10);
    // The Ombudsman's own powers (cited in every decision) are not counted.
    expect(f.statutes.some((s) => s.key.startsWith('Local Government Act 1974'))).toBe(false);
  });

  it('counts cases per organisation, most first', () => {
    expect(f.organisations).toEqual([
      { name: 'Stoke-on-Trent City Council', count: 2 },
      { name: 'Derbyshire County Council', count: 1 },
      { name: 'Hertfordshire County Council', count: 1 },
      { name: 'Stockport Metropolitan Borough Council', count: 1 },
    ]);
  });

  it('counts outcomes per decision year', () => {
    expect(f.outcomesByYear).toEqual([
      { year: 2019, upheld: 1, notUpheld: 0, closed: 0, other: 0 },
      { year: 2021, upheld: 1, notUpheld: 1, closed: 0, other: 0 },
      { year: 2024, upheld: 1, notUpheld: 1, closed: 0, other: 0 },
    ]);
  });
});

describe('synthetic sets', () => {
  const base = summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']);
  let n = 0;
  function synthetic(totalPayments: number, outcome: OutcomeKind = 'upheld', decisionDate: string | null = '2022-05-01'): CaseEntry {
    const reference = `22 000 ${String(++n).padStart(3, '0')}`;
    const summary: DecisionSummary = { ...base, reference, totalPayments, decisionDate, outcome: { ...base.outcome, kind: outcome } };
    return {
      ...derivedFields(summary),
      reference,
      url: '',
      savedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      parserVersion: summary.parserVersion,
      textLength: 0,
      tags: [],
      note: '',
      reparseError: null,
    };
  }

  it('payments [100, 250, 1000] and a case without: median 250, over the paying cases only', () => {
    const f = computeFigures([synthetic(1000), synthetic(0), synthetic(100), synthetic(250)]);
    expect(f.payments).toEqual({ total: 1350, median: 250, min: 100, max: 1000, casesWithPayment: 3 });
    expect(f.paymentsPerCase.map((p) => p.amount)).toEqual([1000, 250, 100]);
  });

  it('an even number of payments: the mean of the middle two, in pence', () => {
    const f = computeFigures([synthetic(100), synthetic(250), synthetic(509.81), synthetic(1000)]);
    expect(f.payments.median).toBe(379.905);
    expect(f.payments.total).toBe(1859.81);
    expect(median([])).toBeNull();
  });

  it('no cases: zero counts and shares, no median', () => {
    const f = computeFigures([]);
    expect(f.count).toBe(0);
    expect(f.outcomes.upheld).toEqual({ count: 0, share: 0 });
    expect(f.payments).toEqual({ total: 0, median: null, min: null, max: null, casesWithPayment: 0 });
    expect(f.outcomesByYear).toEqual([]);
  });

  it('closed and other outcomes, and a case with no date left out of the years', () => {
    const f = computeFigures([
      synthetic(0, 'closed-after-initial-enquiries'),
      synthetic(0, 'other'),
      synthetic(0, 'not-upheld', null),
      synthetic(0, 'upheld', '2023-01-02'),
    ]);
    expect(f.outcomes['closed-after-initial-enquiries']).toEqual({ count: 1, share: 0.25 });
    expect(f.outcomesByYear).toEqual([
      { year: 2022, upheld: 0, notUpheld: 0, closed: 1, other: 1 },
      { year: 2023, upheld: 1, notUpheld: 0, closed: 0, other: 0 },
    ]);
  });

  // How fast: npm run bench (the popup over 10,000 cases); timings have no place in a test.
  it('counts 10,000 cases', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => synthetic(i % 7 === 0 ? i : 0, i % 2 ? 'upheld' : 'not-upheld'));
    const f = computeFigures(many);
    expect(f.count).toBe(10_000);
    expect(f.outcomes.upheld).toEqual({ count: 5000, share: 0.5 });
  });
});

describe('filters over the five seeds', () => {
  let cases: CaseEntry[];
  beforeAll(async () => {
    cases = await savedSeeds();
  });
  const refs = (list: CaseEntry[]) => list.map((c) => c.reference).sort();
  const only = (patch: Partial<CaseFilter>) => refs(filterCases(cases, { ...emptyFilter(), ...patch }));

  it('the empty filter keeps everything and is valid', () => {
    expect(CaseFilterSchema.safeParse(emptyFilter()).success).toBe(true);
    expect(filterCases(cases, emptyFilter())).toHaveLength(5);
  });

  it('filters by each field', () => {
    expect(only({ outcome: ['upheld'] })).toEqual(['18 009 360', '20 003 139', '23 017 456']);
    expect(only({ outcome: ['upheld', 'not-upheld'] })).toHaveLength(5);
    expect(only({ outcome: ['closed-after-initial-enquiries'] })).toEqual([]);
    expect(only({ organisation: 'Stoke-on-Trent City Council' })).toEqual(['19 015 077', '20 003 139']);
    expect(only({ organisationKind: 'council' })).toHaveLength(5);
    expect(only({ organisationKind: 'school' })).toEqual([]);
    expect(only({ area: "Children's care services", topic: 'Child protection' })).toHaveLength(5);
    expect(only({ year: 2021 })).toEqual(['19 015 077', '20 003 139']);
    expect(only({ tag: 'contact' })).toEqual(['19 015 077', '23 017 456']);
    expect(only({ hasPayment: true })).toEqual(['18 009 360']);
    expect(only({ statute: 'Children Act 1989 s.47' })).toHaveLength(5);
    expect(only({ year: 2024, outcome: ['not-upheld'] })).toEqual(['23 020 284']);
  });

  it('searches text in any case, all words, over organisation, reference, summary, complainant, tags and note', () => {
    expect(only({ text: 'STOKE' })).toEqual(['19 015 077', '20 003 139']);
    expect(only({ text: 'psow consultation' })).toEqual(['19 015 077']);
    expect(only({ text: 'wales' })).toEqual(['19 015 077']);
    expect(only({ text: '19-015-077' })).toEqual(['19 015 077']);
    expect(only({ text: '23 017' })).toEqual(['23 017 456']);
    // "Mr D" is the complainant in 23 020 284 only.
    expect(only({ text: 'mr d' })).toContain('23 020 284');
    // Curly apostrophes in the text are found by a straight one (20 003 139: "the Council’s actions").
    expect(only({ text: "council's actions" })).toContain('20 003 139');
    expect(only({ text: 'stoke hertfordshire' })).toEqual([]);
  });

  it('sorts by decision date (unknown dates last either way), by payment, and by saved date', () => {
    const byDate = ['23 020 284', '23 017 456', '20 003 139', '19 015 077', '18 009 360'];
    expect(sortCases(cases, 'decisionDate', 'desc').map((c) => c.reference)).toEqual(byDate);
    expect(sortCases(cases, 'decisionDate', 'asc').map((c) => c.reference)).toEqual([...byDate].reverse());
    const undated = { ...cases[0]!, reference: '99 999 999', decisionDate: '' };
    expect(sortCases([undated, ...cases], 'decisionDate', 'asc').at(-1)!.reference).toBe('99 999 999');
    expect(sortCases([undated, ...cases], 'decisionDate', 'desc').at(-1)!.reference).toBe('99 999 999');
    expect(sortCases(cases, 'totalPayments', 'desc')[0]!.reference).toBe('18 009 360');
    // Saved in SEED_REFS order; ties in payment keep reference order.
    expect(sortCases(cases, 'savedAt', 'asc').map((c) => c.reference)).toEqual(SEED_REFS.map((r) => r.replace(/-/g, ' ')));
    expect(sortCases(cases, 'totalPayments', 'asc').map((c) => c.reference)).toEqual([
      '19 015 077',
      '20 003 139',
      '23 017 456',
      '23 020 284',
      '18 009 360',
    ]);
  });

  it('lists the distinct values for the filter menus, sorted', () => {
    expect(facetValues(cases)).toEqual({
      areas: ["Children's care services"],
      topics: ['Child protection'],
      organisations: [
        'Derbyshire County Council',
        'Hertfordshire County Council',
        'Stockport Metropolitan Borough Council',
        'Stoke-on-Trent City Council',
      ],
      years: [2019, 2021, 2024],
      tags: ['contact', 'Wales'],
      statutes: expect.arrayContaining(['Children Act 1989 s.47']),
    });
  });

  it('filters 10,000 cases (how fast: npm run bench)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const c = cases[i % 5]!;
      return {
        ...c,
        reference: `${String(10 + (i % 80)).padStart(2, '0')} ${String(i)
          .padStart(6, '0')
          .replace(/(\d{3})(\d{3})/, '$1 $2')}`,
        tags: [`t${i % 50}`],
      };
    });
    const filter = { ...emptyFilter(), text: 'council', outcome: ['upheld' as const] };
    const first = filterCases(many, filter);
    const again = filterCases(many, { ...filter, text: 'county council' });
    // Upheld: 3 of every 5; of those, the two county councils (Hertfordshire, Derbyshire).
    expect(first.length).toBe(6000);
    expect(again.length).toBe(4000);
    expect(sortCases(many, 'decisionDate', 'desc')).toHaveLength(10_000);
    expect(facetValues(many).tags).toHaveLength(50);
  });
});
