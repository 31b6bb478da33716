/**
 * Reading and writing the backup file's format, without storage: the whole-file
 * check (`checkBackup`, any version) and version 2's lines (a header, one line
 * per case, an end line; see `BackupHeaderSchema` in saved-case.ts). The
 * messages say what is wrong and where, in the file's own terms
 * ("cases[3].summary.reference: ..."), and that nothing was changed.
 */
import * as z from 'zod/mini';
import {
  AnyBackupSchema,
  BACKUP_FORMAT,
  BackupCaseSchema,
  BackupEndSchema,
  BackupHeaderSchema,
  BackupV2CaseSchema,
  type AnyBackup,
  type BackupHeader,
  type BackupV2Case,
} from './saved-case';
import { ENGLISH, describeIssues, sizeProblems } from './record-checks';

export const MAX_PROBLEMS = 100;

export type Refusal = { ok: false; message: string; problems: string[] };

export function refusal(problems: string[]): string {
  const n = problems.length;
  const more = n > 1 ? ` (and ${n - 1} more problem${n > 2 ? 's' : ''})` : '';
  return `The backup was not imported, and nothing was changed: ${problems[0]}${more}.`;
}

function no(message: string, problems: string[]): Refusal {
  return { ok: false, message, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** Every version `AnyBackupSchema` reads. */
export const KNOWN_VERSIONS: readonly number[] = AnyBackupSchema.def.options.flatMap((o) => [...o.shape.version._zod.values] as number[]);

/**
 * The file's first JSON value (a version 1 backup, or a version 2 header line):
 * is it our format, in a version this extension reads?
 */
export function checkFormat(data: unknown): { ok: true; version: number } | Refusal {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    const kind = Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`;
    return no(`This file is not an Ombudsman Lens backup: it holds ${kind}, not a backup object. Nothing was changed.`, [
      `(file): expected an object, found ${kind}`,
    ]);
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return no(
      `This file is not an Ombudsman Lens backup: its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${BACKUP_FORMAT}". Nothing was changed.`,
      [`format: expected "${BACKUP_FORMAT}"`],
    );
  }
  const known = KNOWN_VERSIONS;
  if (typeof version !== 'number' || !known.includes(version)) {
    const newer = typeof version === 'number' && version > Math.max(...known);
    return no(
      `This backup's version is ${JSON.stringify(version) ?? 'missing'}; this extension reads backup version${known.length > 1 ? 's' : ''} ${known.join(', ')}.${newer ? ' It was made by a newer version of the extension: update the extension, then import it.' : ''} Nothing was changed.`,
      [`version: expected one of ${known.join(', ')}`],
    );
  }
  return { ok: true, version };
}

function notJson(error: unknown, where = ''): Refusal {
  const why = error instanceof Error ? error.message : String(error);
  return no(`This file is not an Ombudsman Lens backup: ${where || 'it'} is not JSON (${why}). Nothing was changed.`, [
    `${where || '(file)'}: ${why}`,
  ]);
}

/** "cases[i].reference" must be the summary's: a backup cannot file a case under another reference. */
function referenceProblem(c: { reference: string; summary: { reference: string } }, index: number): string | null {
  return c.reference === c.summary.reference
    ? null
    : `cases[${index}].reference: "${c.reference}" does not match summary.reference "${c.summary.reference}"`;
}

/**
 * Checks a whole backup file before anything is written (the parsed file, or
 * its text: version 1's JSON object, or version 2's lines); says what is wrong
 * and where. The cases' own checks (`checkCase`) follow in the import.
 */
export function checkBackup(json: unknown): { ok: true; backup: AnyBackup } | Refusal {
  let data = json;
  if (typeof data === 'string') {
    const text = data;
    const firstLine = text.slice(0, text.indexOf('\n') + 1 || text.length);
    let first: unknown;
    try {
      first = JSON.parse(firstLine);
    } catch {
      // Not one value on the first line: a version 1 file (pretty-printed) or not JSON at all.
    }
    // A first line that is an object but not a whole backup (no cases) is version 2's header.
    if (first && typeof first === 'object' && !Array.isArray(first) && !('cases' in first)) {
      const lines = readLines(text);
      if (!lines.ok) return lines;
      data = lines.backup;
    } else {
      try {
        data = JSON.parse(text);
      } catch (error) {
        return notJson(error);
      }
    }
  }
  const format = checkFormat(data);
  if (!format.ok) return format;
  const cases = (data as { cases?: unknown }).cases;
  const sizes = Array.isArray(cases) ? cases.flatMap((c, i) => sizeProblemsOf(c, i)).slice(0, MAX_PROBLEMS) : [];
  if (sizes.length > 0) return no(refusal(sizes), sizes);
  const parsed = AnyBackupSchema.safeParse(data, ENGLISH);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    return no(refusal(problems), problems);
  }
  const mismatched = parsed.data.cases.flatMap((c, i) => referenceProblem(c, i) ?? []);
  if (mismatched.length > 0) return no(refusal(mismatched), mismatched);
  return { ok: true, backup: parsed.data };
}

/** A version 2 file's text as one object (header fields and cases), for `checkBackup`. */
function readLines(text: string): { ok: true; backup: unknown } | Refusal {
  const reader = new BackupLineReader();
  const cases: unknown[] = [];
  let header: unknown;
  for (const line of text.split('\n')) {
    const read = reader.read(line);
    if (read.kind === 'refused') return read.refusal;
    if (read.kind === 'header') header = read.header;
    if (read.kind === 'case') cases.push(read.raw);
  }
  const end = reader.finish();
  if (!end.ok) return end;
  return { ok: true, backup: { ...(header as object), cases } };
}

