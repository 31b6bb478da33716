/**
 * Every message between the content script, the popup and the background,
 * declared once. Both sides validate with these schemas: a message of the wrong
 * shape is answered with a typed error and never acted on. Replies are
 * `Result`-style values; errors do not cross contexts as exceptions.
 */
import { z } from 'zod';
import { DecisionSummarySchema } from './schema';

/** A decision page's text runs to 45 KB; anything far larger is not one of ours. */
export const MAX_TEXT_CHARS = 2_000_000;
export const MAX_NOTE_CHARS = 20_000;
export const MAX_TAGS = 50;

export const TagSchema = z.string().trim().min(1).max(60);

export const SaveCaseMessageSchema = z.object({
  type: z.literal('save-case'),
  summary: DecisionSummarySchema,
  /** The decision text as the page shows it, verbatim: the copy outlives the page. */
  text: z.string().min(1).max(MAX_TEXT_CHARS),
  url: z.string().url().max(2000),
  tags: z.array(TagSchema).max(MAX_TAGS).default([]),
  note: z.string().max(MAX_NOTE_CHARS).default(''),
});

export const RemoveCaseMessageSchema = z.object({
  type: z.literal('remove-case'),
  reference: z.string().min(1).max(20),
});

export const CaseStatusMessageSchema = z.object({
  type: z.literal('case-status'),
  reference: z.string().min(1).max(20),
});

export const UpdateNotesMessageSchema = z.object({
  type: z.literal('update-notes'),
  reference: z.string().min(1).max(20),
  tags: z.array(TagSchema).max(MAX_TAGS),
  note: z.string().max(MAX_NOTE_CHARS),
});

/** Which of these decision addresses are in the library (listing and search pages). */
export const SavedAmongMessageSchema = z.object({
  type: z.literal('saved-among'),
  references: z.array(z.string().min(1).max(20)).max(500),
});

export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  SaveCaseMessageSchema,
  RemoveCaseMessageSchema,
  CaseStatusMessageSchema,
  UpdateNotesMessageSchema,
  SavedAmongMessageSchema,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;
export type BackgroundRequestInput = z.input<typeof BackgroundRequestSchema>;

/** Sent by the background to a tab's content script (the keyboard shortcut). */
export const ContentRequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('toggle-sidebar') })]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export const ErrorCodeSchema = z.enum(['invalid-message', 'too-large', 'storage-full', 'storage-failed', 'not-found', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CaseStatusSchema = z.object({
  saved: z.boolean(),
  savedAt: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string(),
});
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), status: CaseStatusSchema.optional(), saved: z.array(z.string()).optional() }),
  z.object({ ok: z.literal(false), error: ErrorCodeSchema, message: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export function errorReply(error: ErrorCode, message: string): Reply {
  return { ok: false, error, message };
}
