/**
 * What `CaseStore`'s callers hand it (a page's decision to save, tags and a note, references),
 * checked at the store's door: the background validates messages too, but the store is called by
 * the popup and the library page as well, and trusts none of them. Each check throws its refusal
 * in words (`LibraryError`), which the store turns into its result.
 */
import * as z from 'zod/mini';
import { DecisionSummarySchema, PageAddressSchema, type DecisionSummary } from '../schema';
import { MAX_NOTE_CHARS, MAX_TAGS, MAX_TEXT_CHARS, TagSchema } from '../messages';
import { ENGLISH, describeIssues, firstIssues, refuseOversize } from './record-checks';
import { LibraryError } from './storage-errors';
import { TagsSchema } from './case-rows';

export interface SaveInput {
  summary: DecisionSummary;
  text: string;
  url: string;
  tags?: string[];
  note?: string;
}

const SaveInputSchema = z.object({
  summary: DecisionSummarySchema,
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_CHARS)),
  url: PageAddressSchema,
  tags: z._default(z.array(TagSchema).check(z.maxLength(MAX_TAGS)), []),
  note: z._default(z.string().check(z.maxLength(MAX_NOTE_CHARS)), ''),
});

const ReferenceSchema = z.string().check(z.minLength(1), z.maxLength(20));

/** A decision to save, its sizes first (a 5 MB title is refused without reading it item by item). */
export function checkSaveInput(input: SaveInput, what: string): z.infer<typeof SaveInputSchema> {
  refuseOversize(what, input ?? {}, input?.text?.length ?? 0);
  const parsed = SaveInputSchema.safeParse(input, ENGLISH);
  if (!parsed.success)
    throw new LibraryError('invalid-message', `${what}: the decision's data is not valid (${firstIssues(parsed.error)}).`);
  return parsed.data;
}

/** A case's new tags and note; the tags as checked. */
export function checkNotesInput(tags: string[], note: string, what: string): string[] {
  refuseOversize(what, { tags, note });
  const parsedTags = TagsSchema.safeParse(tags, ENGLISH);
  if (!parsedTags.success) throw new LibraryError('invalid-message', `${what}: ${describeIssues(parsedTags.error, 'tags').join('; ')}.`);
  if (typeof note !== 'string') throw new LibraryError('invalid-message', `${what}: the note is not text.`);
  return parsedTags.data;
}

/** References asked about (the "Saved" marks of a listing page). */
export function checkReferences(references: string[]): string[] {
  const parsed = z.array(ReferenceSchema).safeParse(references, ENGLISH);
  if (!parsed.success) throw new LibraryError('invalid-message', `The references are not valid (${firstIssues(parsed.error)}).`);
  return parsed.data;
}