export type LineRead =
  | { kind: 'blank' }
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'case'; index: number; raw: unknown }
  | { kind: 'end' }
  | { kind: 'refused'; refusal: Refusal };

/**
 * Version 2's lines, one at a time, in order: the header first, then cases
 * (each JSON-parsed, not yet checked), then the end line, whose count must be the
 * number of cases read; nothing may follow it. `finish` says whether the file
 * was whole.
 */
export class BackupLineReader {
  private line = 0;
  private header: BackupHeader | null = null;
  private ended = false;
  cases = 0;

  read(text: string): LineRead {
    this.line++;
    const trimmed = text.trim();
    if (!trimmed) return { kind: 'blank' };
    const where = `line ${this.line}`;
    const refuse = (message: string, problems: string[]): LineRead => ({ kind: 'refused', refusal: no(message, problems) });
    if (this.ended)
      return refuse(`The backup was not imported, and nothing was changed: ${where} follows the backup's end line.`, [
        `${where}: after the end line`,
      ]);
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { kind: 'refused', refusal: notJson(error, this.header ? `${where} (cases[${this.cases}])` : where) };
    }
    if (!this.header) {
      const format = checkFormat(value);
      if (!format.ok) return { kind: 'refused', refusal: format };
      const header = BackupHeaderSchema.safeParse(value, ENGLISH);
      if (!header.success) {
        const problems = describeIssues(header.error);
        return refuse(refusal(problems), problems);
      }
      this.header = header.data;
      return { kind: 'header', header: header.data };
    }
    if (value && typeof value === 'object' && 'end' in value) {
      const end = BackupEndSchema.safeParse(value, ENGLISH);
      if (!end.success) return refuse(refusal(describeIssues(end.error, where)), describeIssues(end.error, where));
      if (end.data.cases !== this.cases) {
        const problem = `${where}: the end line counts ${end.data.cases} cases; the file holds ${this.cases}`;
        return refuse(refusal([problem]), [problem]);
      }
      this.ended = true;
      return { kind: 'end' };
    }
    return { kind: 'case', index: this.cases++, raw: value };
  }

  /** A line too long to be a case, skipped unread (see `MAX_LINE_CHARS` in backup-stream.ts). */
  tooLong(chars: number): LineRead {
    this.line++;
    const problem = `line ${this.line}${this.header ? ` (cases[${this.cases}])` : ''}: ${chars} characters, longer than any case can be`;
    return { kind: 'refused', refusal: no(refusal([problem]), [problem]) };
  }

  finish(): { ok: true } | Refusal {
    if (!this.header) return no('This file is not an Ombudsman Lens backup: it is empty. Nothing was changed.', ['(file): empty']);
    if (!this.ended) {
      const problem = `(file): it ends after ${this.cases} cases without the backup's end line`;
      return no(
        `The backup was not imported, and nothing was changed: the file is incomplete (it ends after ${this.cases} cases without the backup's end line; was the export cut short?).`,
        [problem],
      );
    }
    return { ok: true };
  }
}

/** "cases[3].summary.title: ..." for a problem with a path, "cases[3]: a case can have..." for one without. */
export function caseProblem(index: number, problem: string): string {
  return /^[\w.[\]]+: /.test(problem) ? `cases[${index}].${problem}` : `cases[${index}]: ${problem}`;
}

/** A case's sizes, checked before its shape: 200,000 faults are refused without being validated one by one. */
function sizeProblemsOf(raw: unknown, index: number): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const text = (raw as { text?: unknown }).text;
  return sizeProblems(raw, typeof text === 'string' ? text.length : 0).map((p) => caseProblem(index, p));
}

/**
 * A case's own fields, as its version has them; its summary is left to `checkCase`, which every case meets next
 * (validating the largest part once, not twice).
 */
const CaseFieldsSchemas: Record<number, z.ZodMiniType> = {
  1: z.extend(BackupCaseSchema, { summary: z.unknown() }),
  2: z.extend(BackupV2CaseSchema, { summary: z.unknown() }),
};

/**
 * One case of a file: its sizes and its own fields as its version has them, or what is wrong and where. The
 * summary is typed here but checked by `checkCase` (with the address, dates and limits) before anything uses it.
 */
export function checkBackupCase(
  raw: unknown,
  index: number,
  version: number,
): { ok: true; value: BackupV2Case } | { ok: false; problems: string[] } {
  const sizes = sizeProblemsOf(raw, index);
  if (sizes.length > 0) return { ok: false, problems: sizes };
  const parsed = (CaseFieldsSchemas[version] ?? CaseFieldsSchemas[2]!).safeParse(raw, ENGLISH);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error, `cases[${index}]`) };
  return { ok: true, value: parsed.data as BackupV2Case };
}

export function headerLine(header: Omit<BackupHeader, 'format' | 'version'>): string {
  const line: BackupHeader = { format: BACKUP_FORMAT, version: 2, exportedAt: header.exportedAt, parserVersion: header.parserVersion };
  return `${JSON.stringify(line)}\n`;
}

export function caseLine(c: BackupV2Case): string {
  // JSON.stringify escapes every line break inside strings: one case is one line.
  return `${JSON.stringify(c)}\n`;
}

export function endLine(cases: number): string {
  return `${JSON.stringify({ end: true, cases })}\n`;
}
