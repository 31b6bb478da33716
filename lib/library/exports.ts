/**
 * Exports of the saved cases: CSV (one row per case), CSL-JSON for reference
 * managers, and the backup's file name. The JSON backup itself is made by
 * `CaseStore.exportBackup` (it needs the stored texts).
 */
import { CSV_COLUMNS, csvCell, csvRecord } from '../summary-csv';
import type { CaseEntry, SavedCase } from './saved-case';
import { applyCorrections, correctedFieldNames } from './corrections';
import { relatedReferences } from './related-cases';
import { citationFields } from '../case-citation/fields';
import { DEFAULT_TEMPLATE, templateCitation } from '../case-citation/template';

/**
 * The summary's columns (lib/summary-csv.ts, never reordered), then the library's own. Add at the end only.
 * The summary's columns hold the person's corrected values; `corrected` names the fields they corrected
 * (`outcome.kind; remedies.amount; totalPayments`), empty when the row is the parser's reading.
 */
export const LIBRARY_CSV_COLUMNS = [...CSV_COLUMNS, 'tags', 'note', 'savedAt', 'related', 'corrected'] as const;

/**
 * One row per case, LF line ends, a final LF. `related` lists the other pages
 * of the same joint case found in `library` (by default the exported cases).
 */
export function casesToCsv(cases: readonly SavedCase[], library: readonly Pick<CaseEntry, 'relatedKey' | 'reference'>[] = cases): string {
  const relatedOf = relatedReferences(library);
  const lines = [LIBRARY_CSV_COLUMNS.join(',')];
  for (const c of cases) {
    // A summary parsed without its address has url null; the saved case knows where it came from.
    const applied = applyCorrections(c.summary, c.corrections ?? []);
    const record = { ...csvRecord(applied.summary), url: c.summary.url ?? c.url };
    const related = relatedOf(c);
    const own = [c.tags.join('; '), c.note, c.savedAt, [...new Set(related)].sort().join('; '), correctedFieldNames(applied).join('; ')];
    lines.push([...CSV_COLUMNS.map((col) => csvCell(record[col])), ...own.map(csvCell)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The CSV as the popup's file: the same text after a byte order mark. Without it Excel, where most
 * people open a CSV, reads UTF-8 as the computer's own code page and shows "£500" as "Â£500" and
 * "Council’s" as "Councilâ€™s". LibreOffice, Numbers, Google Sheets and Python's 'utf-8-sig' read
 * the mark as what it is. (The command-line tool's CSV, for pipes, has none.)
 */
export function casesToCsvFile(cases: readonly SavedCase[], library?: readonly Pick<CaseEntry, 'relatedKey' | 'reference'>[]): string {
  return `\uFEFF${casesToCsv(cases, library)}`;
}

/**
 * A CSL-JSON item (https://resource.citationstyles.org/schema/latest/input/json/csl-data.json).
 * Zotero imports `legal_case` as its "Case" type: title -> Case Name,
 * authority -> Court, number -> Docket Number, issued -> Date Decided,
 * abstract -> Abstract, note -> Extra, URL -> URL, accessed -> Accessed.
 *
 * The fields are the citations' own (lib/case-citation/fields.ts): the Case Name is the organisation
 * as the citation names it (the reference has a field of its own, so a style does not print it
 * twice), and Extra begins with the case's citation in the person's template form. A Case has no
 * field for a citation of one's own (History is the case's procedural history), and Zotero keeps
 * Extra's lines as they are.
 */
export interface CslItem {
  id: string;
  type: 'legal_case';
  title: string;
  authority: string;
  number: string;
  issued?: { 'date-parts': [[number, number, number]] };
  accessed?: { 'date-parts': [[number, number, number]] };
  URL: string;
  abstract?: string;
  note: string;
}

function dateParts(iso: string): { 'date-parts': [[number, number, number]] } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/** `template`: the person's citation template (lib/case-citation/settings.ts), for the citation in Extra. */
export function casesToCslJson(cases: readonly SavedCase[], template: string = DEFAULT_TEMPLATE): CslItem[] {
  return cases.map((c) => {
    // A summary parsed without its address has url null; the saved case knows where it came from.
    const fields = citationFields({ ...c.summary, url: c.summary.url ?? c.url });
    const item: CslItem = {
      id: c.reference,
      type: 'legal_case',
      title: fields.organisation ?? fields.reference,
      authority: fields.ombudsman,
      number: fields.reference,
      URL: fields.url ?? c.url,
      note: '',
    };
    const issued = fields.isoDate ? dateParts(fields.isoDate) : undefined;
    if (issued) item.issued = issued;
    // The day the copy was saved: what "accessed" means for a page that may later be removed.
    const accessed = dateParts(c.savedAt);
    if (accessed) item.accessed = accessed;
    if (c.summary.summary) item.abstract = c.summary.summary;
    item.note = [`Cited as: ${templateCitation(template, fields)}`, c.tags.length > 0 ? `Tags: ${c.tags.join('; ')}` : '', c.note]
      .filter(Boolean)
      .join('\n\n');
    return item;
  });
}

/** `2026-11-22`: the day in the user's own time zone, for the names of exported files. */
export function localDateStamp(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `ombudsman-lens-backup-2026-11-22.jsonl`: JSON Lines (backup version 2), a header line, one line per case, an end line. */
export function backupFileName(date: Date = new Date()): string {
  return `ombudsman-lens-backup-${localDateStamp(date)}.jsonl`;
}
