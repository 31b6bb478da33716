/**
 * A saved case is three rows under one reference: its entry (`cases`), its summary (`summaries`)
 * and its gzip text (`texts`). Here they are put together (and validated) as read, split apart for
 * writing, and read as far as they can be when damaged. No Dexie: the store reads and writes them.
 */
import * as z from 'zod/mini';
import {
  CaseEntrySchema,
  SavedCaseSchema,
  StoredCaseSchema,
  type CaseEntry,
  type SavedCase,
  type StoredCase,
  type SummaryRow,
  type TextRow,
} from './saved-case';
import { validCorrections, type Correction } from './corrections';
import { ENGLISH, firstIssues } from './record-checks';
import { MAX_NOTE_CHARS, MAX_TAGS, TagSchema } from '../messages';

export const TagsSchema = z.array(TagSchema);

/** The rows of several cases as read, each list in the order of the references asked for. */
export interface LibraryRows {
  entries: readonly unknown[];
  summaries: readonly unknown[];
  texts: readonly unknown[];
}

/** A record that could not be read, and why. */
export interface Corrupted {
  reference: string;
  problem: string;
}

/**
 * A case put together from its three rows as read, validated once; null when the
 * entry is missing or any part is missing or damaged.
 */
export function storedOf(entry: unknown, summary: unknown, text: unknown): StoredCase | null {
  if (entry === undefined) return null;
  const parsed = StoredCaseSchema.safeParse({
    ...(entry as object),
    summary: (summary as Partial<SummaryRow> | undefined)?.summary,
    textGzip: (text as Partial<TextRow> | undefined)?.textGzip,
  });
  return parsed.success ? parsed.data : null;
}

/** The three rows of a checked case. */
export function rowsOf(record: StoredCase): { entry: CaseEntry; summary: SummaryRow; text: TextRow } {
  const { summary, textGzip, ...entry } = record;
  return { entry, summary: { reference: record.reference, summary }, text: { reference: record.reference, textGzip } };
}

/** What `salvage` reads of a record that may be damaged. */
export interface Salvaged {
  savedAt: string | null;
  tags: string[];
  note: string;
  corrections: Correction[];
}

/** What can still be read from a record that may be damaged: the user's own words come first. */
export function salvage(raw: unknown): Salvaged {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const tags = TagsSchema.check(z.maxLength(MAX_TAGS)).safeParse(r.tags);
  return {
    savedAt: typeof r.savedAt === 'string' ? r.savedAt : null,
    tags: tags.success ? tags.data : [],
    note: typeof r.note === 'string' && r.note.length <= MAX_NOTE_CHARS ? r.note : '',
    corrections: validCorrections(r.corrections),
  };
}

export function referenceOf(raw: unknown): string {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).reference : undefined;
  return typeof r === 'string' ? r : '(no reference)';
}

/** Entries as read: the valid ones, and the damaged ones listed apart. */
export function entriesOf(rows: readonly unknown[]): { cases: CaseEntry[]; corrupted: Corrupted[] } {
  const cases: CaseEntry[] = [];
  const corrupted: Corrupted[] = [];
  for (const raw of rows) {
    const parsed = CaseEntrySchema.safeParse(raw, ENGLISH);
    if (parsed.success) cases.push(parsed.data);
    else corrupted.push({ reference: referenceOf(raw), problem: firstIssues(parsed.error) });
  }
  return { cases, corrupted };
}

/** Full saved cases (entry and summary) as read for `keys`: one deleted meanwhile is left out, a damaged one listed apart. */
export function savedCasesOf(
  keys: readonly string[],
  entries: readonly unknown[],
  summaries: readonly unknown[],
): { cases: SavedCase[]; corrupted: Corrupted[] } {
  const cases: SavedCase[] = [];
  const corrupted: Corrupted[] = [];
  keys.forEach((reference, i) => {
    const entry = entries[i];
    if (entry === undefined) return;
    const parsed = SavedCaseSchema.safeParse(
      { ...(entry as object), summary: (summaries[i] as Partial<SummaryRow> | undefined)?.summary },
      ENGLISH,
    );
    if (parsed.success) cases.push(parsed.data);
    else corrupted.push({ reference, problem: firstIssues(parsed.error) });
  });
  return { cases, corrupted };
}
