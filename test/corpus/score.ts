/**
 * Scores the parser on the corpus of real decisions (test/corpus/README.md): runs `parseText` on
 * every file with its label's address and compares the summary with the hand-read label, field by
 * field. Used by test/corpus/corpus.test.ts (the thresholds) and scripts/corpus.ts (`npm run corpus`,
 * the table and every miss). Nothing here knows how the parser works: it reads only the summary.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../lib/parser/parse-decision';
import type { DecisionSummary, Remedy } from '../../lib/schema';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface LabelStatute {
  act: string;
  section: string;
}

export interface LabelRemedy {
  kind: Remedy['kind'];
  amount: number | null;
  payee: string | null;
  deadline: string | null;
  text: string;
}

/** One entry of labels.json. Fields a set does not label are absent. */
export interface Label {
  file: string;
  url: string;
  reference: string;
  authority: string | null;
  area?: string;
  topic?: string;
  outcomeLabel?: string;
  outcomeKind: DecisionSummary['outcome']['kind'];
  outcomeInferred: boolean;
  decisionDate?: string;
  summaryStart?: string;
  regulators?: string[];
  payments: number[];
  refunds: number[];
  apology: boolean;
  statutes?: LabelStatute[];
  notes?: string;
  /** short/: the number of faults allowed, [min, max]. */
  faultCount?: [number, number];
  /** reports/: every remedy, hand-read. */
  remedies?: LabelRemedy[];
  satisfiedDate?: string | null;
}

export type CorpusSet = 'openings' | 'short' | 'reports';

export interface CorpusCase {
  label: Label;
  set: CorpusSet;
  text: string;
}

export function loadCorpus(): CorpusCase[] {
  const labels = JSON.parse(readFileSync(join(HERE, 'labels.json'), 'utf8')) as Label[];
  return labels.map((label) => ({
    label,
    set: label.file.split('/')[0] as CorpusSet,
    text: readFileSync(join(HERE, label.file), 'utf8'),
  }));
}

/** A field of the table: how many cases it was compared on, and how many agreed. */
export interface FieldScore {
  field: string;
  compared: number;
  agreed: number;
  /** agreed / compared, or for the statutes and report remedies F1 over all their items. */
  score: number;
  /** Statutes and report remedies: item counts behind the F1. */
  precision?: number;
  recall?: number;
}

export interface Miss {
  file: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface CorpusScore {
  fields: FieldScore[];
  misses: Miss[];
  /** Files the parser refused, with its message. */
  unread: { file: string; message: string }[];
}

const sortNumbers = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

function amountsOf(summary: DecisionSummary, kind: 'payment' | 'refund'): number[] {
  return sortNumbers(summary.remedies.filter((r) => r.kind === kind && r.amount !== null).map((r) => r.amount!));
}

/** `34B(8)` and `34B` are one section: labels name the base section, as the parser's `section` does. */
const statuteKey = (s: { act: string; section: string | null }): string => `${s.act} | ${s.section ?? '(whole Act)'}`;

/** Items matched between two multisets of keys. */
function matchedCount(expected: string[], actual: string[]): number {
  const left = new Map<string, number>();
  for (const k of actual) left.set(k, (left.get(k) ?? 0) + 1);
  let matched = 0;
  for (const k of expected) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      matched++;
      left.set(k, n - 1);
    }
  }
  return matched;
}

const remedyKey = (r: { kind: string; amount: number | null }): string => `${r.kind}${r.amount === null ? '' : ` £${r.amount}`}`;

class Tally {
  readonly fields = new Map<string, FieldScore>();
  readonly misses: Miss[] = [];

  check(field: string, file: string, expected: unknown, actual: unknown): void {
    const f = this.field(field);
    f.compared++;
    if (JSON.stringify(expected) === JSON.stringify(actual)) f.agreed++;
    else this.misses.push({ file, field, expected, actual });
  }

  /** Items of a list compared as multisets: precision and recall over all cases, F1 the score. */
  items(field: string, file: string, expected: string[], actual: string[]): void {
    const f = this.field(field);
    const matched = matchedCount(expected, actual);
    f.compared++;
    if (matched === expected.length && matched === actual.length) f.agreed++;
    else this.misses.push({ file, field, expected: [...expected].sort(), actual: [...actual].sort() });
    const counts = (f as FieldScore & { counts?: [number, number, number] }).counts ?? [0, 0, 0];
    counts[0] += matched;
    counts[1] += expected.length;
    counts[2] += actual.length;
    (f as FieldScore & { counts?: [number, number, number] }).counts = counts;
  }

  result(unread: CorpusScore['unread']): CorpusScore {
    const fields = [...this.fields.values()].map((f) => {
      const { counts, ...rest } = f as FieldScore & { counts?: [number, number, number] };
      if (!counts) return { ...rest, score: f.compared ? f.agreed / f.compared : 1 };
      const [matched, expected, actual] = counts;
      const precision = actual ? matched / actual : 1;
      const recall = expected ? matched / expected : 1;
      const score = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { ...rest, precision, recall, score };
    });
    return { fields, misses: this.misses, unread };
  }

  private field(name: string): FieldScore {
    let f = this.fields.get(name);
    if (!f) this.fields.set(name, (f = { field: name, compared: 0, agreed: 0, score: 0 }));
    return f;
  }
}

