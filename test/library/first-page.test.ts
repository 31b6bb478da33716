/**
 * The popup's first page (`CaseStore.firstPage`, read through a sort index before the whole
 * library): the same entries in the same order as the full list sorted by `sortCases`, which
 * replaces it a moment later, so nothing on screen moves or changes when it arrives. The library
 * is the five seed decisions saved, then copied under joint-case references ("… a", "… b") with
 * their sort keys made equal in places: ties in every key, and two cases without a decision date.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { sortCases, type SortKey } from '../../lib/library/filters';
import type { CaseEntry } from '../../lib/library/saved-case';
import { SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

let store: CaseStore;
let all: readonly CaseEntry[];

/** Each copy: a suffix for the seed's reference and the sort keys it is given (the seed's own where absent). */
const COPIES: { from: number; suffix: string; set: Partial<Pick<CaseEntry, 'decisionDate' | 'savedAt' | 'totalPayments'>> }[] = [
  { from: 0, suffix: 'a', set: {} },
  { from: 0, suffix: 'b', set: { decisionDate: '' } },
  { from: 1, suffix: 'a', set: { savedAt: '2026-11-22T09:01:00.000Z' } },
  { from: 2, suffix: 'b', set: { totalPayments: 0 } },
  { from: 2, suffix: 'c', set: { decisionDate: '' } },
  { from: 3, suffix: 'a', set: { totalPayments: 300 } },
  { from: 4, suffix: 'b', set: { decisionDate: '2023-03-01', savedAt: '2026-11-22T09:03:00.000Z' } },
  { from: 4, suffix: 'c', set: { totalPayments: 300, decisionDate: '2023-03-01' } },
];

beforeAll(async () => {
  const db = new LensDatabase('first-page', { indexedDB: new IDBFactory(), IDBKeyRange });
  let t = Date.UTC(2026, 10, 22, 9, 0, 0);
  store = new CaseStore(db, () => new Date((t += 60_000)), null);
  for (const ref of SEED_REFS) {
    const saved = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
    expect(saved.ok).toBe(true);
  }
  const seeds = await db.cases.toArray();
  const byRef = SEED_REFS.map((ref) => seeds.find((s) => s.reference === ref.replaceAll('-', ' '))!);
  await db.cases.bulkPut(
    COPIES.map(({ from, suffix, set }) => ({ ...byRef[from]!, reference: `${byRef[from]!.reference}${suffix}`, ...set })),
  );
  const list = await store.list();
  expect(list.corrupted).toEqual([]);
  all = list.cases;
});

const refs = (cases: readonly CaseEntry[]) => cases.map((c) => c.reference);

describe('the first page of the list', () => {
  it('has ties to order in every sort key, and cases without a date', () => {
    expect(all).toHaveLength(SEED_REFS.length + COPIES.length);
    for (const key of ['decisionDate', 'savedAt', 'totalPayments'] as const) {
      expect(new Set(all.map((c) => c[key])).size, key).toBeLessThan(all.length);
    }
    expect(all.filter((c) => c.decisionDate === '')).toHaveLength(2);
  });

  for (const key of ['decisionDate', 'savedAt', 'totalPayments'] as SortKey[]) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`is the sorted list's top, for every page size (${key}, ${dir})`, async () => {
        const sorted = refs(sortCases(all, key, dir));
        for (let limit = 1; limit <= all.length + 1; limit++) {
          expect(refs(await store.firstPage(key, dir, limit)), `first ${limit}`).toEqual(sorted.slice(0, limit));
        }
      });
    }
  }

  it('puts tied cases in reference order, newest decision first (dates read from the seeds by hand)', async () => {
    // "Decision date : 20 Oct 2024" (23 020 284), "06 Jun 2024" (23 017 456), "01 Jun 2021" (20 003 139),
    // "08 Feb 2021" (19 015 077), "21 Aug 2019" (18 009 360); the copies as COPIES sets them.
    const page = await store.firstPage('decisionDate', 'desc', all.length);
    expect(page.map((c) => `${c.reference} ${c.decisionDate}`)).toEqual([
      '23 020 284 2024-10-20',
      '23 020 284a 2024-10-20',
      '23 017 456 2024-06-06',
      '23 017 456b 2023-03-01',
      '23 017 456c 2023-03-01',
      '20 003 139 2021-06-01',
      '20 003 139b 2021-06-01',
      '19 015 077 2021-02-08',
      '19 015 077a 2021-02-08',
      '18 009 360 2019-08-21',
      '18 009 360a 2019-08-21',
      '19 015 077b ',
      '20 003 139c ',
    ]);
  });
});
