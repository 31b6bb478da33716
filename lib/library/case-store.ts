/**
 * The one data-access module of the library: everything that reads or writes
 * its tables goes through `CaseStore`. A saved case is three rows under one
 * reference: its entry (`cases`, what the list shows and filters on), its full
 * summary (`summaries`) and its gzip text (`texts`); they are written and
 * deleted together in one transaction.
 *
 * Promises kept here (issue 6, "the library against faults"):
 * - every write is validated with Zod before it is written, and runs in one
 *   Dexie read-write transaction: it completes or changes nothing;
 * - every record read back is validated too: a damaged record is reported and
 *   skipped, never thrown;
 * - no public method throws: failures come back as `StoreResult` errors with a
 *   message a person can act on ("storage-full" says what was not saved).
 *
 * IndexedDB commits a transaction as soon as it has no pending request when
 * control returns to the event loop, so nothing that awaits non-IndexedDB work
 * (gzip, parsing) runs inside a transaction: that work is done before it opens.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { LensDatabase } from './database';
import {
  AnyBackupSchema,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  CaseEntrySchema,
  CaseIndexFieldsSchema,
  SavedCaseSchema,
  StoredCaseSchema,
  TextRowSchema,
  cardOf,
  relatedKeyOf,
  statuteKey,
  type Backup,
  type BackupCase,
  type CaseCard,
  type CaseEntry,
  type SavedCase,
  type StoredCase,
  type SummaryRow,
  type TextRow,
} from './saved-case';
import { gunzipText, gzipText } from './text-codec';
import { DecisionSummarySchema, PARSER_VERSION, type DecisionSummary, type ParseResult } from '../schema';
import { MAX_NOTE_CHARS, MAX_TAGS, MAX_TEXT_CHARS, TagSchema, type CaseStatus, type ErrorCode } from '../messages';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: ErrorCode; message: string };

export interface SaveInput {
  summary: DecisionSummary;
  text: string;
  url: string;
  tags?: string[];
  note?: string;
}

export type ImportReport = { ok: true; added: number; merged: number } | { ok: false; message: string; problems: string[] };

export type CaseIndexFields = z.infer<typeof CaseIndexFieldsSchema>;

export interface CaseList {
  cases: CaseEntry[];
  corrupted: { reference: string; problem: string }[];
  /** Set when the library could not be read at all (the lists are then empty). */
  error?: string;
}

