/**
 * The case pack of some saved cases as a Blob, read from the library a batch at a time (summary and
 * stored text, as a backup reads them). Each case's section is one string, moved into the Blob in
 * steps, so 1,000 cases never make one string of the whole pack; the table of the cases goes
 * first, written last, over the cases that were read (a damaged one is left out and named).
 * Each case is shown with the person's corrections applied.
 */
import { CASE_PACK_END, CASE_PACK_MIME, casePackHead, casePackSection, packIndexRow, type PackIndexRow } from './case-pack';
import type { CaseStore } from './case-store';
import { withCorrectionsApplied } from './corrections';

export interface CasePackProgress {
  done: number;
  total: number;
}

export interface CasePackOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CasePackProgress) => void;
  /** Cases read per transaction. */
  batchSize?: number;
  now?: () => Date;
}

/** Characters of sections held as strings before they are moved into the Blob. */
const BLOB_STEP_CHARS = 4_000_000;

/** Rejects with the signal's reason (an AbortError) when cancelled. */
export async function exportCasePackBlob(
  store: Pick<CaseStore, 'readBackupCases'>,
  references: readonly string[],
  options: CasePackOptions = {},
): Promise<{ blob: Blob; cases: number; skipped: string[] }> {
  const batchSize = options.batchSize ?? 50;
  const total = references.length;
  const rows: PackIndexRow[] = [];
  const skipped: string[] = [];
  let body = new Blob([]);
  let parts: string[] = [];
  let chars = 0;
  for (let start = 0; start < total; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = await store.readBackupCases(references.slice(start, start + batchSize));
    skipped.push(...batch.skipped);
    // The pack shows what the person reads: the parser's summary with their corrections applied.
    for (const c of batch.cases.map(withCorrectionsApplied)) {
      rows.push(packIndexRow(c));
      const section = casePackSection(c);
      parts.push(section);
      chars += section.length;
    }
    if (chars >= BLOB_STEP_CHARS) {
      body = new Blob([body, ...parts]);
      parts = [];
      chars = 0;
    }
    options.onProgress?.({ done: Math.min(start + batchSize, total), total });
  }
  options.signal?.throwIfAborted();
  const head = casePackHead(rows, { createdAt: options.now?.() ?? new Date() });
  return { blob: new Blob([head, body, ...parts, CASE_PACK_END], { type: CASE_PACK_MIME }), cases: rows.length, skipped };
}
