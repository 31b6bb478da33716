/**
 * The list's filter and sort, remembered between openings of the popup. Stored as JSON (the popup
 * keeps it in its origin's localStorage); whatever is read back is checked, and anything unreadable
 * or of another shape (an older version's, or a hand-edited one) starts afresh rather than failing.
 */
import * as z from 'zod/mini';
import { CaseFilterSchema, emptyFilter, SortDirectionSchema, SortKeySchema } from './filters';

/** The key's name predates the library page: both places share one remembered filter. */
export const LIST_PREFS_KEY = 'ombudsman-lens:popup-prefs';

export const ListPrefsSchema = z.object({ filter: CaseFilterSchema, sortKey: SortKeySchema, sortDir: SortDirectionSchema });
export type ListPrefs = z.infer<typeof ListPrefsSchema>;

export function defaultListPrefs(): ListPrefs {
  return { filter: emptyFilter(), sortKey: 'decisionDate', sortDir: 'desc' };
}

/** The stored prefs, or the defaults when there are none or they do not read. */
export function parseListPrefs(raw: string | null | undefined): ListPrefs {
  try {
    const parsed = raw ? ListPrefsSchema.safeParse(JSON.parse(raw)) : null;
    if (parsed?.success) return parsed.data;
  } catch {
    // Not JSON: start afresh.
  }
  return defaultListPrefs();
}
