/**
 * Backups of any size, a case at a time: what the library page runs, with a
 * progress bar and a Cancel button. Nothing here holds the whole library or the
 * whole file in one string (a 17,700-case library passed V8's longest string
 * when the backup was one pretty-printed JSON value).
 *
 * - `backupLines` yields a version 2 backup (JSON Lines: a header, one line per
 *   case, an end line) as strings, one case per string, read from the library
 *   a batch at a time; `exportBackupBlob` gathers them into a Blob in steps.
 * - `importBackupFile` reads a file incrementally (its byte stream, decoded and
 *   split into lines; no JSON.parse of the whole file), checks every case with
 *   the same checks as a save (`checkCase`, through `CaseStore.importBatch`) and
 *   the merges against the library, and only then writes, a batch per
 *   transaction. Version 1 files (one JSON object) are read whole and go
 *   through the same checks and writes.
 *
 * JSON Lines rather than a streaming JSON parser: one `JSON.parse` per line
 * needs no dependency in the extension and no parser state across chunks, and
 * the end line tells a whole file from one cut short.
 *
 * Cancelling (the AbortSignal) while checking changes nothing. While writing,
 * it stops before the next batch: the batches written stay, each case whole
 * (one transaction each), and importing the same file again completes the
 * import without doubling anything (a case already there is merged).
 */
import { PARSER_VERSION } from '../schema';
import { BackupLineReader, MAX_PROBLEMS, caseLine, checkBackup, checkBackupCase, endLine, headerLine, refusal } from './backup-format';
import type { CaseStore, ImportedCase } from './case-store';
import { LibraryError, storageFailure } from './storage-errors';

export interface ExportProgress {
  /** References gone through, of `total`. */
  done: number;
  total: number;
  /** Cases written to the file so far. */
  cases: number;
  /** Damaged cases left out (a backup must pass its own import), by reference. */
  skipped: readonly string[];
}

export interface ExportOptions {
  /** Only these cases; every case when absent. */
  references?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Cases read per transaction. */
  batchSize?: number;
  now?: () => Date;
}

/**
 * A version 2 backup, line by line: the header, then one string per case, then
 * the end line. Checks `signal` between batches and throws its reason (an
 * AbortError) when cancelled.
 */
export async function* backupLines(store: CaseStore, options: ExportOptions = {}): AsyncGenerator<string, void, undefined> {
  const batchSize = options.batchSize ?? 100;
  options.signal?.throwIfAborted();
  const references = options.references ? [...options.references] : await store.backupReferences();
  const total = references.length;
  const skipped: string[] = [];
  let cases = 0;
  yield headerLine({ exportedAt: (options.now?.() ?? new Date()).toISOString(), parserVersion: PARSER_VERSION });
  for (let start = 0; start < total; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = await store.readBackupCases(references.slice(start, start + batchSize));
    skipped.push(...batch.skipped);
    for (const c of batch.cases) {
      cases++;
      yield caseLine(c);
    }
    options.onProgress?.({ done: Math.min(start + batchSize, total), total, cases, skipped });
  }
  options.signal?.throwIfAborted();
  yield endLine(cases);
}

/** Characters of lines held as strings before they are moved into the Blob (which the browser may keep on disk). */
const BLOB_STEP_CHARS = 8_000_000;

/** The MIME type of a version 2 backup. */
export const BACKUP_MIME = 'application/x-ndjson';

/** The whole backup as a Blob, built in steps so the strings never pile up. Rejects with an AbortError when cancelled. */
export async function exportBackupBlob(
  store: CaseStore,
  options: ExportOptions = {},
): Promise<{ blob: Blob; cases: number; skipped: string[] }> {
  let blob = new Blob([], { type: BACKUP_MIME });
  let parts: string[] = [];
  let chars = 0;
  let last: ExportProgress = { done: 0, total: 0, cases: 0, skipped: [] };
  const onProgress = (p: ExportProgress) => {
    last = p;
    options.onProgress?.(p);
  };
  for await (const line of backupLines(store, { ...options, onProgress })) {
    parts.push(line);
    chars += line.length;
    if (chars >= BLOB_STEP_CHARS) {
      blob = new Blob([blob, ...parts], { type: BACKUP_MIME });
      parts = [];
      chars = 0;
    }
  }
  return { blob: new Blob([blob, ...parts], { type: BACKUP_MIME }), cases: last.cases, skipped: [...last.skipped] };
}

