/**
 * Saved cases as a version 2 backup holds them: each case's own fields, summary and text, never
 * what is derived from them (index fields, card, text length: an import recomputes those). No
 * Dexie: `CaseStore.readBackupCases` reads the rows in one transaction and hands them here, where
 * the texts are decoded after it (IndexedDB would commit a transaction left waiting for gzip).
 */
import type { BackupV2Case, StoredCase } from './saved-case';
import { gunzipText } from './text-codec';
import { sideBySide } from './side-by-side';
import { storedOf, type LibraryRows } from './case-rows';

/** One case with its decoded text, as a backup line holds it. */
export function backupCaseOf(record: StoredCase, text: string): BackupV2Case {
  return {
    reference: record.reference,
    url: record.url,
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
    parserVersion: record.parserVersion,
    tags: record.tags,
    note: record.note,
    reparseError: record.reparseError,
    ...(record.corrections?.length ? { corrections: record.corrections } : {}),
    summary: record.summary,
    text,
  };
}

/**
 * The cases under `keys` as read: one deleted meanwhile is left out; one whose rows are damaged or
 * whose text cannot be decoded is left out and named in `skipped` (a backup must pass its own import).
 */
export async function backupCasesOf(keys: readonly string[], rows: LibraryRows): Promise<{ cases: BackupV2Case[]; skipped: string[] }> {
  const stored = keys.map((_, i) => storedOf(rows.entries[i], rows.summaries[i], rows.texts[i]));
  const decoded = await sideBySide(stored, async (s) => (s ? gunzipText(s.textGzip).catch(() => '') : ''));
  const cases: BackupV2Case[] = [];
  const skipped: string[] = [];
  for (const [i, reference] of keys.entries()) {
    if (rows.entries[i] === undefined) continue;
    const record = stored[i];
    const text = decoded[i];
    if (record && text) cases.push(backupCaseOf(record, text));
    else skipped.push(reference);
  }
  return { cases, skipped };
}
