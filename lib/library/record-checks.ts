/**
 * The checks every case passes before it is written, however it comes: a save
 * from a page, an import from a file, an undo, a re-parse. One function,
 * `checkCase`, so a backup is trusted exactly as much as a save, and no more.
 *
 * - Shape: the record schemas (`StoredCaseSchema`), whose addresses are pinned
 *   (`PageAddressSchema`: a saved page is on lgo.org.uk), and dates that are days
 *   of the calendar (`isCalendarDate`: checked here, not in the summary's schema,
 *   which the content script carries and whose parser makes only real days).
 * - Size: every text field and list of the summary has a limit (`TEXT_LIMITS`,
 *   `LIST_LIMITS`, defaults for the rest), and the whole summary one more. The
 *   limits are about ten times the largest found in the seeds and the 80 real
 *   decisions of the corpus (measured: longest sentence 837 characters, summary
 *   1,273, title 64, 8 statutes, 7 faults, whole summary 11,447 characters as JSON).
 * - Time: a decision is dated from 1974 (the Local Government Act 1974 set up the
 *   Ombudsman) to a year after today; saved and updated times are real times, no
 *   more than a year after today. "Today" is this computer's clock, but never
 *   earlier than `RELEASED`, so a clock reset to 1970 (a flat battery) does not
 *   refuse every save.
 * - Derived figures are recomputed, whatever the record says: the summary's
 *   `totalPayments` from its remedies, the entry's index fields and card from
 *   the summary, its `parserVersion` from the summary's.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { totalPayments } from '../parser/extractors/extract-remedies';
import { DecisionSummarySchema, PageAddressSchema, type DecisionSummary } from '../schema';
import { MAX_NOTE_CHARS, MAX_TAGS, MAX_TEXT_CHARS, type ErrorCode } from '../messages';
import { LibraryError } from './storage-errors';
import { CorrectionsSchema, applyCorrections, type Correction } from './corrections';
import { StoredCaseSchema, cardOf, isCalendarDate, relatedKeyOf, statuteKey, type CaseCard, type StoredCase } from './saved-case';

/** English messages for the issues a person reads; passed per parse (zod/mini ships without a locale). */
export const ENGLISH = { error: en().localeError };

