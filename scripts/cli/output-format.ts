/** What one decision becomes in the output: a JSON line, a CSV row, or a long table's rows. */
import { csvCell, csvHeader, csvRow } from '../../lib/summary-csv';
import type { DecisionSummary } from '../../lib/schema';
import type { Format } from './options';
import { TABLES, type TableName } from './tables';

export interface OutputShape {
  format: Format;
  table: TableName | null;
}

/** The CSV header line (with its newline), or '' for JSON Lines. */
export function headerText(shape: OutputShape): string {
  if (shape.format !== 'csv') return '';
  return `${shape.table ? TABLES[shape.table].columns.join(',') : csvHeader()}\n`;
}

/**
 * Every line for one decision, each ending in a newline; '' for a decision with no rows in the
 * table asked for. In JSON Lines a table row is an object keyed by the same column names as the CSV.
 */
export function summaryText(shape: OutputShape, summary: DecisionSummary): string {
  if (!shape.table) return `${shape.format === 'csv' ? csvRow(summary) : JSON.stringify(summary)}\n`;
  const { columns, rows } = TABLES[shape.table];
  let text = '';
  for (const row of rows(summary)) {
    text += shape.format === 'csv' ? row.map(csvCell).join(',') : JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    text += '\n';
  }
  return text;
}
