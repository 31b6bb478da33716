/**
 * The popup's early open of the library (lib/library/open-early.ts, run by
 * library-prefetch.js before the app loads): it never creates the database,
 * never stands in the way of an upgrade, and leaves the app's own connection
 * working as before.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { LIBRARY_DATABASE, openLibraryEarly, releaseEarlyOpen } from '../../lib/library/open-early';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const REF = '19-015-077';
const save = (store: CaseStore) =>
  store.save({ summary: summaryOf(seedText(REF), SEED_URLS[REF]), text: seedText(REF), url: SEED_URLS[REF] });

afterEach(() => releaseEarlyOpen());

describe('opening the library early', () => {
  it('creates no database where there is none, and the app then creates it as usual', async () => {
    const indexedDB = new IDBFactory();
    openLibraryEarly(indexedDB);
    await releaseEarlyOpen();
    expect(await indexedDB.databases()).toEqual([]);

    const db = new LensDatabase(LIBRARY_DATABASE, { indexedDB, IDBKeyRange });
    expect((await save(new CaseStore(db))).ok).toBe(true);
    expect(await db.cases.count()).toBe(1);
    db.close();
  });

  it('holds a connection to an existing library until released, beside the app’s own', async () => {
    const indexedDB = new IDBFactory();
    const first = new LensDatabase(LIBRARY_DATABASE, { indexedDB, IDBKeyRange });
    await save(new CaseStore(first));
    first.close();

    openLibraryEarly(indexedDB);
    const early = (globalThis as { __olLibraryOpenedEarly?: Promise<IDBDatabase | null> }).__olLibraryOpenedEarly;
    const connection = await early;
    expect(connection?.objectStoreNames.contains('cases')).toBe(true);

    const app = new LensDatabase(LIBRARY_DATABASE, { indexedDB, IDBKeyRange });
    const store = new CaseStore(app);
    expect((await store.firstPage('decisionDate', 'desc', 30)).map((c) => c.reference)).toEqual(['19 015 077']);
    await releaseEarlyOpen();
    // Closed: a transaction on it throws.
    expect(() => connection!.transaction('cases')).toThrow();
    app.close();
  });

  it('gives way to an upgrade: a library of an older schema version still upgrades while it is open', async () => {
    const indexedDB = new IDBFactory();
    // Version 1's schema (the cases table alone), as 0.1.0 shipped it.
    const old = new Dexie(LIBRARY_DATABASE, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      cases:
        'reference, relatedKey, savedAt, decisionDate, totalPayments, authority, outcomeKind, area, organisationKind, year, *tags, *statuteKeys',
    });
    await old.open();
    old.close();

    openLibraryEarly(indexedDB);
    await (globalThis as { __olLibraryOpenedEarly?: Promise<IDBDatabase | null> }).__olLibraryOpenedEarly;
    const app = new LensDatabase(LIBRARY_DATABASE, { indexedDB, IDBKeyRange });
    await app.open();
    expect(app.tables.map((t) => t.name).sort()).toEqual(['cases', 'summaries', 'texts']);
    expect((await indexedDB.databases()).find((d) => d.name === LIBRARY_DATABASE)?.version).toBe(20);
    app.close();
  });

  it('does nothing where there is no IndexedDB', async () => {
    expect(() => openLibraryEarly(undefined)).not.toThrow();
    await expect(releaseEarlyOpen()).resolves.toBeUndefined();
  });
});
