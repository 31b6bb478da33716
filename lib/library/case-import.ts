/**
 * A backup's cases turned into stored records: each checked as a save is (`checkCase`) and its text
 * compressed, a case listed twice in one batch merged within it, then each merged with what the
 * library holds under its reference (`mergeInto`). No Dexie: `CaseStore.importBatch` and
 * `importBackup` read the library's rows and write what comes out, in their transactions.
 */
import type { BackupCase, BackupV2Case, StoredCase } from './saved-case';
import { caseProblem } from './backup-format';
import { checkCase, type CaseDraft } from './record-checks';
import { mergeCases, mergeInto } from './merge-rules';
import type { LibraryRows } from './case-rows';
import { gzipText } from './text-codec';
import { sideBySide } from './side-by-side';

export type ImportReport = { ok: true; added: number; merged: number } | { ok: false; message: string; problems: string[] };

/** A backup's case, any version: what an import reads from it (index fields and card are recomputed). */
export type ImportedCase = BackupV2Case | BackupCase;

/** One batch of an import: each case with its place in the file, for messages ("cases[3]: ..."). */
export type ImportBatch = readonly { index: number; value: ImportedCase }[];

/** What a batch did, or (a dry run) would do. */
export interface BatchCounts {
  added: number;
  merged: number;
  problems: string[];
}

/** A batch checked and compressed, ready for its transaction. */
export interface PreparedBatch {
  now: Date;
  incoming: Map<string, { index: number; record: StoredCase }>;
  problems: string[];
}

/** An import that writes nothing: the whole file is refused with these problems. */
export class ImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super('import refused');
  }
}

/** A backup's case as a draft for `checkCase` (the gzip made by the caller). */
function draftOf(c: ImportedCase, textGzip: Uint8Array, now: string): CaseDraft {
  return {
    reference: c.reference,
    url: c.url,
    savedAt: c.savedAt,
    updatedAt: c.updatedAt || now,
    summary: c.summary,
    textGzip,
    textLength: c.text.length,
    tags: c.tags,
    note: c.note,
    reparseError: c.reparseError,
    corrections: c.corrections,
  };
}

/** Each case checked and compressed, outside any transaction (IndexedDB would commit one left waiting for gzip). */
export async function prepareBatch(batch: ImportBatch, now: Date, dryRun: boolean): Promise<PreparedBatch> {
  const at = now.toISOString();
  // A case listed twice in one batch is merged within the batch first (two puts of one key would drop the first).
  const incoming = new Map<string, { index: number; record: StoredCase }>();
  const problems: string[] = [];
  // A dry run checks the shape with an empty stand-in for the compressed text.
  const gzips = dryRun ? [] : await sideBySide(batch, ({ value }) => gzipText(value.text));
  for (const [i, { index, value }] of batch.entries()) {
    const check = checkCase(draftOf(value, gzips[i] ?? new Uint8Array(0), at), now, value.text.length);
    if (!check.ok) {
      problems.push(...check.problems.slice(0, 3).map((p) => caseProblem(index, p)));
      continue;
    }
    const earlier = incoming.get(value.reference);
    incoming.set(value.reference, {
      index: earlier?.index ?? index,
      record: earlier ? mergeCases(earlier.record, check.record) : check.record,
    });
  }
  return { now, incoming, problems };
}

/**
 * A prepared batch merged with the library's rows under its references (in `incoming`'s order;
 * `mergeInto`): the records to write and what
 * they count as. A case refused (a merge past a limit) is not among them and is named in
 * `problems`. A dry run has read only the entries: it merges with the entry's tags and note,
 * which is all a merge can push past a limit.
 */
export function mergeBatch(
  { now, incoming, problems }: PreparedBatch,
  rows: LibraryRows,
  dryRun: boolean,
): BatchCounts & { writes: StoredCase[] } {
  // Its own copy: a try that fails (and is run again) leaves nothing behind.
  const found = [...problems];
  const writes: StoredCase[] = [];
  let added = 0;
  let merged = 0;
  [...incoming.keys()].forEach((reference, i) => {
    const { index, record } = incoming.get(reference)!;
    const entry: unknown = rows.entries[i];
    const library = dryRun
      ? { entry, summary: entry === undefined ? undefined : { summary: record.summary }, text: { textGzip: record.textGzip } }
      : { entry, summary: rows.summaries[i], text: rows.texts[i] };
    const result = mergeInto(library, record);
    // A new case is as checked in prepareBatch; a merged one is checked again (its tags and note grew).
    const check = result.merged ? checkCase(result.record, now) : { ok: true as const, record };
    if (!check.ok) {
      found.push(caseProblem(index, check.problems[0]!));
      return;
    }
    writes.push(check.record);
    if (result.merged) merged++;
    else added++;
  });
  return { added, merged, problems: found, writes };
}

/** About how many bytes a batch's write adds: its compressed texts and its summaries. */
export function preparedBytes({ incoming }: PreparedBatch): number {
  let bytes = 0;
  for (const { record } of incoming.values()) bytes += record.textGzip.byteLength + JSON.stringify(record.summary).length;
  return bytes;
}
