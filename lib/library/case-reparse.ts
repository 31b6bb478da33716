/**
 * After a parser update every saved case is read again from its own verbatim text. Here: what
 * one re-read gives, and the rows it leaves (the new summary, or the old one kept with the reason
 * in `reparseError`, tried again on the next run). No Dexie: `CaseStore.reparseAll` reads the texts,
 * then writes these rows in one transaction.
 */
import type { DecisionSummary, ParseResult } from '../schema';
import { CaseEntrySchema, type CaseEntry, type SummaryRow } from './saved-case';
import { checkCase } from './record-checks';
import { rowsOf } from './case-rows';

export type ReparseOutcome = { summary: DecisionSummary } | { error: string };

/** One case's stored text (`''` when it could not be read) through `parse`: the new summary, or why not. */
export function reparseOutcome(text: string, record: CaseEntry, parse: (text: string, url: string) => ParseResult): ReparseOutcome {
  if (!text) return { error: 'The stored text of this decision could not be read.' };
  let result: ParseResult;
  try {
    result = parse(text, record.url);
  } catch (error) {
    result = { ok: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) return { error: result.message };
  if (result.summary.reference !== record.reference)
    return { error: `Re-parsing gave reference ${result.summary.reference}, not ${record.reference}.` };
  return { summary: result.summary };
}

/** About how many bytes the new summaries add. */
export function reparseBytes(outcomes: Iterable<ReparseOutcome>): number {
  let bytes = 0;
  for (const o of outcomes) bytes += 'summary' in o ? JSON.stringify(o.summary).length : 0;
  return bytes;
}

/**
 * The rows an outcome leaves on the entry as it is now (tags and note as edited meanwhile): the
 * entry and summary made again, or, when the parse or the checks failed, the entry with why.
 */
function reparsedRows(
  current: CaseEntry,
  outcome: ReparseOutcome,
  parserVersion: string,
  now: Date,
): { ok: true; entry: CaseEntry; summary: SummaryRow } | { ok: false; entry: CaseEntry } {
  let error = 'error' in outcome ? outcome.error : '';
  if ('summary' in outcome) {
    // The same checks as any case coming in (the entry's text is not re-read: an empty stand-in fills its place).
    const check = checkCase(
      { ...current, summary: outcome.summary, textGzip: new Uint8Array(0), reparseError: null, updatedAt: now.toISOString() },
      now,
    );
    if (check.ok) {
      const { entry, summary } = rowsOf(check.record);
      return { ok: true, entry, summary };
    }
    error = `Re-parse of ${current.reference} not saved: ${check.problems.slice(0, 3).join('; ')}.`;
  }
  const message = `Parser ${parserVersion} could not read the stored text, so the summary from parser ${current.parserVersion} is kept: ${error}`;
  return { ok: false, entry: { ...current, reparseError: message.slice(0, 1000) } };
}

/**
 * Every outcome against its entry as re-read in the write's transaction (`rows`, in `outcomes`'
 * order: tags and notes may have been edited in another tab while parsing ran): the rows to write,
 * how many were re-read and which failed. An entry deleted, damaged or re-read meanwhile is left alone.
 */
export function reparsedBatch(
  outcomes: ReadonlyMap<string, ReparseOutcome>,
  rows: readonly unknown[],
  parserVersion: string,
  now: Date,
): { entries: CaseEntry[]; summaries: SummaryRow[]; reparsed: number; failed: string[] } {
  let reparsed = 0;
  const failed: string[] = [];
  const entries: CaseEntry[] = [];
  const summaries: SummaryRow[] = [];
  [...outcomes.keys()].forEach((reference, i) => {
    const current = CaseEntrySchema.safeParse(rows[i]);
    if (!current.success || current.data.parserVersion === parserVersion) return;
    const made = reparsedRows(current.data, outcomes.get(reference)!, parserVersion, now);
    entries.push(made.entry);
    if (made.ok) {
      summaries.push(made.summary);
      reparsed++;
    } else failed.push(reference);
  });
  return { entries, summaries, reparsed, failed };
}
