/**
 * A Preact hook over Dexie's `liveQuery`: the query re-runs whenever a table it
 * read is written, in this page or in another extension page of the same origin
 * (the background service worker saves cases; the popup sees them appear).
 *
 * `dexie-react-hooks` needs React (or preact/compat); this is the ten lines it
 * would give us. Subscribe in `useEffect`, unsubscribe on cleanup, so a closed
 * view never keeps a query alive.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveQueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * @param query reads the database (only through Dexie, so the reads are observed).
 * @param deps re-subscribe when these change, like `useEffect`'s dependencies.
 * @param paused while true, writes do not re-run the query and the last value stays; it runs again when unpaused.
 *   A backup import writes a batch a second or so: re-reading the whole list after each one is work that
 *   grows with the square of the library.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: readonly unknown[], paused = false): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ status: 'loading' });
  useEffect(() => {
    if (paused) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // The caller owns the dependency list, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, paused]);
  return state;
}