/** The field names the thresholds refer to. */
export const FIELDS = {
  read: 'read (parsed as a decision)',
  reference: 'header: reference',
  authority: 'header: authority',
  area: 'header: area',
  topic: 'header: topic',
  decisionDate: 'header: decisionDate',
  outcomeLabel: 'header: outcome label',
  outcomeDecisionLine: 'outcome kind (Decision line)',
  outcomeInferred: 'outcome kind (from wording)',
  summaryStart: 'summary start',
  regulators: 'regulators',
  statutes: 'statutes (act + section)',
  apology: 'remedies: apology',
  payments: 'remedies: payments',
  refunds: 'remedies: refunds',
  shortFaults: 'short: no fault',
  shortRemedies: 'short: no remedy',
  reportRemedies: 'reports: remedies (kind + amount)',
  satisfiedDate: 'reports: satisfiedDate',
} as const;

export function scoreCorpus(cases: CorpusCase[] = loadCorpus()): CorpusScore {
  const t = new Tally();
  const unread: CorpusScore['unread'] = [];
  for (const { label, set, text } of cases) {
    const result = parseText(text, { url: label.url });
    t.check(FIELDS.read, label.file, true, result.ok);
    if (!result.ok) {
      unread.push({ file: label.file, message: result.message });
      continue;
    }
    const s = result.summary;
    t.check(FIELDS.reference, label.file, label.reference, s.reference);
    t.check(FIELDS.authority, label.file, label.authority, s.authority);
    // The header as printed: labels give null where the page has no Category or Decision line (the
    // summary then has the category from the address and an inferred outcome, which other rows score).
    const printed = s.category?.source === 'page' ? s.category : null;
    if (label.area !== undefined) t.check(FIELDS.area, label.file, label.area, printed?.area ?? null);
    if (label.topic !== undefined) t.check(FIELDS.topic, label.file, label.topic, printed?.topic ?? null);
    if (label.decisionDate !== undefined) t.check(FIELDS.decisionDate, label.file, label.decisionDate, s.decisionDate);
    if (label.outcomeLabel !== undefined) {
      t.check(FIELDS.outcomeLabel, label.file, label.outcomeLabel, s.outcome.inferred ? null : s.outcome.label);
    }
    const outcomeField = label.outcomeInferred ? FIELDS.outcomeInferred : FIELDS.outcomeDecisionLine;
    t.check(
      outcomeField,
      label.file,
      { kind: label.outcomeKind, inferred: label.outcomeInferred },
      { kind: s.outcome.kind, inferred: s.outcome.inferred },
    );
    if (label.summaryStart !== undefined) {
      t.check(FIELDS.summaryStart, label.file, label.summaryStart, s.summary?.slice(0, label.summaryStart.length) ?? null);
    }
    if (label.regulators !== undefined)
      t.check(
        FIELDS.regulators,
        label.file,
        label.regulators,
        s.regulators.map((r) => r.name),
      );
    if (label.statutes !== undefined) {
      const actual = [...new Set(s.statutes.map(statuteKey))];
      t.items(FIELDS.statutes, label.file, label.statutes.map(statuteKey), actual);
    }
    t.check(
      FIELDS.apology,
      label.file,
      label.apology,
      s.remedies.some((r) => r.kind === 'apology'),
    );
    t.check(FIELDS.payments, label.file, sortNumbers(label.payments), amountsOf(s, 'payment'));
    t.check(FIELDS.refunds, label.file, sortNumbers(label.refunds), amountsOf(s, 'refund'));
    if (set === 'short') {
      const [min, max] = label.faultCount ?? [0, 0];
      t.check(
        FIELDS.shortFaults,
        label.file,
        `${min}..${max} faults`,
        s.faults.length >= min && s.faults.length <= max ? `${min}..${max} faults` : s.faults.map((f) => f.text),
      );
      t.check(
        FIELDS.shortRemedies,
        label.file,
        [],
        s.remedies.map((r) => `${r.kind}: ${r.text}`),
      );
    }
    if (set === 'reports') {
      t.items(FIELDS.reportRemedies, label.file, (label.remedies ?? []).map(remedyKey), s.remedies.map(remedyKey));
      if (label.satisfiedDate !== undefined) t.check(FIELDS.satisfiedDate, label.file, label.satisfiedDate, s.satisfiedDate);
    }
  }
  return t.result(unread);
}

/** The table and every miss, as `npm run corpus` prints them. */
export function formatScore(score: CorpusScore): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const width = Math.max(...score.fields.map((f) => f.field.length));
  const lines = [`${'field'.padEnd(width)}  agreed     score   (precision / recall)`];
  for (const f of score.fields) {
    const pr = f.precision === undefined ? '' : `   (P ${pct(f.precision)} / R ${pct(f.recall!)}, F1)`;
    lines.push(`${f.field.padEnd(width)}  ${`${f.agreed}/${f.compared}`.padEnd(9)}  ${pct(f.score).padStart(7)}${pr}`);
  }
  if (score.unread.length) {
    lines.push('', 'Not read:');
    for (const u of score.unread) lines.push(`  ${u.file}: ${u.message}`);
  }
  if (score.misses.length) {
    lines.push('', `Misses (${score.misses.length}):`);
    for (const m of score.misses) {
      lines.push(`  ${m.file}  ${m.field}`, `    expected ${JSON.stringify(m.expected)}`, `    actual   ${JSON.stringify(m.actual)}`);
    }
  }
  return lines.join('\n');
}