export type ImportProgress =
  /** Reading the file through and checking every case; nothing is written yet. `done`/`total` are bytes of the file. */
  | { phase: 'checking'; done: number; total: number; cases: number }
  /** Writing: `done` of `total` cases written (or merged). */
  | { phase: 'writing'; done: number; total: number; cases: number };

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Cases per check and per write transaction. */
  batchSize?: number;
}

export type ImportFileReport =
  /** `skipped`: cases refused while writing because the library changed after the check (a merge past a limit), with why. */
  | { ok: true; added: number; merged: number; skipped: string[] }
  /** Refused, cancelled or stopped by storage: `added`/`merged` say what was written before (0 unless writing had begun). */
  | { ok: false; cancelled: boolean; message: string; problems: string[]; added: number; merged: number };

/** A file's cases, one at a time, as often as asked: version 2 read from the file's bytes again each time, version 1 from memory. */
interface CaseSource {
  version: number;
  cases(
    onBytes?: (bytes: number) => void,
  ): AsyncGenerator<{ index: number; raw: unknown } | { refused: { message: string; problems: string[] } }>;
}

/**
 * Longer than any case can be: a 2,000,000-character text, a 500,000-character summary and a note, with room for
 * JSON's escapes. A longer line is not held whole: it is skipped to its end and reported by its length.
 */
export const MAX_LINE_CHARS = 16_000_000;

/**
 * The file's lines, decoded as UTF-8 as its bytes arrive (linear in the file: each chunk is searched once);
 * `onBytes` hears how many bytes have been read. A line over `MAX_LINE_CHARS` comes as `{ tooLong }`.
 */
async function* fileLines(file: Blob, onBytes?: (bytes: number) => void): AsyncGenerator<string | { tooLong: number }> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pieces: string[] = [];
  let chars = 0;
  let bytes = 0;
  const line = (): string | { tooLong: number } => {
    const whole = chars > MAX_LINE_CHARS ? { tooLong: chars } : pieces.join('');
    pieces = [];
    chars = 0;
    return whole;
  };
  const add = (piece: string) => {
    chars += piece.length;
    if (chars <= MAX_LINE_CHARS) pieces.push(piece);
    else pieces = [];
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        add(text.slice(start, end));
        yield line();
        start = end + 1;
      }
      add(text.slice(start));
      if (done) break;
      bytes += value.byteLength;
      onBytes?.(bytes);
    }
    if (chars > 0) yield line();
  } finally {
    reader.releaseLock();
  }
}

/** Reads as far as the first line break: enough to tell version 2's header from version 1's object. */
async function firstLine(file: Blob): Promise<string> {
  for await (const line of fileLines(file.slice(0, 1_000_000))) return typeof line === 'string' ? line : '';
  return '';
}

async function sourceOf(file: Blob): Promise<CaseSource | { refused: { message: string; problems: string[] } }> {
  let first: unknown;
  try {
    first = JSON.parse(await firstLine(file));
  } catch {
    // Not one JSON value on the first line: a pretty-printed version 1 file, or not a backup at all.
  }
  if (first && typeof first === 'object' && !Array.isArray(first) && !('cases' in first)) {
    return {
      version: (first as { version?: unknown }).version as number,
      async *cases(onBytes) {
        const reader = new BackupLineReader();
        for await (const line of fileLines(file, onBytes)) {
          const read = typeof line === 'string' ? reader.read(line) : reader.tooLong(line.tooLong);
          if (read.kind === 'refused') {
            yield { refused: read.refusal };
            return;
          }
          if (read.kind === 'case') yield { index: read.index, raw: read.raw };
        }
        const end = reader.finish();
        if (!end.ok) yield { refused: end };
      },
    };
  }
  // Version 1 (or a file that is not a backup): read whole, as version 1 always was, and checked whole.
  const checked = checkBackup(await file.text());
  if (!checked.ok) return { refused: checked };
  const { cases, version } = checked.backup;
  return {
    version,
    async *cases(onBytes) {
      onBytes?.(file.size);
      for (const [index, raw] of cases.entries()) yield { index, raw };
    },
  };
}

/**
 * Imports a backup file of any version, a batch at a time, with progress and
 * cancel. Never rejects: every outcome is a report, in words. First the whole file is read and every case checked (its shape, the
 * checks every case passes, and its merge with what is saved: a merge past a
 * limit is a problem here); a file with any problem is refused, saying what and
 * where, and nothing is written. Then the file is read again and written, a
 * batch per transaction.
 */
