/**
 * The one data-access module of the library: everything that reads or writes
 * its tables goes through `CaseStore`. A saved case is three rows under one
 * reference: its entry (`cases`, what the list shows and filters on), its full
 * summary (`summaries`) and its gzip text (`texts`); they are written and
 * deleted together in one transaction.
 *
 * Promises kept here (issue 6, "the library against faults"; issue 15, "keeps
 * everything a person saved"):
 * - every case written passes the same checks, however it comes (`checkCase` in
 *   record-checks.ts: save, import, undo, re-parse), and every write runs in one
 *   Dexie read-write transaction: it completes or changes nothing;
 * - every record read back is validated too: a damaged record is reported and
 *   skipped, never thrown;
 * - no public method throws, except the batch steps of large backups
 *   (`backupReferences`, `readBackupCases`, `importBatch`), whose caller
 *   (backup-stream.ts) words their failures: failures come back as `StoreResult`
 *   errors with a message a person can act on, made by `storageFailure`
 *   (storage-errors.ts), the one place storage failures are worded;
 * - a merge never lets a record's own claims (`parserVersion`, `updatedAt`)
 *   decide which summary is kept (`mergeCases`), and undo merges into a case
 *   saved since rather than overwriting it (`restore`).
 *
 * The rules it applies live in modules without Dexie, so each has one home:
 * merges in merge-rules.ts; every case's checks and their refusals in
 * record-checks.ts; what callers hand in, in case-inputs.ts; a case's rows put
 * together and apart in case-rows.ts; backups in case-import.ts and
 * case-export.ts; re-parses in case-reparse.ts. The list's first page is read
 * through the index queries of first-page.ts. This class reads, asks them, and
 * writes, and opens every transaction.
 *
 * IndexedDB commits a transaction as soon as it has no pending request when
 * control returns to the event loop, so nothing that awaits non-IndexedDB work
 * (gzip, parsing) runs inside a transaction: that work is done before it opens.
 */
import * as z from 'zod/mini';
import Dexie, { type Table } from 'dexie';
import type { LensDatabase } from './database';
import {
  BACKUP_FORMAT,
  CaseEntrySchema,
  CaseIndexFieldsSchema,
  SavedCaseSchema,
  TextRowSchema,
  type Backup,
  type BackupCase,
  type BackupV2Case,
  type CaseEntry,
  type SavedCase,
  type StoredCase,
} from './saved-case';
import { checkBackup, refusal } from './backup-format';
import { ENGLISH, admit, firstIssues, refuseOversize } from './record-checks';
import { LibraryError, caseDamaged, caseGone, isClosedConnection, storageFailure } from './storage-errors';
import { checkNotesInput, checkReferences, checkSaveInput, type SaveInput } from './case-inputs';
import { browserEstimator, roomFor, type StorageEstimator } from './disk-headroom';
import { correctionKey, withCorrection, withParserValue, type Correction } from './corrections';
import { gunzipText, gzipText } from './text-codec';
import { reparseBytes, reparseOutcome, reparsedBatch, type ReparseOutcome } from './case-reparse';
import { backupCasesOf } from './case-export';
import { firstPageRows, type FirstPageKey } from './first-page';
import {
  ImportRefused,
  mergeBatch,
  prepareBatch,
  preparedBytes,
  type BatchCounts,
  type ImportBatch,
  type ImportReport,
  type PreparedBatch,
} from './case-import';
import { entriesOf, rowsOf, salvage, savedCasesOf, storedOf, type Corrupted } from './case-rows';
import { mergeInto, mergeNotes, savedOver, unionTags, type NotesBase } from './merge-rules';
import { DecisionSummarySchema, PARSER_VERSION, type DecisionSummary, type ParseResult } from '../schema';
import type { CaseStatus, ErrorCode } from '../messages';

