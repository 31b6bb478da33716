/**
 * What the library stores and exports: one definition for the IndexedDB record,
 * the JSON backup and the import. Records read back from IndexedDB are validated
 * with these schemas too: the database is a boundary like any message.
 */
import * as z from 'zod/mini';
import { statuteLabel } from '../citation';
import { DecisionSummarySchema, PageAddressSchema, RemedyKindSchema, type DecisionSummary } from '../schema';
import { MAX_NOTE_CHARS, MAX_TAGS, MAX_TEXT_CHARS, TagSchema } from '../messages';
import { CorrectionsSchema } from './corrections';

/** A joint case's pages ("20 003 139a", "...b") are distinct cases sharing this key. */
export function relatedKeyOf(reference: string): string {
  return reference.replace(/[a-z]$/, '');
}

/** "Children Act 1989 s.47": the key statutes are filtered and counted by. */
export function statuteKey(s: DecisionSummary['statutes'][number]): string {
  return statuteLabel(s, { separator: ' ', subsection: false });
}

/** yyyy-mm-dd and a day that exists: 2021-02-29 and 2099-13-45 are refused, 2024-02-29 passes. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** An ISO timestamp as `toISOString` writes them, on a day of the calendar. */
export const TimestampSchema = z
  .string()
  .check(
    z.refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(s) && isCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)),
      'Invalid time: not an ISO timestamp (yyyy-mm-ddThh:mm:ss.sssZ)',
    ),
  );

/** Fields copied out of the summary so IndexedDB can index and filter on them. */
export const CaseIndexFieldsSchema = z.object({
  relatedKey: z.string(),
  authority: z.string(),
  outcomeKind: z.string(),
  area: z.string(),
  topic: z.string(),
  organisationKind: z.string(),
  /** Decision year, 0 when unknown (IndexedDB cannot index null). */
  year: z.int(),
  decisionDate: z.string(),
  totalPayments: z.number(),
  statuteKeys: z.array(z.string()),
});

/**
 * What the list, its search and its figures need from a summary, copied out so
 * the popup can list 10,000 cases without reading 10,000 full summaries.
 */
export const CaseCardSchema = z.extend(z.pick(DecisionSummarySchema, { title: true, outcome: true, complainant: true, summary: true }), {
  /** Each kind of remedy agreed, once. */
  remedyKinds: z.array(RemedyKindSchema),
});
export type CaseCard = z.infer<typeof CaseCardSchema>;

export function cardOf(summary: DecisionSummary): CaseCard {
  return {
    title: summary.title,
    outcome: summary.outcome,
    complainant: summary.complainant,
    summary: summary.summary,
    remedyKinds: [...new Set(summary.remedies.map((r) => r.kind))],
  };
}

/** A row of the `cases` table: everything about a saved case except its full summary and its text. */
export const CaseEntrySchema = z.extend(CaseIndexFieldsSchema, {
  reference: z.string().check(z.regex(/^\d{2} \d{3} \d{3}[a-z]?$/)),
  /** The decision page it was saved from: on lgo.org.uk, never a javascript: or data: address. */
  url: PageAddressSchema,
  savedAt: TimestampSchema,
  updatedAt: TimestampSchema,
  parserVersion: z.string(),
  /** Characters of the stored text. */
  textLength: z.int().check(z.nonnegative()),
  tags: z.array(TagSchema).check(z.maxLength(MAX_TAGS)),
  note: z.string().check(z.maxLength(MAX_NOTE_CHARS)),
  /** Set when re-parsing with a newer parser failed: the old summary was kept. */
  reparseError: z.nullable(z.string()),
  card: CaseCardSchema,
  /**
   * The person's corrections of what the parser read (lib/library/corrections.ts). On the entry, not
   * in the summary: the summary stays the parser's, and a re-parse replaces it without touching these.
   * The index fields and card above are of the corrected summary, so the list, its filters and the
   * figures show corrected values. Absent on records saved before corrections existed (and on
   * cases never corrected): read as none, so no new database version, since nothing is indexed on them.
   */
  corrections: z.optional(CorrectionsSchema),
});
export type CaseEntry = z.infer<typeof CaseEntrySchema>;

