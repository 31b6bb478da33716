/**
 * The library's IndexedDB database. Opened only in extension pages (the
 * background owns writes; the popup reads): a content script's IndexedDB would
 * belong to the page's origin. Read and write it through `CaseStore` only.
 */
import Dexie, { type EntityTable } from 'dexie';
import { cardOf, type CaseEntry, type SummaryRow, type TextRow } from './saved-case';
import type { DecisionSummary } from '../schema';
import { LIBRARY_DATABASE } from './open-early';

export interface LensDatabaseOptions {
  /** Tests pass fake-indexeddb's factory and key range here. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class LensDatabase extends Dexie {
  cases!: EntityTable<CaseEntry, 'reference'>;
  summaries!: EntityTable<SummaryRow, 'reference'>;
  texts!: EntityTable<TextRow, 'reference'>;

  constructor(name = LIBRARY_DATABASE, options: LensDatabaseOptions = {}) {
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

    // Version 2 (0.2.0): the full summary and the gzip text move to tables of
    // their own, so listing 10,000 cases reads only the small entries (with a
    // `card` of what the list shows); the summary is read for comparison and
    // export, the text for the saved copy and backups.
    this.version(2)
      .stores({ summaries: 'reference', texts: 'reference' })
      .upgrade(async (tx) => {
        const summaries: SummaryRow[] = [];
        const texts: TextRow[] = [];
        await tx
          .table('cases')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            // Never throw here: a throw aborts the upgrade and the library would not open at all.
            // A damaged v1 row moves over as it is and is reported as damaged, like before.
            const reference = row.reference as string;
            if (row.summary !== undefined) summaries.push({ reference, summary: row.summary as DecisionSummary });
            if (row.textGzip !== undefined) texts.push({ reference, textGzip: row.textGzip as TextRow['textGzip'] });
            try {
              row.card = cardOf(row.summary as DecisionSummary);
            } catch {
              // left without a card: list() reports the entry as damaged
            }
            delete row.summary;
            delete row.textGzip;
          });
        await tx.table('summaries').bulkPut(summaries);
        await tx.table('texts').bulkPut(texts);
      });
  }
}
