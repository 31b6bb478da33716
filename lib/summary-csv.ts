/**
 * One CSV row per decision, with stable columns named after the summary's JSON
 * fields (nested fields dotted: `outcome.kind`). The command-line tool and the
 * popup's export share it; add columns at the end, never rename or reorder.
 */
import { statuteLabel } from './citation';
import type { DecisionSummary } from './schema';

export const CSV_COLUMNS = [
  'reference',
  'url',
  'title',
  'authority',
  'organisationKind',
  'category.area',
  'category.topic',
  'outcome.label',
  'outcome.kind',
  'outcome.inferred',
  'decisionDate',
  'complainant',
  'summary',
  'complaints',
  'faults',
  'faults.caused',
  'faults.none',
  'faults.remedied',
  'faults.unstated',
  'remedies',
  'remedies.kinds',
  'totalPayments',
  'statutes',
  'statutes.jurisdiction',
  'guidance',
  'regulators',
  'parserVersion',
  'warnings',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const csvStatute = (s: DecisionSummary['statutes'][number]) => statuteLabel(s, { separator: ' ' });

export function csvRecord(summary: DecisionSummary): Record<CsvColumn, string | number | boolean | null> {
  const count = (injustice: string) => summary.faults.filter((f) => f.injustice === injustice).length;
  return {
    reference: summary.reference,
    url: summary.url,
    title: summary.title,
    authority: summary.authority,
    organisationKind: summary.organisationKind,
    'category.area': summary.category?.area ?? null,
    'category.topic': summary.category?.topic ?? null,
    'outcome.label': summary.outcome.label,
    'outcome.kind': summary.outcome.kind,
    'outcome.inferred': summary.outcome.inferred,
    decisionDate: summary.decisionDate,
    complainant: summary.complainant,
    summary: summary.summary,
    complaints: summary.complaints.length,
    faults: summary.faults.length,
    'faults.caused': count('caused'),
    'faults.none': count('none'),
    'faults.remedied': count('remedied'),
    'faults.unstated': count('unstated'),
    remedies: summary.remedies.length,
    'remedies.kinds': [...new Set(summary.remedies.map((r) => r.kind))].join('; '),
    totalPayments: summary.totalPayments,
    statutes: summary.statutes
      .filter((s) => !s.jurisdiction)
      .map(csvStatute)
      .join('; '),
    'statutes.jurisdiction': summary.statutes
      .filter((s) => s.jurisdiction)
      .map(csvStatute)
      .join('; '),
    guidance: summary.guidance.map((g) => g.title).join('; '),
    regulators: summary.regulators.map((r) => r.name).join('; '),
    parserVersion: summary.parserVersion,
    warnings: summary.warnings.join(' '),
  };
}

/**
 * RFC 4180 quoting. Text that a spreadsheet would run as a formula (leading
 * = + - @) is prefixed with an apostrophe: the cell shows the text, nothing runs.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function csvRow(summary: DecisionSummary): string {
  const record = csvRecord(summary);
  return CSV_COLUMNS.map((c) => csvCell(record[c])).join(',');
}
