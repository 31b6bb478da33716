/**
 * The library's IndexedDB database. Opened only in extension pages (the
 * background owns writes; the popup reads): a content script's IndexedDB would
 * belong to the page's origin. Read and write it through `CaseStore` only.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SavedCase } from './saved-case';

export interface LensDatabaseOptions {
  /** Tests pass fake-indexeddb's factory and key range here. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class LensDatabase extends Dexie {
  cases!: EntityTable<SavedCase, 'reference'>;

  constructor(name = 'ombudsman-lens', options: LensDatabaseOptions = {}) {
    super(name, options);
    // NEVER edit a version that has shipped: people's databases were created
    // with it. To change the schema, add `this.version(n + 1).stores({...})`
    // with an `.upgrade(tx => ...)` that rewrites old rows, keep every earlier
    // declaration, and add a test in test/library/migration.test.ts that opens a
    // database written by each earlier version.
    //
    // Version 1 (shipped in 0.1.0). Indexed fields are the denormalised copies
    // made by `indexFields()`; `*` marks multi-entry indexes (one entry per tag
    // or statute).
    this.version(1).stores({
      cases:
        'reference, relatedKey, savedAt, decisionDate, totalPayments, authority, outcomeKind, area, organisationKind, year, *tags, *statuteKeys',
    });
  }
}
