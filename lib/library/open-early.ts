/**
 * Opening the library's database early, for the popup's first rows (issue #17).
 *
 * In Chromium, opening an IndexedDB database whose files are not already open
 * costs ~100 ms or more for a library of 10,000 cases (the browser opens its
 * LevelDB store), and the popup's app can only ask once its 200 KB script is
 * loaded and run. A tiny classic script at the top of the page
 * (entrypoints/library-prefetch.ts) asks first, so the browser opens the files
 * while the app's script loads; when the app's own connection (Dexie's) asks,
 * they are open. The early connection reads nothing, and is closed once the app
 * has its own (`releaseEarlyOpen`) or whenever another connection needs to
 * upgrade the database.
 *
 * It never creates the database: opened without a version, an existing library
 * opens at whatever version it has, and a missing one would be created empty,
 * so that upgrade is aborted (IndexedDB then leaves no database behind) and
 * creating it is left to the app, which knows its tables.
 */

/** The library's database (LensDatabase's default name). */
export const LIBRARY_DATABASE = 'ombudsman-lens';

const EARLY = '__olLibraryOpenedEarly';
type Holder = { [EARLY]?: Promise<IDBDatabase | null> };

/** Starts opening the library; its connection is kept for `releaseEarlyOpen`. Never throws. */
export function openLibraryEarly(factory: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!factory) return;
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(LIBRARY_DATABASE);
  } catch {
    return; // IndexedDB unavailable here: the app says so when it reads
  }
  (globalThis as Holder)[EARLY] = new Promise((resolve) => {
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // The app (or the background) upgrading the database must not wait on this connection.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

/** Closes the early connection, if there is one: the app's own is open by now. */
export async function releaseEarlyOpen(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[EARLY];
  delete holder[EARLY];
  (await pending)?.close();
}
