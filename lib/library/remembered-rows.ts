/**
 * The top of the list as last read, kept in the popup's origin's localStorage so that the next
 * opening draws it at once (issue #17). In Chromium the first answer from a library of 10,000
 * cases waits 160 ms or more in the browser process, however early it is asked for; these rows
 * need no wait. They are shown only until the library's own first page replaces them, a few
 * hundred milliseconds later: a case saved since from a sidebar appears then, and one deleted
 * since from a sidebar goes. They are written whenever the popup or the library page has read the
 * library, so an empty library leaves none. Read back, they are checked like any record.
 */
import * as z from 'zod/mini';
import { SortDirectionSchema, SortKeySchema } from './filters';
import type { ListPrefs } from './list-prefs';
import { CaseEntrySchema, type CaseEntry } from './saved-case';

export const REMEMBERED_ROWS_KEY = 'ombudsman-lens:first-rows';

const RememberedRowsSchema = z.object({ sortKey: SortKeySchema, sortDir: SortDirectionSchema, cases: z.array(CaseEntrySchema) });

/** The stored text for `cases`, the list's top rows in the order of `prefs`. */
export function rememberRows(prefs: Pick<ListPrefs, 'sortKey' | 'sortDir'>, cases: readonly CaseEntry[]): string {
  return JSON.stringify({ sortKey: prefs.sortKey, sortDir: prefs.sortDir, cases });
}

/** The remembered rows, if they were read in this order and still read as entries; otherwise null. */
export function rememberedRows(raw: string | null | undefined, prefs: Pick<ListPrefs, 'sortKey' | 'sortDir'>): CaseEntry[] | null {
  let parsed;
  try {
    parsed = raw ? RememberedRowsSchema.safeParse(JSON.parse(raw)) : null;
  } catch {
    return null; // not JSON
  }
  if (!parsed?.success || parsed.data.sortKey !== prefs.sortKey || parsed.data.sortDir !== prefs.sortDir) return null;
  return parsed.data.cases.length > 0 ? parsed.data.cases : null;
}
