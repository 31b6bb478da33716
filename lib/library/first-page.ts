/**
 * The top of the popup's list read through a sort index, before the whole library has been read:
 * the same entries in the same order as `sortCases` over the whole library, so the list does not
 * reorder when it arrives. Index queries only: `CaseStore.firstPage` runs them in its read
 * transaction and validates what they return.
 */
import type { LensDatabase } from './database';

export type FirstPageKey = 'decisionDate' | 'savedAt' | 'totalPayments';

type Cases = LensDatabase['cases'];
type Row = Record<string, unknown>;

/** The first `limit` rows in the order: ties in the key by ascending reference both ways, unknown decision dates ('') last. */
export async function firstPageRows(cases: Cases, key: FirstPageKey, dir: 'asc' | 'desc', limit: number): Promise<Row[]> {
  const keyed = key === 'decisionDate' ? cases.where(key).above('') : cases.orderBy(key);
  let page: Row[] = await (dir === 'desc' ? keyed.reverse() : keyed).limit(limit).toArray();
  if (dir === 'desc' && page.length > 0) page = await tiesAscending(cases, page, key, limit);
  if (key === 'decisionDate' && page.length < limit)
    page.push(
      ...(await cases
        .where(key)
        .equals('')
        .limit(limit - page.length)
        .toArray()),
    );
  return page;
}

/**
 * A page read backwards through an index has each run of equal keys in
 * descending reference order (the primary key breaks ties), and its last run
 * is the highest references of that key. Each run is turned round, and the
 * last is read again forwards, so it holds that key's lowest references.
 */
async function tiesAscending(cases: Cases, page: Row[], key: string, limit: number): Promise<Row[]> {
  const last = page.at(-1)![key];
  const runs: Row[][] = [];
  for (const row of page) {
    if (row[key] === last) break;
    if (runs.length > 0 && runs.at(-1)![0]![key] === row[key]) runs.at(-1)!.push(row);
    else runs.push([row]);
  }
  const before = runs.flatMap((run) => run.reverse());
  const tied = await cases
    .where(key)
    .equals(last as string | number)
    .limit(limit - before.length)
    .toArray();
  return [...before, ...(tied as Row[])];
}