export async function importBackupFile(store: CaseStore, file: Blob, options: ImportOptions = {}): Promise<ImportFileReport> {
  const batchSize = options.batchSize ?? 200;
  let added = 0;
  let merged = 0;
  const refuse = (message: string, problems: string[], cancelled = false): ImportFileReport => ({
    ok: false,
    cancelled,
    message,
    problems,
    added,
    merged,
  });
  const cancelledUnchanged = () => refuse('Import cancelled: nothing was changed.', [], true);

  let source: Awaited<ReturnType<typeof sourceOf>>;
  try {
    source = await sourceOf(file);
  } catch (error) {
    return refuse(`The file could not be read: ${readProblem(error)}. Nothing was changed.`, []);
  }
  if ('refused' in source) return refuse(source.refused.message, source.refused.problems);
  const { version } = source;

  // Checking: every case, no writes.
  const problems: string[] = [];
  let count = 0;
  let bytes = 0;
  let batch: { index: number; value: ImportedCase }[] = [];
  const checkBatch = async () => {
    if (batch.length > 0) problems.push(...(await store.importBatch(batch, { dryRun: true })).problems);
    batch = [];
    options.onProgress?.({ phase: 'checking', done: bytes, total: file.size, cases: count });
  };
  try {
    for await (const item of readCases(source, 'The backup could not be checked', (b) => (bytes = b))) {
      if (options.signal?.aborted) return cancelledUnchanged();
      if ('refused' in item) return refuse(item.refused.message, item.refused.problems);
      count++;
      const checked = checkBackupCase(item.raw, item.index, version);
      if (!checked.ok) problems.push(...checked.problems);
      else batch.push({ index: item.index, value: checked.value });
      if (batch.length >= batchSize) await checkBatch();
      if (problems.length >= MAX_PROBLEMS) break;
    }
    await checkBatch();
  } catch (error) {
    return refuse(`${storageFailure(error, 'The backup could not be checked').message} Nothing was changed.`, []);
  }
  if (problems.length > 0) return refuse(refusal(problems), problems.slice(0, MAX_PROBLEMS));
  if (options.signal?.aborted) return cancelledUnchanged();

  // Writing: the file again, a batch per transaction.
  const skipped: string[] = [];
  let written = 0;
  const stopped = () =>
    `${written.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} cases were imported before it stopped, each whole; the rest were not. Importing the file again finishes the import (cases already imported are merged, not doubled).`;
  const writeBatch = async () => {
    if (batch.length === 0) return;
    const result = await store.importBatch(batch);
    added += result.added;
    merged += result.merged;
    skipped.push(...result.problems);
    written += batch.length;
    batch = [];
    options.onProgress?.({ phase: 'writing', done: written, total: count, cases: written });
  };
  // The file is read again: it may have changed on disk since it was checked.
  const changed = (why: string) =>
    new LibraryError('invalid-message', `The import stopped: the file changed after it was checked (${why}).`);
  try {
    options.onProgress?.({ phase: 'writing', done: 0, total: count, cases: 0 });
    for await (const item of readCases(source, 'The import stopped')) {
      if ('refused' in item) throw changed(item.refused.problems[0] ?? item.refused.message);
      const checked = checkBackupCase(item.raw, item.index, version);
      if (!checked.ok) throw changed(checked.problems[0]!);
      batch.push({ index: item.index, value: checked.value });
      if (batch.length >= batchSize) {
        if (options.signal?.aborted) return refuse(`Import cancelled. ${stopped()}`, [], true);
        await writeBatch();
      }
    }
    if (options.signal?.aborted && batch.length > 0) return refuse(`Import cancelled. ${stopped()}`, [], true);
    await writeBatch();
  } catch (error) {
    const { message } = storageFailure(error, 'The import stopped');
    return refuse(`${message} ${stopped()}`, []);
  }
  return { ok: true, added, merged, skipped };
}

/** The source's cases; a failure to read the file is said as one (not as a storage failure). */
async function* readCases(source: CaseSource, what: string, onBytes?: (bytes: number) => void): ReturnType<CaseSource['cases']> {
  try {
    yield* source.cases(onBytes);
  } catch (error) {
    throw new LibraryError('invalid-message', `${what}: the file could not be read (${readProblem(error)}).`);
  }
}

/** Why a file could not be read: a decoding failure is not UTF-8; anything else by its own message. */
function readProblem(error: unknown): string {
  if (error instanceof TypeError && /decode|encoding/i.test(error.message)) return 'it is not UTF-8 text';
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200);
}