/** "cases[3].summary.reference: Invalid string" — where the problem is, in the record's own terms. */
export function describeIssues(error: z.core.$ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    let path = prefix;
    for (const key of issue.path) {
      path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
    }
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** The first three issues in one line: as much as a message a person reads should hold. */
export function firstIssues(error: z.core.$ZodError): string {
  return describeIssues(error).slice(0, 3).join('; ');
}

/** Characters allowed in a summary's text field, by the field's name; `DEFAULT_TEXT_LIMIT` for any other. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  parserVersion: 50,
  title: 500,
  authority: 300,
  complainant: 200,
  area: 200,
  topic: 200,
  label: 200,
  act: 300,
  section: 50,
  subsection: 50,
  payee: 300,
  purpose: 1_000,
  warnings: 1_000,
};
/** Sentences (a fault, a remedy, evidence), the summary, headings, and any field added later. */
export const DEFAULT_TEXT_LIMIT = 10_000;

/** Items allowed in a summary's list, by the list's name; `DEFAULT_LIST_LIMIT` for any other. */
export const LIST_LIMITS: Readonly<Record<string, number>> = {
  complaints: 200,
  faults: 500,
  remedies: 500,
  statutes: 500,
  guidance: 200,
  regulators: 50,
  warnings: 100,
  evidence: 200,
};
/** Paragraph lists and any list added later. */
export const DEFAULT_LIST_LIMIT = 1_000;

/** The whole summary as JSON: 40 times the largest real one. */
export const MAX_SUMMARY_CHARS = 500_000;
/**
 * A case's corrections as JSON. They live on the entry, which the list reads for every case, so
 * they are held far below the summary's limit: 200 corrections of a long sentence each fit.
 */
export const MAX_CORRECTIONS_CHARS = 200_000;

/** Every field or list over its limit, with its path; the walk stops early once it has a few. */
export function summarySizeProblems(summary: unknown, path = 'summary'): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, key: string, at: string): void => {
    if (problems.length >= 3) return;
    if (typeof value === 'string') {
      const limit = TEXT_LIMITS[key] ?? DEFAULT_TEXT_LIMIT;
      if (value.length > limit) problems.push(`${at}: ${value.length} characters, more than ${limit}`);
    } else if (Array.isArray(value)) {
      const limit = LIST_LIMITS[key] ?? DEFAULT_LIST_LIMIT;
      if (value.length > limit) problems.push(`${at}: ${value.length} items, more than ${limit}`);
      // Items are not read past the limit: 200,000 faults are refused without visiting each.
      else value.forEach((item, i) => walk(item, key, `${at}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, `${at}.${k}`);
    }
  };
  walk(summary, '', path);
  if (problems.length === 0 && summary && typeof summary === 'object') {
    const chars = JSON.stringify(summary).length;
    if (chars > MAX_SUMMARY_CHARS) problems.push(`${path}: ${chars} characters as JSON, more than ${MAX_SUMMARY_CHARS}`);
  }
  return problems;
}

/** The Local Government Act 1974 set up the Ombudsman: no decision is older. */
export const EARLIEST_DECISION_DATE = '1974-01-01';
/** This release's year: the earliest "today" can be (a computer whose clock says 1970 is wrong, not early). */
export const RELEASED = Date.UTC(2026, 0, 1);
const YEAR_MS = 366 * 86_400_000;

/** The latest date a record may hold: a year after today (see `RELEASED`), yyyy-mm-dd. */
export function latestDate(now: Date): string {
  return new Date(Math.max(now.getTime(), RELEASED) + YEAR_MS).toISOString().slice(0, 10);
}

function dateProblems(
  record: { savedAt: string; updatedAt: string; summary: DecisionSummary; corrections?: readonly Correction[] },
  now: Date,
): string[] {
  const latest = latestDate(now);
  const problems: string[] = [];
  for (const field of ['decisionDate', 'satisfiedDate'] as const) {
    const date = record.summary[field];
    if (date === null) continue;
    if (!isCalendarDate(date)) problems.push(`summary.${field}: Invalid date: not a day of the calendar (yyyy-mm-dd)`);
    else if (date < EARLIEST_DECISION_DATE)
      problems.push(`summary.${field}: ${date} is before ${EARLIEST_DECISION_DATE}, when the Ombudsman began`);
    else if (date > latest) problems.push(`summary.${field}: ${date} is later than ${latest}, a year from today`);
  }
  for (const field of ['savedAt', 'updatedAt'] as const) {
    if (record[field].slice(0, 10) > latest) problems.push(`${field}: ${record[field]} is later than ${latest}, a year from today`);
  }
  (record.corrections ?? []).forEach((c, i) => {
    if (!isCalendarDate(c.at.slice(0, 10))) problems.push(`corrections[${i}].at: Invalid time: not a day of the calendar`);
    else if (c.at.slice(0, 10) > latest) problems.push(`corrections[${i}].at: ${c.at} is later than ${latest}, a year from today`);
  });
  return problems;
}

/** The copies of summary fields that IndexedDB indexes and the popup filters on: computed here only. */
export function indexFields(summary: DecisionSummary) {
  return {
    relatedKey: relatedKeyOf(summary.reference),
    authority: summary.authority ?? '',
    outcomeKind: summary.outcome.kind,
    area: summary.category?.area ?? '',
    topic: summary.category?.topic ?? '',
    organisationKind: summary.organisationKind,
    // IndexedDB cannot index null: 0 and '' stand for "unknown".
    year: summary.decisionDate ? Number(summary.decisionDate.slice(0, 4)) : 0,
    decisionDate: summary.decisionDate ?? '',
    totalPayments: summary.totalPayments,
    // The law of the case only: every decision cites the Ombudsman's own powers.
    statuteKeys: [...new Set(summary.statutes.filter((s) => !s.jurisdiction).map(statuteKey))],
  };
}

/** Everything an entry copies out of its summary: the index fields and the list's card. */
export function derivedFields(summary: DecisionSummary): ReturnType<typeof indexFields> & { card: CaseCard } {
  return { ...indexFields(summary), card: cardOf(summary) };
}

/** The summary with its figures recomputed from its items. */
export function withDerivedFigures(summary: DecisionSummary): DecisionSummary {
  return { ...summary, totalPayments: totalPayments(summary.remedies) };
}

/** What a caller hands in: a case's own fields. Index fields, card and parserVersion are made here. */
export interface CaseDraft {
  reference: string;
  url: string;
  savedAt: string;
  updatedAt: string;
  summary: DecisionSummary;
  textGzip: Uint8Array;
  textLength: number;
  tags: string[];
  note: string;
  reparseError: string | null;
  /** The person's corrections; none when absent. */
  corrections?: Correction[];
}

/**
 * The limits a person can reach by accident (tags, note, a long text) and those
 * only a made-up record reaches (the summary's fields and lists), in words.
 * Checked before shapes: a 5 MB title or 200,000 faults are refused without being
 * validated item by item.
 */
export function sizeProblems(d: { tags?: unknown; note?: unknown; summary?: unknown }, textChars = 0): string[] {
  if (textChars > MAX_TEXT_CHARS) return [`the decision text is ${textChars} characters, more than ${MAX_TEXT_CHARS}`];
  const tags = Array.isArray(d?.tags) ? d.tags.length : 0;
  if (tags > MAX_TAGS) return [`a case can have at most ${MAX_TAGS} tags; this one would have ${tags}`];
  const note = typeof d?.note === 'string' ? d.note.length : 0;
  if (note > MAX_NOTE_CHARS) return [`a note can have at most ${MAX_NOTE_CHARS} characters; this one would have ${note}`];
  return summarySizeProblems(d?.summary);
}

const RecordWithoutSummarySchema = z.omit(StoredCaseSchema, { summary: true });

export type CaseCheck = { ok: true; record: StoredCase } | { ok: false; code: ErrorCode; problems: string[] };

/**
 * Every check a case passes before it is written, and the record to write. A
 * refusal says what is wrong and where (paths as in the record: `summary.title`),
 * with `too-large` for a limit a user can reach and `invalid-message` for the rest.
 * `textChars`, when known (a save or import has the text), is checked against the text limit.
 */
export function checkCase(draft: CaseDraft, now: Date, textChars = 0): CaseCheck {
  const d = (draft ?? {}) as Partial<CaseDraft>;
  const sizes = sizeProblems(d, textChars);
  if (sizes.length > 0) return { ok: false, code: 'too-large', problems: sizes };

  const invalid = (problems: string[]): CaseCheck => ({ ok: false, code: 'invalid-message', problems });
  const summary = DecisionSummarySchema.safeParse(d.summary, ENGLISH);
  if (!summary.success) return invalid(describeIssues(summary.error, 'summary'));
  const fixed = withDerivedFigures(summary.data);
  // The rest of the record without its summary: the summary, the largest part, is validated once, above.
  // The corrections are validated first: the index fields and card are made from the corrected summary.
  const corrections = CorrectionsSchema.safeParse(d.corrections ?? [], ENGLISH);
  if (!corrections.success) return invalid(describeIssues(corrections.error, 'corrections'));
  const correctionChars = JSON.stringify(corrections.data).length;
  if (correctionChars > MAX_CORRECTIONS_CHARS)
    return {
      ok: false,
      code: 'too-large',
      problems: [`corrections: ${correctionChars} characters as JSON, more than ${MAX_CORRECTIONS_CHARS}`],
    };
  const corrected = applyCorrections(fixed, corrections.data).summary;
  // A case without corrections has no field for them: its record is as it was before they existed.
  const { corrections: _given, ...rest } = d;
  const own = corrections.data.length > 0 ? { corrections: corrections.data } : {};
  const parsed = RecordWithoutSummarySchema.safeParse(
    { ...rest, ...own, ...derivedFields(corrected), parserVersion: fixed.parserVersion, textLength: d.textLength },
    ENGLISH,
  );
  if (!parsed.success) return invalid(describeIssues(parsed.error));
  const record: StoredCase = { ...parsed.data, summary: fixed };
  const problems: string[] = [];
  if (record.reference !== fixed.reference)
    problems.push(`reference: "${record.reference}" does not match summary.reference "${fixed.reference}"`);
  if (fixed.url !== null && !PageAddressSchema.safeParse(fixed.url).success)
    problems.push('summary.url: Invalid address: not a page on lgo.org.uk');
  problems.push(...dateProblems(record, now));
  return problems.length > 0 ? invalid(problems) : { ok: true, record };
}

/** A record that failed `checkCase`: why, in words, after `what` ("Not saved"). */
export function refused(what: string, check: { code: ErrorCode; problems: string[] }): LibraryError {
  const why = check.code === 'too-large' ? check.problems[0] : `the case is not valid (${check.problems.slice(0, 3).join('; ')})`;
  return new LibraryError(check.code, `${what}: ${why}.`);
}

/** `checkCase`, throwing the refusal (inside a transaction, the throw aborts it). */
export function admit(draft: CaseDraft, now: Date, what: string, textChars = 0): StoredCase {
  const check = checkCase(draft, now, textChars);
  if (!check.ok) throw refused(what, check);
  return check.record;
}

/** `sizeProblems`, throwing the refusal: the limits are checked before anything is validated item by item. */
export function refuseOversize(what: string, d: { tags?: unknown; note?: unknown; summary?: unknown }, textChars = 0): void {
  const size = sizeProblems(d, textChars);
  if (size.length > 0) throw refused(what, { code: 'too-large', problems: size });
}