// Moved to record-checks.ts and storage-errors.ts; exported here too for the modules and tests that import them from the store.
export { derivedFields, describeIssues, indexFields } from './record-checks';
export { isQuotaError } from './storage-errors';
export { checkBackup } from './backup-format';
// Moved to the rule modules; exported here too, as before the split, for the tests, the popup, the import view and backup-stream.ts.
export { compareVersions, joinNotes, mergeCases, mergeNotes, unionTags, type NotesBase } from './merge-rules';
export type { SaveInput } from './case-inputs';
export type { ImportBatch, ImportReport, ImportedCase } from './case-import';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: ErrorCode; message: string };

export type CaseIndexFields = z.infer<typeof CaseIndexFieldsSchema>;

export interface CaseList {
  cases: CaseEntry[];
  corrupted: Corrupted[];
  /** Set when the library could not be read at all (the lists are then empty). */
  error?: string;
}

/** What `restore` did: put the case back, or merged it into the copy saved since it was deleted. */
export type Restored = { merged: boolean };

function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export class CaseStore {
  constructor(
    private readonly db: LensDatabase,
    private readonly now: () => Date = () => new Date(),
    /** Asked before every write (disk-headroom.ts): a write that meets a full disk can cost the whole library. */
    private readonly estimate: StorageEstimator | null = browserEstimator(),
  ) {}

  /** Throws the refusal when the disk is too full for a write of about `bytes` (before any transaction opens). */
  private async ensureRoom(what: string, bytes = 0): Promise<void> {
    const refusal = await roomFor(this.estimate, what, bytes);
    if (refusal) throw refusal;
  }

  /**
   * A read-write transaction, run once more on a reopened connection when the first try finds the
   * connection closed under it. Firefox closes its connection to the database when a write meets a
   * full disk; the next write then failed with "the library was closed" and only the one after
   * that saved (test/e2e/full-disk.test.ts). A closed connection aborts the whole transaction, so
   * running it again writes nothing twice; and every write here reads what it merges with inside
   * its transaction. A second failure is reported as it is.
   */
  private async write<T>(tables: Table[], scope: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', tables, scope);
    } catch (error) {
      // Inside another transaction (a whole-file import), the outermost one is the one run again;
      // a database closed on purpose (`close()`, by whoever owns it) stays closed.
      if (!isClosedConnection(error) || Dexie.currentTransaction || this.db.hasBeenClosed()) throw error;
      try {
        this.db.close({ disableAutoOpen: false });
        await this.db.open();
      } catch {
        throw error;
      }
      return this.db.transaction('rw', tables, scope);
    }
  }

  private get tables() {
    return [this.db.cases, this.db.summaries, this.db.texts];
  }

  /** A case's three rows as they are now (in the caller's transaction). */
  private readRows(reference: string) {
    return Promise.all([this.db.cases.get(reference), this.db.summaries.get(reference), this.db.texts.get(reference)]);
  }

  private async putCases(records: StoredCase[]): Promise<void> {
    const rows = records.map(rowsOf);
    await this.db.cases.bulkPut(rows.map((r) => r.entry));
    await this.db.summaries.bulkPut(rows.map((r) => r.summary));
    await this.db.texts.bulkPut(rows.map((r) => r.text));
  }

  /** Saves a decision, or updates the saved copy: one case per reference, the user's tags and note kept. */
  async save(input: SaveInput): Promise<StoreResult<SavedCase>> {
    const what = 'Not saved';
    try {
      const { summary, text, url, tags, note } = checkSaveInput(input, what);
      const textGzip = await gzipText(text);
      await this.ensureRoom(what, textGzip.byteLength + JSON.stringify(summary).length);
      const now = this.now();
      const at = now.toISOString();
      const record = await this.write(this.tables, async () => {
        const raw = await this.db.cases.get(summary.reference);
        const page = { summary, url, textGzip, textLength: text.length, tags, note };
        const next = admit(savedOver(raw === undefined ? null : salvage(raw), page, at), now, what, text.length);
        await this.putCases([next]);
        return next;
      });
      const { textGzip: _text, ...saved } = record;
      return ok(saved);
    } catch (error) {
      return storageFailure(error, what, { wrote: true });
    }
  }

  /**
   * Deletes a case and returns everything that was kept about it, text
   * included, so the caller can offer undo (`restore`). Null when it was not
   * saved or was damaged.
   */
  async remove(reference: string): Promise<StoreResult<StoredCase | null>> {
    try {
      await this.ensureRoom('Not deleted');
      const removed = await this.write(this.tables, async () => {
        const [entry, summary, text] = await this.readRows(reference);
        await Promise.all([this.db.cases.delete(reference), this.db.summaries.delete(reference), this.db.texts.delete(reference)]);
        return storedOf(entry, summary, text);
      });
      return ok(removed);
    } catch (error) {
      return storageFailure(error, 'Not deleted', { wrote: true });
    }
  }

  /**
   * Undo of `remove`: puts the case back as it was, unless it was saved again
   * meanwhile (from a page, an import, another tab's undo): then the case saved
   * since is kept, with the deleted copy's tags and note added to its own
   * (`mergeCases`), so undo never overwrites newer work. The read and the write
   * share one transaction: a save cannot land between them. A merge that would
   * pass a limit (more than 50 tags) is refused, saying so, and changes nothing.
   */
  async restore(record: StoredCase): Promise<StoreResult<Restored>> {
    const what = 'Not restored';
    try {
      // The text length is derived: recount it (and so prove the stored text decodes) before the transaction opens.
      let textLength: number;
      try {
        textLength = (await gunzipText(record.textGzip)).length;
      } catch {
        throw new LibraryError('invalid-message', `${what}: the deleted case's stored text could not be read.`);
      }
      const now = this.now();
      const incoming = admit({ ...record, textLength }, now, what);
      await this.ensureRoom(what, record.textGzip.byteLength + JSON.stringify(record.summary).length);
      const merged = await this.write(this.tables, async () => {
        const [entry, summary, text] = await this.readRows(incoming.reference);
        const result = mergeInto({ entry, summary, text }, incoming);
        await this.putCases([admit(result.record, now, what)]);
        return result.merged;
      });
      return ok({ merged });
    } catch (error) {
      return storageFailure(error, what, { wrote: true });
    }
  }

  /** What the sidebar shows for a decision. A damaged record still counts as saved, with whatever tags and note survive. */
  async status(reference: string): Promise<StoreResult<CaseStatus>> {
    try {
      const raw = await this.db.cases.get(reference);
      if (raw === undefined) return ok({ saved: false, savedAt: null, tags: [], note: '' });
      const { corrections, ...kept } = salvage(raw);
      return ok({ saved: true, ...kept, ...(corrections.length > 0 ? { corrections } : {}) });
    } catch (error) {
      return storageFailure(error, 'The saved state could not be read');
    }
  }

  /**
   * Sets a case's tags and note. With `base` (what the editor started from),
   * changes made meanwhile in another tab are merged rather than overwritten
   * (`mergeNotes`). The read and the write share one read-write transaction,
   * which IndexedDB runs alone on the table: another tab's save or edit lands
   * wholly before or wholly after, never between.
   */
  async updateNotes(reference: string, tags: string[], note: string, base?: NotesBase): Promise<StoreResult<CaseEntry>> {
    const what = 'Tags and note not saved';
    try {
      const checkedTags = checkNotesInput(tags, note, what);
      await this.ensureRoom(what, note.length * 3);
      const now = this.now().toISOString();
      const record = await this.write([this.db.cases], async () => {
        const raw = await this.db.cases.get(reference);
        if (raw === undefined) throw caseGone(what);
        const current = CaseEntrySchema.safeParse(raw);
        if (!current.success) throw caseDamaged(what);
        const mine = { tags: unionTags([], checkedTags), note };
        const merged = base ? mergeNotes(base, mine, current.data) : mine;
        refuseOversize(what, merged);
        const next = CaseEntrySchema.safeParse({ ...current.data, ...merged, updatedAt: now }, ENGLISH);
        if (!next.success) throw new LibraryError('invalid-message', `${what}: ${firstIssues(next.error)}.`);
        await this.db.cases.put(next.data);
        return next.data;
      });
      return ok(record);
    } catch (error) {
      return storageFailure(error, what, { wrote: true });
    }
  }

  /**
   * Sets one of a case's corrections (replacing its earlier correction of the same field and item;
   * one that puts back the parser's value is dropped: `withCorrection`), or with `revert`, drops the
   * correction of that key (`correctionKey`). The parser's value it records is read from the saved
   * summary. The index fields and card are made again from the corrected summary (`checkCase`), in
   * one transaction with the read, so another tab's edit lands wholly before or after.
   */
  async correct(reference: string, change: { set: Correction } | { revert: string }): Promise<StoreResult<CaseEntry>> {
    const what = 'Correction not saved';
    try {
      await this.ensureRoom(what, JSON.stringify(change).length * 3);
      const now = this.now();
      const record = await this.write([this.db.cases, this.db.summaries], async () => {
        const [raw, summaryRow] = await Promise.all([this.db.cases.get(reference), this.db.summaries.get(reference)]);
        if (raw === undefined) throw caseGone(what);
        const current = SavedCaseSchema.safeParse({ ...(raw as object), summary: summaryRow?.summary });
        if (!current.success) throw caseDamaged(what);
        const list = current.data.corrections ?? [];
        const corrections =
          'set' in change
            ? withCorrection(list, withParserValue(current.data.summary, change.set))
            : list.filter((c) => correctionKey(c) !== change.revert);
        // The text is not re-read: an empty stand-in fills its place, and only the entry is written.
        const next = admit({ ...current.data, corrections, textGzip: new Uint8Array(0), updatedAt: now.toISOString() }, now, what);
        await this.db.cases.put(rowsOf(next).entry);
        return rowsOf(next).entry;
      });
      return ok(record);
    } catch (error) {
      return storageFailure(error, what, { wrote: true });
    }
  }

  /** Which of these references are saved (the "Saved" marks on listing pages), in the order asked. */
  async savedAmong(references: string[]): Promise<StoreResult<string[]>> {
    try {
      const unique = [...new Set(checkReferences(references))];
      if (unique.length === 0) return ok([]);
      const found = new Set(await this.db.cases.where(':id').anyOf(unique).primaryKeys());
      return ok(unique.filter((r) => found.has(r)));
    } catch (error) {
      return storageFailure(error, 'The saved marks could not be read');
    }
  }

  /**
   * The summaries of the cases with a payment or refund (found through the `totalPayments` index,
   * so the others are never read): what a payment in the sidebar is compared with. Damaged ones are skipped.
   */
  async paidSummaries(): Promise<StoreResult<DecisionSummary[]>> {
    try {
      const keys = await this.db.cases.where('totalPayments').above(0).primaryKeys();
      const rows = await this.db.summaries.bulkGet(keys);
      return ok(
        rows.flatMap((row) => {
          const parsed = DecisionSummarySchema.safeParse(row?.summary);
          return parsed.success ? [parsed.data] : [];
        }),
      );
    } catch (error) {
      return storageFailure(error, 'The saved payments could not be read');
    }
  }

  /**
   * The first `limit` entries in a sort order, read through its index: enough
   * to draw the top of the list before the whole library has been read. The
   * same entries in the same order as `sortCases` over the whole library, so
   * the list does not reorder when it arrives: ties in the key are in
   * ascending reference order in both directions, and unknown decision dates
   * ('') come last. Damaged entries are skipped (the full list reports them).
   * It does not count the library (`count`): counting reads every entry, and
   * the top of the list need not wait for that.
   */
  async firstPage(key: FirstPageKey, dir: 'asc' | 'desc', limit: number): Promise<CaseEntry[]> {
    try {
      const rows = await this.db.transaction('r', this.db.cases, () => firstPageRows(this.db.cases, key, dir, limit));
      return rows.flatMap((raw) => {
        const parsed = CaseEntrySchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return [];
    }
  }

  /** How many cases are saved (damaged ones included); null when the library cannot be read. */
  async count(): Promise<number | null> {
    try {
      return await this.db.cases.count();
    } catch {
      return null;
    }
  }

  /** Every valid entry, in reference order; damaged records listed apart. Reads no summary and no text. */
  async list(): Promise<CaseList> {
    try {
      return entriesOf(await this.db.cases.toArray());
    } catch (error) {
      return { cases: [], corrupted: [], error: storageFailure(error, 'The library could not be read').message };
    }
  }

  /**
   * The full saved cases (entry and summary) for these references, in the
   * order asked; every case when none are given. A missing or damaged one is
   * listed in `corrupted` instead.
   */
  async full(references?: readonly string[]): Promise<{ cases: SavedCase[]; corrupted: CaseList['corrupted']; error?: string }> {
    try {
      return await this.db.transaction('r', [this.db.cases, this.db.summaries], async () => {
        const keys = references ? [...references] : ((await this.db.cases.toCollection().primaryKeys()) as string[]);
        const [entries, summaries] = await Promise.all([this.db.cases.bulkGet(keys), this.db.summaries.bulkGet(keys)]);
        return savedCasesOf(keys, entries, summaries);
      });
    } catch (error) {
      return { cases: [], corrupted: [], error: storageFailure(error, 'The saved cases could not be read').message };
    }
  }

  /** The stored decision text, verbatim; '' when there is none or it cannot be decoded (a damaged record). */
  async text(reference: string): Promise<string> {
    try {
      const row = TextRowSchema.safeParse(await this.db.texts.get(reference));
      return row.success ? await gunzipText(row.data.textGzip) : '';
    } catch {
      return '';
    }
  }

  /**
   * A version 1 backup object of every case (or of the given references), texts
   * as plain text. A case whose summary or stored text cannot be read is left
   * out: the backup must pass its own import. It holds the whole library in
   * memory: large libraries are exported a case at a time (`backupLines` in
   * backup-stream.ts, which reads through `backupReferences` and `readBackupCases`).
   */
  async exportBackup(references?: readonly string[]): Promise<Backup> {
    const { cases } = await this.full(references);
    const out: BackupCase[] = [];
    for (const record of cases) {
      const text = await this.text(record.reference);
      if (!text) continue;
      const { card: _derived, ...rest } = record;
      out.push({ ...rest, text });
    }
    return { format: BACKUP_FORMAT, version: 1, exportedAt: this.now().toISOString(), parserVersion: PARSER_VERSION, cases: out };
  }

  /** Every saved reference, in reference order (what an export will go through). */
  async backupReferences(): Promise<string[]> {
    return (await this.db.cases.toCollection().primaryKeys()) as string[];
  }

  /**
   * These cases as a version 2 backup holds them, read in one transaction (each
   * case whole); texts are decoded after it. A case deleted meanwhile is left
   * out; a damaged one is left out and named in `skipped`.
   */
  async readBackupCases(references: readonly string[]): Promise<{ cases: BackupV2Case[]; skipped: string[] }> {
    const keys = [...references];
    const [entries, summaries, texts] = await this.db.transaction('r', this.tables, () =>
      Promise.all([this.db.cases.bulkGet(keys), this.db.summaries.bulkGet(keys), this.db.texts.bulkGet(keys)]),
    );
    // Texts are decoded after the transaction.
    return backupCasesOf(keys, { entries, summaries, texts });
  }

  /**
   * Writes one batch of a backup's cases in one transaction: new cases added,
   * saved ones merged (`mergeInto`), each through `checkCase`. A case refused
   * (a merge past a limit) is not written and named in `problems`; the rest
   * are. With `dryRun`, nothing is written (nor compressed): the same merges
   * are worked out against the library as it is, so a whole file can be checked
   * before its first case is written.
   */
  async importBatch(batch: ImportBatch, options: { dryRun?: boolean } = {}): Promise<BatchCounts> {
    const prepared = await prepareBatch(batch, this.now(), options.dryRun ?? false);
    if (!options.dryRun) await this.ensureRoom('The import stopped', preparedBytes(prepared));
    return this.writeBatch(prepared, options.dryRun ?? false);
  }

  /** The library's rows under the batch's references merged with it (`mergeBatch`) and written, in one transaction. */
  private writeBatch(prepared: PreparedBatch, dryRun: boolean): Promise<BatchCounts> {
    const references = [...prepared.incoming.keys()];
    const scope = async () => {
      const [entries, summaries, texts] = await Promise.all([
        this.db.cases.bulkGet(references),
        dryRun ? [] : this.db.summaries.bulkGet(references),
        dryRun ? [] : this.db.texts.bulkGet(references),
      ]);
      const { writes, ...counts } = mergeBatch(prepared, { entries, summaries, texts }, dryRun);
      if (!dryRun) await this.putCases(writes);
      return counts;
    };
    return dryRun ? this.db.transaction('r', [this.db.cases], scope) : this.write(this.tables, scope);
  }

  /**
   * Imports a backup (the parsed file, or its text: version 1's JSON object or
   * version 2's lines) in one transaction. The whole file is checked first; a
   * file with any problem is refused with the problems and where they are, and
   * nothing is written. Cases already saved are merged (`mergeInto`). For large
   * files, `importBackupFile` in backup-stream.ts reads and writes a batch at a time.
   */
  async importBackup(json: unknown): Promise<ImportReport> {
    const refuse = (message: string, problems: string[]): ImportReport => ({ ok: false, message, problems });
    try {
      const checked = checkBackup(json);
      if (!checked.ok) return refuse(checked.message, checked.problems);
      const prepared = await prepareBatch(
        checked.backup.cases.map((value, index) => ({ index, value })),
        this.now(),
        false,
      );
      if (prepared.problems.length > 0) throw new ImportRefused(prepared.problems);
      await this.ensureRoom('Not imported', preparedBytes(prepared));
      // All or nothing: one transaction, which a refused merge aborts.
      const counts = await this.write(this.tables, async () => {
        const result = await this.writeBatch(prepared, false);
        if (result.problems.length > 0) throw new ImportRefused(result.problems);
        return result;
      });
      return { ok: true, added: counts.added, merged: counts.merged };
    } catch (error) {
      if (error instanceof ImportRefused) return refuse(refusal(error.problems), error.problems);
      return refuse(storageFailure(error, 'Not imported', { wrote: true }).message, []);
    }
  }

  /**
   * After a parser update: re-parses every case whose summary came from
   * another parser version, from its stored text. Tags, note and savedAt are
   * kept. A case whose re-parse fails keeps its old summary and says why in
   * `reparseError`; it is tried again on the next run.
   */
  async reparseAll(
    parse: (text: string, url: string) => ParseResult,
    parserVersion: string,
  ): Promise<{ reparsed: number; failed: string[] }> {
    const { cases } = await this.list();
    const stale = cases.filter((c) => c.parserVersion !== parserVersion);
    if (stale.length === 0) return { reparsed: 0, failed: [] };

    // Parse outside the transaction; write the outcomes in one transaction below.
    const outcomes = new Map<string, ReparseOutcome>();
    for (const record of stale) outcomes.set(record.reference, reparseOutcome(await this.text(record.reference), record, parse));

    const now = this.now();
    try {
      await this.ensureRoom('Not re-read', reparseBytes(outcomes.values()));
      return await this.write([this.db.cases, this.db.summaries], async () => {
        // Re-read: tags and notes may have been edited in another tab while parsing ran.
        const rows = await this.db.cases.bulkGet([...outcomes.keys()]);
        const { entries, summaries, ...counts } = reparsedBatch(outcomes, rows, parserVersion, now);
        await this.db.cases.bulkPut(entries);
        await this.db.summaries.bulkPut(summaries);
        return counts;
      });
    } catch {
      // Storage failed: nothing was written, every case keeps its summary and is tried again next time.
      return { reparsed: 0, failed: [...outcomes.keys()] };
    }
  }
}
