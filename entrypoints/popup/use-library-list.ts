/**
 * The saved cases, read for the list: the top rows as last read (lib/library/remembered-rows.ts),
 * drawn with the app; then the top of the list through the sort index; then the whole library as a
 * live query (a case saved in a tab appears here at once).
 */
import { useEffect, useState } from 'preact/hooks';
import { isFiltering } from '../../components/library/FilterBar';
import { useLiveQuery, type LiveQueryState } from '../../components/use-live-query';
import type { CaseStore, CaseList as Library } from '../../lib/library/case-store';
import type { ListPrefs } from '../../lib/library/list-prefs';
import { releaseEarlyOpen } from '../../lib/library/open-early';
import { storageFailure } from '../../lib/library/storage-errors';
import { sortCases } from '../../lib/library/filters';
import { REMEMBERED_ROWS_KEY, rememberedRows, rememberRows } from '../../lib/library/remembered-rows';
import type { CaseEntry } from '../../lib/library/saved-case';

/** Rows read ahead through the sort index, so the list shows before a large library has been read whole. */
const FIRST_PAGE_ROWS = 30;
/** The list before anything is read: one array, so the memos over the list are not recomputed on every render meanwhile. */
const NO_CASES: CaseEntry[] = [];

function readRemembered(prefs: ListPrefs) {
  try {
    return rememberedRows(globalThis.localStorage?.getItem(REMEMBERED_ROWS_KEY), prefs);
  } catch {
    return null; // storage blocked: the rows wait for the library
  }
}

function remember(prefs: Pick<ListPrefs, 'sortKey' | 'sortDir'>, cases: CaseEntry[]) {
  try {
    globalThis.localStorage?.setItem(REMEMBERED_ROWS_KEY, rememberRows(prefs, cases));
  } catch {
    // Full or blocked: the next opening waits for the library, as before.
  }
}

/** The top of the list, shown while the whole library is read; `total` is null until the cases are counted. */
export type FirstPage = { cases: CaseEntry[]; total: number | null };

export interface LibraryList {
  library: LiveQueryState<Library>;
  /** The first page while the whole library is still being read, when there is one to show. */
  preview: FirstPage | null;
  /** Every case read so far: the library's, or the preview's while it is being read. */
  all: CaseEntry[];
  /** Cases in the library; null while they are being counted. */
  total: number | null;
  /** Why the library could not be read, when it could not. */
  readError: string | null;
}

/** @param paused while true (a backup being imported), writes do not re-read the list: it is read once when it ends. */
export function useLibraryList(store: CaseStore, prefs: ListPrefs, paused: boolean): LibraryList {
  // The top of the list is read first, through the sort index, and drawn; only then is the whole
  // library read (10,000 entries take a few hundred milliseconds). Asked for together, the first
  // page's answer would wait behind the whole library's. The first page is asked for as the app
  // first renders (effects run only after that frame), and the count of cases after it: counting
  // reads every entry, and the top of the list does not wait for it.
  const [firstRead] = useState(() => (isFiltering(prefs.filter) ? null : store.firstPage(prefs.sortKey, prefs.sortDir, FIRST_PAGE_ROWS)));
  const [firstPage, setFirstPage] = useState<FirstPage | null>(() => {
    const remembered = firstRead && readRemembered(prefs);
    return remembered ? { cases: remembered, total: null } : null;
  });
  const [pageRead, setPageRead] = useState(false);
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    const afterNextPaint = () => requestAnimationFrame(() => setTimeout(() => setReadAll(true), 0));
    if (!firstRead) return setReadAll(true);
    void firstRead.then((cases) => {
      setFirstPage({ cases, total: null });
      setPageRead(true);
      afterNextPaint();
      void store.count().then((total) => setFirstPage((page) => page && { ...page, total }));
    });
  }, [store, firstRead]);
  // Held while a backup is imported (its batches would each re-read the whole list): read once when it ends.
  const query = useLiveQuery(() => (readAll ? store.list() : null), [store, readAll], paused);
  const library: LiveQueryState<Library> =
    query.status === 'ready' && query.value === null ? { status: 'loading' } : (query as LiveQueryState<Library>);
  // The page's early connection to the database (library-prefetch.js) has done its work once the app's own has read.
  const somethingRead = pageRead || library.status !== 'loading';
  useEffect(() => {
    if (somethingRead) void releaseEarlyOpen();
  }, [somethingRead]);

  // Each time the library is read, its top rows are remembered for the next opening, whatever the filter.
  const { sortKey, sortDir } = prefs;
  const readCases = query.status === 'ready' ? (query.value?.cases ?? null) : null;
  useEffect(() => {
    if (readCases) remember({ sortKey, sortDir }, sortCases(readCases, sortKey, sortDir).slice(0, FIRST_PAGE_ROWS));
  }, [readCases, sortKey, sortDir]);

  const preview = library.status === 'loading' && firstPage && firstPage.cases.length > 0 && !isFiltering(prefs.filter) ? firstPage : null;
  const all = library.status === 'ready' ? library.value.cases : (preview?.cases ?? NO_CASES);
  // Worded once, by the library's wording for storage failures: the message already says what could not be read.
  const readError =
    library.status === 'error'
      ? storageFailure(library.error, 'The library could not be read').message
      : library.status === 'ready' && library.value.error
        ? library.value.error
        : null;
  return { library, preview, all, total: preview ? preview.total : all.length, readError };
}
