/**
 * Every message between the content script, the popup and the background,
 * declared once. Both sides validate with these schemas: a message of the wrong
 * shape is answered with a typed error and never acted on. Replies are
 * `Result`-style values; errors do not cross contexts as exceptions.
 */
import * as z from 'zod/mini';
import { DecisionSummarySchema, PageAddressSchema } from './schema';
import { PAYMENT_PURPOSES, type PaymentPurpose } from './library/payment-purposes';
import { CorrectionSchema, CorrectionsSchema } from './library/corrections';

/** A decision page's text runs to 45 KB; anything far larger is not one of ours. */
export const MAX_TEXT_CHARS = 2_000_000;
export const MAX_NOTE_CHARS = 20_000;
export const MAX_TAGS = 50;

export const TagSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

export const SaveCaseMessageSchema = z.object({
  type: z.literal('save-case'),
  summary: DecisionSummarySchema,
  /** The decision text as the page shows it, verbatim: the copy outlives the page. */
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_CHARS)),
  /** The decision page's address (lgo.org.uk), never a javascript: or data: one or another site's. */
  url: PageAddressSchema,
  tags: z._default(z.array(TagSchema).check(z.maxLength(MAX_TAGS)), []),
  note: z._default(z.string().check(z.maxLength(MAX_NOTE_CHARS)), ''),
});

export const RemoveCaseMessageSchema = z.object({
  type: z.literal('remove-case'),
  reference: z.string().check(z.minLength(1), z.maxLength(20)),
});

export const CaseStatusMessageSchema = z.object({
  type: z.literal('case-status'),
  reference: z.string().check(z.minLength(1), z.maxLength(20)),
});

export const UpdateNotesMessageSchema = z.object({
  type: z.literal('update-notes'),
  reference: z.string().check(z.minLength(1), z.maxLength(20)),
  tags: z.array(TagSchema).check(z.maxLength(MAX_TAGS)),
  note: z.string().check(z.maxLength(MAX_NOTE_CHARS)),
  /** The tags and note the editor started from: edits made meanwhile in another tab are merged, not lost. */
  base: z.optional(
    z.object({
      tags: z.array(TagSchema).check(z.maxLength(MAX_TAGS)),
      note: z.string().check(z.maxLength(MAX_NOTE_CHARS)),
    }),
  ),
});

/**
 * Sets one correction of a saved case (`set`), or drops the one with this key (`revert`, a
 * `correctionKey`). Corrections are stored only with a saved case.
 */
export const CorrectCaseMessageSchema = z.object({
  type: z.literal('correct-case'),
  reference: z.string().check(z.minLength(1), z.maxLength(20)),
  set: z.optional(CorrectionSchema),
  revert: z.optional(z.string().check(z.maxLength(21_000))),
});

/** Which of these decision addresses are in the library (listing and search pages). */
export const SavedAmongMessageSchema = z.object({
  type: z.literal('saved-among'),
  references: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(500)),
});

/** What the saved cases (other than `exclude`, the decision being read) paid for each purpose (lib/library/payment-context.ts). */
export const PaymentContextMessageSchema = z.object({
  type: z.literal('payment-context'),
  exclude: z.nullable(z.string().check(z.minLength(1), z.maxLength(20))),
});

export const PurposeFiguresSchema = z.object({
  purpose: z.enum(PAYMENT_PURPOSES.map((p) => p.purpose) as [PaymentPurpose, ...PaymentPurpose[]]),
  /** Saved cases (other than the one being read) with a payment for this purpose. */
  cases: z.int().check(z.nonnegative()),
  /** Pounds; null when there are too few cases to say anything (MIN_CASES_TO_COMPARE). */
  min: z.nullable(z.number().check(z.nonnegative())),
  median: z.nullable(z.number().check(z.nonnegative())),
  max: z.nullable(z.number().check(z.nonnegative())),
});
export type PurposeFigures = z.infer<typeof PurposeFiguresSchema>;

export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  SaveCaseMessageSchema,
  RemoveCaseMessageSchema,
  CaseStatusMessageSchema,
  UpdateNotesMessageSchema,
  SavedAmongMessageSchema,
  PaymentContextMessageSchema,
  CorrectCaseMessageSchema,
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
  savedAt: z.nullable(z.string()),
  tags: z.array(z.string()),
  note: z.string(),
  /** The saved case's corrections, for the sidebar to show what the person corrected. */
  corrections: z.optional(CorrectionsSchema),
});
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    status: z.optional(CaseStatusSchema),
    saved: z.optional(z.array(z.string())),
    payments: z.optional(z.array(PurposeFiguresSchema)),
  }),
  z.object({ ok: z.literal(false), error: ErrorCodeSchema, message: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export function errorReply(error: ErrorCode, message: string): Reply {
  return { ok: false, error, message };
}
