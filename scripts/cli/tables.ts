/**
 * The long tables of `--table faults|remedies|statutes`: one row per fault, remedy or statute,
 * each led by its decision's key columns, ready for a spreadsheet, DuckDB or pandas. Column
 * names are a contract like the summary's (README, "The command-line tool"): named after the
 * JSON fields, nested ones dotted; add columns at the end, never rename or reorder.
 */
import { statuteLabel } from '../../lib/citation';
import type { DecisionSummary, Fault, Remedy, Statute } from '../../lib/schema';

type Cell = string | number | boolean | null;

export const TABLE_NAMES = ['faults', 'remedies', 'statutes'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The decision each row belongs to: `reference` joins the tables to each other and to the summary CSV. */
const DECISION_COLUMNS = ['reference', 'url', 'authority', 'decisionDate', 'outcome.kind'] as const;

function decisionCells(summary: DecisionSummary): Cell[] {
  return [summary.reference, summary.url, summary.authority, summary.decisionDate, summary.outcome.kind];
}

interface Table {
  columns: readonly string[];
  rows: (summary: DecisionSummary) => Cell[][];
}

/** A table of one kind of item: `cells` gives an item's own cells, after its decision's; `index` counts from 1 within the decision. */
function table<T>(
  columns: readonly string[],
  items: (summary: DecisionSummary) => readonly T[],
  cells: (item: T, index: number) => Cell[],
): Table {
  return {
    columns: [...DECISION_COLUMNS, ...columns],
    rows: (summary) => {
      const lead = decisionCells(summary);
      return items(summary).map((item, i) => [...lead, ...cells(item, i + 1)]);
    },
  };
}

const faults = table<Fault>(
  [
    'fault.index',
    'fault.paragraph',
    'fault.heading',
    'fault.injustice',
    'fault.text',
    'fault.injusticeParagraph',
    'fault.injusticeEvidence',
  ],
  (s) => s.faults,
  (f, index) => [
    index,
    f.paragraph,
    f.heading,
    f.injustice,
    f.text,
    f.injusticeEvidence?.paragraph ?? null,
    f.injusticeEvidence?.sentence ?? null,
  ],
);

const remedies = table<Remedy>(
  [
    'remedy.index',
    'remedy.paragraph',
    'remedy.kind',
    'remedy.amount',
    'remedy.payee',
    'remedy.purpose',
    'remedy.deadline',
    'remedy.deadline.count',
    'remedy.deadline.unit',
    'remedy.text',
  ],
  (s) => s.remedies,
  (r, index) => [
    index,
    r.paragraph,
    r.kind,
    r.amount,
    r.payee,
    r.purpose,
    r.deadline?.text ?? null,
    r.deadline?.count ?? null,
    r.deadline?.unit ?? null,
    r.text,
  ],
);

const statutes = table<Statute>(
  [
    'statute.index',
    'statute.act',
    'statute.section',
    'statute.subsection',
    'statute.label',
    'statute.jurisdiction',
    'statute.paragraphs',
    'statute.url',
    'statute.text',
  ],
  (s) => s.statutes,
  (s, index) => [
    index,
    s.act,
    s.section,
    s.subsection,
    statuteLabel(s, { separator: ' ' }),
    s.jurisdiction,
    s.paragraphs.join('; '),
    s.url,
    s.text,
  ],
);

export const TABLES: Record<TableName, Table> = { faults, remedies, statutes };
