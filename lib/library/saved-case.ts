/**
 * What the library stores and exports: one definition for the IndexedDB record,
 * the JSON backup and the import. Records read back from IndexedDB are validated
 * with these schemas too: the database is a boundary like any message.
 */
import { z } from 'zod';
import { statuteLabel } from '../citation';
import { DecisionSummarySchema, type DecisionSummary } from '../schema';
import { MAX_NOTE_CHARS, MAX_TAGS, MAX_TEXT_CHARS, TagSchema } from '../messages';

/** A joint case's pages ("20 003 139a", "...b") are distinct cases sharing this key. */
export function relatedKeyOf(reference: string): string {
  return reference.replace(/[a-z]$/, '');
}

/** "Children Act 1989 s.47": the key statutes are filtered and counted by. */
export function statuteKey(s: DecisionSummary['statutes'][number]): string {
  return statuteLabel(s, { separator: ' ', subsection: false });
}

/** Fields copied out of the summary so IndexedDB can index and filter on them. */
export const CaseIndexFieldsSchema = z.object({
  relatedKey: z.string(),
  authority: z.string(),
  outcomeKind: z.string(),
  area: z.string(),
  topic: z.string(),
  organisationKind: z.string(),
  /** Decision year, 0 when unknown (IndexedDB cannot index null). */
  year: z.number().int(),
  decisionDate: z.string(),
  totalPayments: z.number(),
  statuteKeys: z.array(z.string()),
});

export const SavedCaseSchema = CaseIndexFieldsSchema.extend({
  reference: z.string().regex(/^\d{2} \d{3} \d{3}[a-z]?$/),
  url: z.string().max(2000),
  /** ISO timestamps. */
  savedAt: z.string(),
  updatedAt: z.string(),
  parserVersion: z.string(),
  summary: DecisionSummarySchema,
  /** The decision text, verbatim, gzip-compressed (CompressionStream): the copy outlives the page. */
  textGzip: z.instanceof(Uint8Array),
  textLength: z.number().int().nonnegative(),
  tags: z.array(TagSchema).max(MAX_TAGS),
  note: z.string().max(MAX_NOTE_CHARS),
  /** Set when re-parsing with a newer parser failed: the old summary was kept. */
  reparseError: z.string().nullable(),
});
export type SavedCase = z.infer<typeof SavedCaseSchema>;

/** A case in a JSON backup: the stored record with its text as plain text. */
export const BackupCaseSchema = SavedCaseSchema.omit({ textGzip: true }).extend({
  text: z.string().min(1).max(MAX_TEXT_CHARS),
});
export type BackupCase = z.infer<typeof BackupCaseSchema>;

export const BACKUP_FORMAT = 'ombudsman-lens-backup';
export const BACKUP_VERSION = 1;

export const BackupV1Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  parserVersion: z.string(),
  cases: z.array(BackupCaseSchema),
});
export type Backup = z.infer<typeof BackupV1Schema>;

/** Every backup version ever written; the import accepts each one. */
export const AnyBackupSchema = z.discriminatedUnion('version', [BackupV1Schema]);