/** A saved case with its full summary (comparison, exports): an entry plus its `summaries` row. */
export const SavedCaseSchema = z.extend(CaseEntrySchema, { summary: DecisionSummarySchema });
export type SavedCase = z.infer<typeof SavedCaseSchema>;

/** Everything kept about a case, text included: what a save writes and what undo puts back. */
export const StoredCaseSchema = z.extend(SavedCaseSchema, {
  /** The decision text, verbatim, gzip-compressed (CompressionStream): the copy outlives the page. */
  textGzip: z.instanceof(Uint8Array),
});
export type StoredCase = z.infer<typeof StoredCaseSchema>;

/** The `summaries` and `texts` rows, keyed by reference like the entry they belong to. */
export const SummaryRowSchema = z.object({ reference: z.string(), summary: DecisionSummarySchema });
export type SummaryRow = z.infer<typeof SummaryRowSchema>;
export const TextRowSchema = z.object({ reference: z.string(), textGzip: z.instanceof(Uint8Array) });
export type TextRow = z.infer<typeof TextRowSchema>;

/**
 * A case in a JSON backup: the saved case with its text as plain text. The
 * card and index fields are copies of the summary, recomputed on import, so
 * the card is not written (backup version 1 never had one).
 */
export const BackupCaseSchema = z.extend(z.omit(SavedCaseSchema, { card: true }), {
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_CHARS)),
});
export type BackupCase = z.infer<typeof BackupCaseSchema>;

export const BACKUP_FORMAT = 'ombudsman-lens-backup';
/** What an export writes now: version 2, JSON Lines (below). Version 1, one JSON object, is still read. */
export const BACKUP_VERSION = 2;

/** Version 1 (0.1.0 to 0.2.x): one JSON object holding every case; what `CaseStore.exportBackup` still returns. */
export const BackupV1Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  parserVersion: z.string(),
  cases: z.array(BackupCaseSchema),
});
export type Backup = z.infer<typeof BackupV1Schema>;

/**
 * A case in a version 2 backup: what a person's work is (the summary, the
 * verbatim text, tags, note, when it was saved), without the copies an import
 * recomputes anyway (index fields, card, text length). Fields of version 1
 * cases are accepted and dropped.
 */
export const BackupV2CaseSchema = z.omit(BackupCaseSchema, {
  relatedKey: true,
  authority: true,
  outcomeKind: true,
  area: true,
  topic: true,
  organisationKind: true,
  year: true,
  decisionDate: true,
  totalPayments: true,
  statuteKeys: true,
  textLength: true,
});
export type BackupV2Case = z.infer<typeof BackupV2CaseSchema>;

/**
 * Version 2 is JSON Lines, so a backup of any size is written and read one case
 * at a time (lib/library/backup-stream.ts): a header line, one line per case, and
 * an end line counting the cases, so a file cut short is told from a whole one.
 *
 *     {"format":"ombudsman-lens-backup","version":2,"exportedAt":"...","parserVersion":"1.0.0"}
 *     {"reference":"18 009 360","url":"https://www.lgo.org.uk/...","summary":{...},"text":"...",...}
 *     {"end":true,"cases":1}
 */
export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  exportedAt: z.string(),
  parserVersion: z.string(),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;
export const BackupEndSchema = z.object({ end: z.literal(true), cases: z.int().check(z.nonnegative()) });

/** A version 2 file read whole (`checkBackup` on its text): the header's fields and the cases. */
export const BackupV2Schema = z.extend(BackupHeaderSchema, { cases: z.array(BackupV2CaseSchema) });

/** Every backup version ever written; the import accepts each one. */
export const AnyBackupSchema = z.discriminatedUnion('version', [BackupV1Schema, BackupV2Schema]);
export type AnyBackup = z.infer<typeof AnyBackupSchema>;