/** The copies of summary fields that IndexedDB indexes and the popup filters on: computed here only. */
export function indexFields(summary: DecisionSummary): CaseIndexFields {
  return {
    relatedKey: relatedKeyOf(summary.reference),
    authority: summary.authority,
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
export function derivedFields(summary: DecisionSummary): CaseIndexFields & { card: CaseCard } {
  return { ...indexFields(summary), card: cardOf(summary) };
}

/** Tags of both sides, existing ones first, each once. */
export function unionTags(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}

/**
 * Both notes, without repeating what is already there: paragraphs (split on a
 * blank line) of the added note that the existing note already has are dropped,
 * so importing the same backup twice, or saving with the same note again, does
 * not grow the note.
 */
export function joinNotes(existing: string, added: string): string {
  if (!added.trim()) return existing;
  if (!existing.trim()) return added;
  const have = new Set(existing.split('\n\n'));
  const fresh = added.split('\n\n').filter((p) => !have.has(p));
  return fresh.length === 0 ? existing : `${existing}\n\n${fresh.join('\n\n')}`;
}

/** Semantic-version order ("1.10.0" > "1.9.0"); any non-numeric part falls back to text order. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * One case from two sources (import, or a backup listing a case twice): the
 * summary, text and address of the newer parser (at equal versions, of the later
 * update; at equal times, the one already saved), both sides' tags and notes,
 * the first savedAt.
 */
export function mergeCases(existing: StoredCase, incoming: StoredCase): StoredCase {
  const byVersion = compareVersions(incoming.parserVersion, existing.parserVersion);
  const incomingWins = byVersion > 0 || (byVersion === 0 && incoming.updatedAt > existing.updatedAt);
  const base = incomingWins ? incoming : existing;
  return {
    ...base,
    tags: unionTags(existing.tags, incoming.tags),
    note: joinNotes(existing.note, incoming.note),
    savedAt: existing.savedAt <= incoming.savedAt ? existing.savedAt : incoming.savedAt,
    updatedAt: existing.updatedAt >= incoming.updatedAt ? existing.updatedAt : incoming.updatedAt,
  };
}

/**
 * English messages for the issues a person reads (an import refusal). Passed
 * per parse rather than set globally: zod/mini ships without a locale, and the
 * content script has no use for one.
 */
const ENGLISH = { error: en().localeError };

/** "cases[3].summary.reference: Invalid string" — where the problem is, in the file's own terms. */
export function describeIssues(error: z.core.$ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    let path = prefix;
    for (const key of issue.path) {
      path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
    }
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** A failure raised inside a transaction: aborts it, and becomes the result's error. */
class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The names of an error and of everything it wraps (Dexie keeps the DOM error as `inner`; bulk errors list `failures`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  names.push(...errorNames(e.inner, depth + 1), ...errorNames(e.cause, depth + 1));
  if (Array.isArray(e.failures)) for (const f of e.failures) names.push(...errorNames(f, depth + 1));
  return names;
}

export function isQuotaError(error: unknown): boolean {
  // NS_ERROR_DOM_QUOTA_REACHED: older Firefox's name for the same condition.
  return errorNames(error).some((n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED');
}

const UNCHANGED = 'Nothing already saved was changed.';

function failure(error: unknown, what: string): { ok: false; error: ErrorCode; message: string } {
  if (error instanceof StoreError) return { ok: false, error: error.code, message: error.message };
  if (isQuotaError(error)) {
    return {
      ok: false,
      error: 'storage-full',
      message: `${what}: the browser's storage for extensions is full. ${UNCHANGED} Free space or export and delete old cases.`,
    };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
  return { ok: false, error: 'storage-failed', message: `${what}: the browser's storage failed (${detail}). ${UNCHANGED}` };
}

function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

const ReferenceSchema = z.string().check(z.minLength(1), z.maxLength(20));
const TagsSchema = z.array(TagSchema);

const SaveInputSchema = z.object({
  summary: DecisionSummarySchema,
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_CHARS)),
  url: z.string().check(z.maxLength(2000)),
  tags: z._default(z.array(TagSchema).check(z.maxLength(MAX_TAGS)), []),
  note: z._default(z.string().check(z.maxLength(MAX_NOTE_CHARS)), ''),
});

/** The tags and note an editor started from, so a concurrent edit in another tab is merged, not overwritten. */
export interface NotesBase {
  tags: string[];
  note: string;
}

/** Limits a user can reach by accident are reported as `too-large`, in words. */
function sizeProblem(what: string, tags: number, note: number, text = 0): StoreError | null {
  if (text > MAX_TEXT_CHARS) return new StoreError('too-large', `${what}: the decision text is ${text} characters, more than ${MAX_TEXT_CHARS}.`);
  if (tags > MAX_TAGS) return new StoreError('too-large', `${what}: a case can have at most ${MAX_TAGS} tags; this one would have ${tags}.`);
  if (note > MAX_NOTE_CHARS) return new StoreError('too-large', `${what}: a note can have at most ${MAX_NOTE_CHARS} characters; this one would have ${note}.`);
  return null;
}

function invalid(what: string, error: z.core.$ZodError, prefix = ''): StoreError {
  return new StoreError('invalid-message', `${what}: the case is not valid (${describeIssues(error, prefix).slice(0, 3).join('; ')}).`);
}

/**
 * The last check before a case (`StoredCaseSchema`) or an entry alone
 * (`CaseEntrySchema`, an edit of tags and note) is written: what fails it is never written.
 */
function checkRecord<T extends CaseEntry>(schema: z.ZodMiniType<T>, record: T, what: string): T {
  const size = sizeProblem(what, record?.tags?.length ?? 0, record?.note?.length ?? 0);
  if (size) throw size;
  const parsed = schema.safeParse(record, ENGLISH);
  if (!parsed.success) throw invalid(what, parsed.error);
  return parsed.data;
}

/**
 * A case put together from its three rows as read, validated once; null when the
 * entry is missing or any part is missing or damaged.
 */
function storedOf(entry: unknown, summary: unknown, text: unknown): StoredCase | null {
  if (entry === undefined) return null;
  const parsed = StoredCaseSchema.safeParse({
    ...(entry as object),
    summary: (summary as Partial<SummaryRow> | undefined)?.summary,
    textGzip: (text as Partial<TextRow> | undefined)?.textGzip,
  });
  return parsed.success ? parsed.data : null;
}

/** The three rows of a checked case. */
function rowsOf(record: StoredCase): { entry: CaseEntry; summary: SummaryRow; text: TextRow } {
  const { summary, textGzip, ...entry } = record;
  return { entry, summary: { reference: record.reference, summary }, text: { reference: record.reference, textGzip } };
}

/** What can still be read from a record that may be damaged: the user's own words come first. */
function salvage(raw: unknown): { savedAt: string | null; tags: string[]; note: string } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const tags = TagsSchema.check(z.maxLength(MAX_TAGS)).safeParse(r.tags);
  return {
    savedAt: typeof r.savedAt === 'string' ? r.savedAt : null,
    tags: tags.success ? tags.data : [],
    note: typeof r.note === 'string' && r.note.length <= MAX_NOTE_CHARS ? r.note : '',
  };
}

function referenceOf(raw: unknown): string {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).reference : undefined;
  return typeof r === 'string' ? r : '(no reference)';
}

/**
 * A three-way merge of tags and note: `base` is what the editor started from,
 * `mine` what it sends, `theirs` what is stored now (perhaps changed by another
 * tab meanwhile). Tags added or removed on either side are applied; a note
 * changed on one side only takes that change; a note changed on both keeps both.
 */
export function mergeNotes(base: NotesBase, mine: NotesBase, theirs: NotesBase): NotesBase {
  const added = mine.tags.filter((t) => !base.tags.includes(t));
  const removed = new Set(base.tags.filter((t) => !mine.tags.includes(t)));
  const tags = unionTags(theirs.tags.filter((t) => !removed.has(t)), added);
  let note: string;
  if (theirs.note === base.note || theirs.note === mine.note) note = mine.note;
  else if (mine.note === base.note) note = theirs.note;
  else note = joinNotes(theirs.note, mine.note);
  return { tags, note };
}

export class CaseStore {
  constructor(
    private readonly db: LensDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get tables() {
    return [this.db.cases, this.db.summaries, this.db.texts];
  }

  private async putCases(records: StoredCase[]): Promise<void> {
    const rows = records.map(rowsOf);
    await this.db.cases.bulkPut(rows.map((r) => r.entry));
    await this.db.summaries.bulkPut(rows.map((r) => r.summary));
    await this.db.texts.bulkPut(rows.map((r) => r.text));
  }

  /** Saves a decision, or updates the saved copy: one case per reference, the user's tags and note kept. */
  async save(input: SaveInput): Promise<StoreResult<SavedCase>> {
    const what = 'Not saved';
    try {
      const size = sizeProblem(what, input?.tags?.length ?? 0, input?.note?.length ?? 0, input?.text?.length ?? 0);
      if (size) throw size;
      const parsed = SaveInputSchema.safeParse(input, ENGLISH);
      if (!parsed.success) {
        throw new StoreError('invalid-message', `${what}: the decision's data is not valid (${describeIssues(parsed.error).slice(0, 3).join('; ')}).`);
      }
      const { summary, text, url, tags, note } = parsed.data;
      const textGzip = await gzipText(text);
      const now = this.now().toISOString();
      const record = await this.db.transaction('rw', this.tables, async () => {
        const raw = await this.db.cases.get(summary.reference);
        const old = raw === undefined ? null : salvage(raw);
        const next = checkRecord(
          StoredCaseSchema,
          {
            ...derivedFields(summary),
            reference: summary.reference,
            url,
            savedAt: old?.savedAt ?? now,
            updatedAt: now,
            parserVersion: summary.parserVersion,
            summary,
            textGzip,
            textLength: text.length,
            tags: unionTags(old?.tags ?? [], tags),
            note: joinNotes(old?.note ?? '', note),
            reparseError: null,
          },
          what,
        );
        await this.putCases([next]);
        return next;
      });
      const { textGzip: _text, ...saved } = record;
      return ok(saved);
    } catch (error) {
      return failure(error, what);
    }
  }

  /**
   * Deletes a case and returns everything that was kept about it, text
   * included, so the caller can offer undo (`restore`). Null when it was not
   * saved or was damaged.
   */
  async remove(reference: string): Promise<StoreResult<StoredCase | null>> {
    try {
      const removed = await this.db.transaction('rw', this.tables, async () => {
        const [entry, summary, text] = await Promise.all([this.db.cases.get(reference), this.db.summaries.get(reference), this.db.texts.get(reference)]);
        await Promise.all([this.db.cases.delete(reference), this.db.summaries.delete(reference), this.db.texts.delete(reference)]);
        return storedOf(entry, summary, text);
      });
      return ok(removed);
    } catch (error) {
      return failure(error, 'Not deleted');
    }
  }

  /** Undo of `remove`: puts the case back exactly as it was. */
  async restore(record: StoredCase): Promise<StoreResult<void>> {
    const what = 'Not restored';
    try {
      const checked = checkRecord(StoredCaseSchema, record, what);
      await this.db.transaction('rw', this.tables, async () => {
        await this.putCases([checked]);
      });
      return ok(undefined);
    } catch (error) {
      return failure(error, what);
    }
  }

  /** What the sidebar shows for a decision. A damaged record still counts as saved, with whatever tags and note survive. */
  async status(reference: string): Promise<StoreResult<CaseStatus>> {
    try {
      const raw = await this.db.cases.get(reference);
      if (raw === undefined) return ok({ saved: false, savedAt: null, tags: [], note: '' });
      return ok({ saved: true, ...salvage(raw) });
    } catch (error) {
      return failure(error, 'The saved state could not be read');
    }
  }

  /**
   * Sets a case's tags and note. With `base` (what the editor started from),
   * changes made meanwhile in another tab are merged rather than overwritten
   * (`mergeNotes`). The read and the write share one read-write transaction,
   * which IndexedDB runs alone on the table: another tab's save or edit lands
   * wholly before or wholly after, never between.
   */
  async updateNotes(reference: string, tags: string[], note: string, base?: NotesBase): Promise<StoreResult<CaseEntry>> {
    const what = 'Tags and note not saved';
    try {
      const size = sizeProblem(what, tags?.length ?? 0, note?.length ?? 0);
      if (size) throw size;
      const parsedTags = TagsSchema.safeParse(tags, ENGLISH);
      if (!parsedTags.success) throw new StoreError('invalid-message', `${what}: ${describeIssues(parsedTags.error, 'tags').join('; ')}.`);
      if (typeof note !== 'string') throw new StoreError('invalid-message', `${what}: the note is not text.`);
      const now = this.now().toISOString();
      const record = await this.db.transaction('rw', this.db.cases, async () => {
        const raw = await this.db.cases.get(reference);
        if (raw === undefined) throw new StoreError('not-found', `${what}: this case is no longer in the library (it may have been deleted in another tab).`);
        const current = CaseEntrySchema.safeParse(raw);
        if (!current.success) {
          throw new StoreError('storage-failed', `${what}: the saved copy of this case is damaged. Save the decision again from its page to repair it.`);
        }
        const mine = { tags: unionTags([], parsedTags.data), note };
        const merged = base ? mergeNotes(base, mine, current.data) : mine;
        const next = checkRecord(CaseEntrySchema, { ...current.data, ...merged, updatedAt: now }, what);
        await this.db.cases.put(next);
        return next;
      });
      return ok(record);
    } catch (error) {
      return failure(error, what);
    }
  }

  /** Which of these references are saved (the "Saved" marks on listing pages), in the order asked. */
  async savedAmong(references: string[]): Promise<StoreResult<string[]>> {
    try {
      const parsed = z.array(ReferenceSchema).safeParse(references, ENGLISH);
      if (!parsed.success) throw new StoreError('invalid-message', `The references are not valid (${describeIssues(parsed.error).slice(0, 3).join('; ')}).`);
      const unique = [...new Set(parsed.data)];
      if (unique.length === 0) return ok([]);
      const found = new Set(await this.db.cases.where(':id').anyOf(unique).primaryKeys());
      return ok(unique.filter((r) => found.has(r)));
    } catch (error) {
      return failure(error, 'The saved marks could not be read');
    }
  }

  /**
   * The first `limit` entries in a sort order, read through its index, and how
   * many cases there are: enough to draw the top of the list before the whole
   * library has been read. Damaged entries are skipped (the full list reports them).
   */
  async firstPage(key: 'decisionDate' | 'savedAt' | 'totalPayments', dir: 'asc' | 'desc', limit: number): Promise<{ cases: CaseEntry[]; total: number }> {
    try {
      return await this.db.transaction('r', this.db.cases, async () => {
        // Unknown decision dates ('') sort last in both directions, as `sortCases` does.
        const range = key === 'decisionDate' ? this.db.cases.where(key).above('') : this.db.cases.orderBy(key);
        const ordered = dir === 'desc' ? range.reverse() : range;
        const [rows, total] = await Promise.all([ordered.limit(limit).toArray(), this.db.cases.count()]);
        const cases = (rows as unknown[]).flatMap((raw) => {
          const parsed = CaseEntrySchema.safeParse(raw);
          return parsed.success ? [parsed.data] : [];
        });
        return { cases, total };
      });
    } catch {
      return { cases: [], total: 0 };
    }
  }

  /** Every valid entry, in reference order; damaged records listed apart. Reads no summary and no text. */
  async list(): Promise<CaseList> {
    try {
      const rows: unknown[] = await this.db.cases.toArray();
      const cases: CaseEntry[] = [];
      const corrupted: CaseList['corrupted'] = [];
      for (const raw of rows) {
        const parsed = CaseEntrySchema.safeParse(raw, ENGLISH);
        if (parsed.success) cases.push(parsed.data);
        else corrupted.push({ reference: referenceOf(raw), problem: describeIssues(parsed.error).slice(0, 3).join('; ') });
      }
      return { cases, corrupted };
    } catch (error) {
      return { cases: [], corrupted: [], error: failure(error, 'The library could not be read').message };
    }
  }

  /**
   * The full saved cases (entry and summary) for these references, in the
   * order asked; every case when none are given. A missing or damaged one is
   * listed in `corrupted` instead.
   */
  async full(references?: readonly string[]): Promise<{ cases: SavedCase[]; corrupted: CaseList['corrupted']; error?: string }> {
    try {
      return await this.db.transaction('r', [this.db.cases, this.db.summaries], async () => {
        const keys = references ? [...references] : ((await this.db.cases.toCollection().primaryKeys()) as string[]);
        const [entries, summaries] = await Promise.all([this.db.cases.bulkGet(keys), this.db.summaries.bulkGet(keys)]);
        const cases: SavedCase[] = [];
        const corrupted: CaseList['corrupted'] = [];
        keys.forEach((reference, i) => {
          const entry: unknown = entries[i];
          if (entry === undefined) return; // deleted meanwhile
          const parsed = SavedCaseSchema.safeParse({ ...(entry as object), summary: summaries[i]?.summary }, ENGLISH);
          if (parsed.success) cases.push(parsed.data);
          else corrupted.push({ reference, problem: describeIssues(parsed.error).slice(0, 3).join('; ') });
        });
        return { cases, corrupted };
      });
    } catch (error) {
      return { cases: [], corrupted: [], error: failure(error, 'The saved cases could not be read').message };
    }
  }

  /** The stored decision text, verbatim; '' when there is none or it cannot be decoded (a damaged record). */
  async text(reference: string): Promise<string> {
    try {
      const row = TextRowSchema.safeParse(await this.db.texts.get(reference));
      return row.success ? await gunzipText(row.data.textGzip) : '';
    } catch {
      return '';
    }
  }

  /**
   * A JSON backup of every case (or of the given references), texts as plain
   * text. A case whose summary or stored text cannot be read is left out: the
   * backup must pass its own import.
   */
  async exportBackup(references?: readonly string[]): Promise<Backup> {
    const { cases } = await this.full(references);
    const out: BackupCase[] = [];
    for (const record of cases) {
      const text = await this.text(record.reference);
      if (!text) continue;
      const { card: _derived, ...rest } = record;
      out.push({ ...rest, text });
    }
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: this.now().toISOString(), parserVersion: PARSER_VERSION, cases: out };
  }

  /**
   * Imports a JSON backup (the parsed file, or its text). The whole file is
   * checked first; a file with any problem is refused with the problems and
   * where they are, and nothing is written. Then one transaction adds new
   * cases and merges existing ones (`mergeCases`).
   */
  async importBackup(json: unknown): Promise<ImportReport> {
    const refuse = (message: string, problems: string[]): ImportReport => ({ ok: false, message, problems });
    try {
      const checked = checkBackup(json);
      if (!checked.ok) return refuse(checked.message, checked.problems);

      // Gzip before the transaction opens (see the note at the top).
      const now = this.now().toISOString();
      const incoming = new Map<string, { index: number; record: StoredCase }>();
      for (const [index, c] of checked.backup.cases.entries()) {
        const { text, ...rest } = c;
        const record: StoredCase = { ...rest, ...derivedFields(c.summary), textGzip: await gzipText(text), textLength: text.length, updatedAt: c.updatedAt || now };
        const earlier = incoming.get(c.reference);
        incoming.set(c.reference, { index, record: earlier ? mergeCases(earlier.record, record) : record });
      }

      const what = 'Not imported';
      const counts = await this.db.transaction('rw', this.tables, async () => {
        const references = [...incoming.keys()];
        const [entries, summaries, texts] = await Promise.all([
          this.db.cases.bulkGet(references),
          this.db.summaries.bulkGet(references),
          this.db.texts.bulkGet(references),
        ]);
        const writes: StoredCase[] = [];
        const problems: string[] = [];
        let added = 0;
        let merged = 0;
        references.forEach((reference, i) => {
          const { index, record } = incoming.get(reference)!;
          const raw: unknown = entries[i];
          let next = record;
          if (raw === undefined) added++;
          else {
            merged++;
            const current = storedOf(raw, summaries[i], texts[i]);
            // A damaged saved case gives way to the backup's, keeping what survives of its tags and note.
            const kept = salvage(raw);
            next = current
              ? mergeCases(current, record)
              : mergeCases({ ...record, tags: kept.tags, note: kept.note, savedAt: kept.savedAt ?? record.savedAt }, record);
          }
          try {
            writes.push(checkRecord(StoredCaseSchema, next, what));
          } catch (error) {
            problems.push(`cases[${index}]: ${error instanceof Error ? error.message.replace(`${what}: `, '') : String(error)}`);
          }
        });
        if (problems.length > 0) throw new ImportRefused(problems);
        await this.putCases(writes);
        return { added, merged };
      });
      return { ok: true, ...counts };
    } catch (error) {
      if (error instanceof ImportRefused) return refuse(refusal(error.problems), error.problems);
      const f = failure(error, 'Not imported');
      return refuse(f.message, []);
    }
  }

  /**
   * After a parser update: re-parses every case whose summary came from
   * another parser version, from its stored text. Tags, note and savedAt are
   * kept. A case whose re-parse fails keeps its old summary and says why in
   * `reparseError`; it is tried again on the next run.
   */
  async reparseAll(parse: (text: string, url: string) => ParseResult, parserVersion: string): Promise<{ reparsed: number; failed: string[] }> {
    const { cases } = await this.list();
    const stale = cases.filter((c) => c.parserVersion !== parserVersion);
    if (stale.length === 0) return { reparsed: 0, failed: [] };

    // Parse outside the transaction; write the outcomes in one transaction below.
    const outcomes = new Map<string, { summary: DecisionSummary } | { error: string }>();
    for (const record of stale) {
      const text = await this.text(record.reference);
      let outcome: { summary: DecisionSummary } | { error: string };
      if (!text) outcome = { error: 'The stored text of this decision could not be read.' };
      else {
        let result: ParseResult;
        try {
          result = parse(text, record.url);
        } catch (error) {
          result = { ok: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
        }
        if (!result.ok) outcome = { error: result.message };
        else if (result.summary.reference !== record.reference) outcome = { error: `Re-parsing gave reference ${result.summary.reference}, not ${record.reference}.` };
        else outcome = { summary: result.summary };
      }
      outcomes.set(record.reference, outcome);
    }

    const now = this.now().toISOString();
    try {
      return await this.db.transaction('rw', [this.db.cases, this.db.summaries], async () => {
        let reparsed = 0;
        const failed: string[] = [];
        const entries: CaseEntry[] = [];
        const summaries: { reference: string; summary: DecisionSummary }[] = [];
        // Re-read: tags and notes may have been edited in another tab while parsing ran.
        const references = [...outcomes.keys()];
        const rows = await this.db.cases.bulkGet(references);
        references.forEach((reference, i) => {
          const current = CaseEntrySchema.safeParse(rows[i]);
          if (!current.success || current.data.parserVersion === parserVersion) return; // deleted, damaged or done meanwhile
          const outcome = outcomes.get(reference)!;
          let error = 'error' in outcome ? outcome.error : '';
          if ('summary' in outcome) {
            try {
              const { summary } = outcome;
              const parsedSummary = DecisionSummarySchema.safeParse(summary, ENGLISH);
              if (!parsedSummary.success) throw invalid(`Re-parse of ${reference} not saved`, parsedSummary.error, 'summary');
              entries.push(
                checkRecord(
                  CaseEntrySchema,
                  { ...current.data, ...derivedFields(summary), parserVersion, reparseError: null, updatedAt: now },
                  `Re-parse of ${reference} not saved`,
                ),
              );
              summaries.push({ reference, summary: parsedSummary.data });
              reparsed++;
              return;
            } catch (e) {
              error = e instanceof Error ? e.message : String(e);
            }
          }
          failed.push(reference);
          const message = `Parser ${parserVersion} could not read the stored text, so the summary from parser ${current.data.parserVersion} is kept: ${error}`;
          entries.push({ ...current.data, reparseError: message.slice(0, 1000) });
        });
        await this.db.cases.bulkPut(entries);
        await this.db.summaries.bulkPut(summaries);
        return { reparsed, failed };
      });
    } catch {
      // Storage failed: nothing was written, every case keeps its summary and is tried again next time.
      return { reparsed: 0, failed: [...outcomes.keys()] };
    }
  }
}

class ImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super('import refused');
  }
}

function refusal(problems: string[]): string {
  const n = problems.length;
  const more = n > 1 ? ` (and ${n - 1} more problem${n > 2 ? 's' : ''})` : '';
  return `The backup was not imported, and nothing was changed: ${problems[0]}${more}.`;
}

const MAX_PROBLEMS = 100;

/** Checks a whole backup file before anything is written; says what is wrong and where. */
export function checkBackup(json: unknown): { ok: true; backup: Backup } | { ok: false; message: string; problems: string[] } {
  const no = (message: string, problems: string[]) => ({ ok: false as const, message, problems: problems.slice(0, MAX_PROBLEMS) });
  let data = json;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return no(`This file is not an Ombudsman Lens backup: it is not JSON (${why}). Nothing was changed.`, [why]);
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    const kind = Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`;
    return no(`This file is not an Ombudsman Lens backup: it holds ${kind}, not a backup object. Nothing was changed.`, [`(file): expected an object, found ${kind}`]);
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return no(
      `This file is not an Ombudsman Lens backup: its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${BACKUP_FORMAT}". Nothing was changed.`,
      [`format: expected "${BACKUP_FORMAT}"`],
    );
  }
  const known = AnyBackupSchema.def.options.flatMap((o) => [...o.shape.version._zod.values] as number[]);
  if (typeof version !== 'number' || !known.includes(version)) {
    const newer = typeof version === 'number' && version > Math.max(...known);
    return no(
      `This backup's version is ${JSON.stringify(version) ?? 'missing'}; this extension reads backup version${known.length > 1 ? 's' : ''} ${known.join(', ')}.${newer ? ' It was made by a newer version of the extension: update the extension, then import it.' : ''} Nothing was changed.`,
      [`version: expected one of ${known.join(', ')}`],
    );
  }
  const parsed = AnyBackupSchema.safeParse(data, ENGLISH);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    return no(refusal(problems), problems);
  }
  const mismatched = parsed.data.cases.flatMap((c, i) =>
    c.reference === c.summary.reference ? [] : [`cases[${i}].reference: "${c.reference}" does not match summary.reference "${c.summary.reference}"`],
  );
  if (mismatched.length > 0) return no(refusal(mismatched), mismatched);
  return { ok: true, backup: parsed.data };
}
