/** The list's filter and sort: read once when the app opens, written back on every change (lib/library/list-prefs.ts). */
import { useEffect, useState } from 'preact/hooks';
import type { CaseFilter, SortDirection, SortKey } from '../../lib/library/filters';
import { emptyFilter } from '../../lib/library/filters';
import { defaultListPrefs, LIST_PREFS_KEY, parseListPrefs, type ListPrefs } from '../../lib/library/list-prefs';

function loadPrefs(): ListPrefs {
  try {
    return parseListPrefs(globalThis.localStorage?.getItem(LIST_PREFS_KEY));
  } catch {
    // Blocked storage: start afresh.
    return defaultListPrefs();
  }
}

function savePrefs(prefs: ListPrefs): void {
  try {
    globalThis.localStorage?.setItem(LIST_PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Not worth an error message: the filter is simply not remembered.
  }
}

export interface ListPrefsState {
  prefs: ListPrefs;
  setFilter: (filter: CaseFilter) => void;
  clearFilters: () => void;
  setSort: (sortKey: SortKey, sortDir: SortDirection) => void;
}

export function useListPrefs(): ListPrefsState {
  const [prefs, setPrefs] = useState(loadPrefs);
  useEffect(() => savePrefs(prefs), [prefs]);
  const setFilter = (filter: CaseFilter) => setPrefs((p) => ({ ...p, filter }));
  return {
    prefs,
    setFilter,
    clearFilters: () => setFilter(emptyFilter()),
    setSort: (sortKey, sortDir) => setPrefs((p) => ({ ...p, sortKey, sortDir })),
  };
}
