/**
 * A saved case is three rows under one reference: its entry (`cases`), its summary (`summaries`)
 * and its gzip text (`texts`). Here they are put together (and validated) as read, split apart for
 * writing, and read as far as they can be when damaged. No Dexie: the store reads and writes them.
 */
import * as z from 'zod/mini';
import { StoredCaseSchema, type CaseEntry, type StoredCase, type SummaryRow, type TextRow } from './saved-case';
import { validCorrections, type Correction } from './corrections';
import { MAX_NOTE_CHARS, MAX_TAGS, TagSchema } from '../messages';

export const TagsSchema = z.array(TagSchema);

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

/** What can still be read from a record that may be damaged: the user's own words come first. */
export function salvage(raw: unknown): { savedAt: string | null; tags: string[]; note: string; corrections: Correction[] } {
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
