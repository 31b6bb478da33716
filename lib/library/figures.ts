/**
 * The figures the popup shows over the current filter. Pure, one pass per
 * figure, so they can be recomputed on every filter change with 10,000 cases.
 */
import { OutcomeKindSchema, RemedyKindSchema, type OutcomeKind, type RemedyKind } from '../schema';
import type { Correction } from './corrections';
import { financialYearOf } from './national-figures';
import type { CaseEntry } from './saved-case';

export interface Figures {
  count: number;
  /** Share: of all cases counted, 0..1 (0 when there are none). */
  outcomes: Record<OutcomeKind, { count: number; share: number }>;
  /** Median, min and max are over the cases with a payment (totalPayments > 0); null when there are none. */
  payments: { total: number; median: number | null; min: number | null; max: number | null; casesWithPayment: number };
  /** How many cases agreed each kind of remedy (a case with two apologies counts once), most frequent first. */
  remedyKinds: { kind: RemedyKind; count: number }[];
  /** The law of the case (the Ombudsman's own powers left out): the 10 cited in most cases. */
  statutes: { key: string; count: number }[];
  organisations: { name: string; count: number }[];
  /** Cases with a known decision year, per year, ascending. */
  outcomesByYear: { year: number; upheld: number; notUpheld: number; closed: number; other: number }[];
  /** Cases with a payment, largest first: the bars of the payments chart. `corrected`: the amount counts a correction of yours. */
  paymentsPerCase: { reference: string; amount: number; corrected: boolean }[];
  /**
   * How many of the cases carry the person's corrections (the figures count the corrected values, so
   * they may differ from what the parser read), and how many of those change an outcome or a payment.
   */
  corrected: { cases: number; outcome: number; payments: number };
  /**
   * Upheld and not upheld per Ombudsman's year (April to March), ascending: what the national uphold
   * rate is compared with. Closed after initial enquiries and other outcomes are left out, as the
   * national rate leaves them out (it counts detailed investigations only).
   */
  investigatedByYear: { year: string; upheld: number; notUpheld: number }[];
}

/** Sums in pence: adding 509.81 to 1950 in floating point must still print as 2459.81. */
function sumPounds(amounts: readonly number[]): number {
  return amounts.reduce((sum, a) => sum + Math.round(a * 100), 0) / 100;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : sumPounds([sorted[mid - 1]!, sorted[mid]!]) / 2;
}

/** Counts, largest first; ties in name order so the chart is stable. */
function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const PAYING_KINDS: ReadonlySet<RemedyKind> = new Set(['payment', 'refund']);

/** Whether a correction can change what the case paid, as `totalPayments` counts it (payments and refunds). */
function correctsPayment(c: Correction): boolean {
  switch (c.field) {
    case 'amount':
      return true;
    case 'kind':
      return PAYING_KINDS.has(c.from) || PAYING_KINDS.has(c.to);
    case 'removed':
      return c.target.item === 'remedy' && PAYING_KINDS.has(c.target.kind);
    case 'added-remedy':
      return PAYING_KINDS.has(c.to.kind);
    default:
      return false;
  }
}

export function computeFigures(cases: readonly CaseEntry[]): Figures {
  const count = cases.length;

  const outcomes = Object.fromEntries(OutcomeKindSchema.options.map((k) => [k, { count: 0, share: 0 }])) as Figures['outcomes'];
  for (const c of cases) {
    const kind = OutcomeKindSchema.safeParse(c.outcomeKind);
    outcomes[kind.success ? kind.data : 'other'].count++;
  }
  for (const k of OutcomeKindSchema.options) outcomes[k].share = count === 0 ? 0 : outcomes[k].count / count;

  const paymentCorrected = (c: CaseEntry) => (c.corrections ?? []).some(correctsPayment);
  const corrected = {
    cases: cases.filter((c) => (c.corrections?.length ?? 0) > 0).length,
    outcome: cases.filter((c) => c.corrections?.some((x) => x.field === 'outcome')).length,
    payments: cases.filter(paymentCorrected).length,
  };

  const paying = cases.filter((c) => c.totalPayments > 0);
  const amounts = paying.map((c) => c.totalPayments).sort((a, b) => a - b);
  const payments = {
    total: sumPounds(amounts),
    median: median(amounts),
    min: amounts[0] ?? null,
    max: amounts[amounts.length - 1] ?? null,
    casesWithPayment: amounts.length,
  };

  const remedies = new Map<string, number>();
  const statutes = new Map<string, number>();
  const organisations = new Map<string, number>();
  const years = new Map<number, Figures['outcomesByYear'][number]>();
  const investigated = new Map<string, Figures['investigatedByYear'][number]>();
  for (const c of cases) {
    for (const kind of c.card.remedyKinds) increment(remedies, kind);
    for (const key of new Set(c.statuteKeys)) increment(statutes, key);
    increment(organisations, c.authority);
    if (c.year > 0) {
      const row = years.get(c.year) ?? { year: c.year, upheld: 0, notUpheld: 0, closed: 0, other: 0 };
      if (c.outcomeKind === 'upheld') row.upheld++;
      else if (c.outcomeKind === 'not-upheld') row.notUpheld++;
      else if (c.outcomeKind === 'closed-after-initial-enquiries') row.closed++;
      else row.other++;
      years.set(c.year, row);
    }
    const financialYear = financialYearOf(c.decisionDate);
    if (financialYear && (c.outcomeKind === 'upheld' || c.outcomeKind === 'not-upheld')) {
      const row = investigated.get(financialYear) ?? { year: financialYear, upheld: 0, notUpheld: 0 };
      if (c.outcomeKind === 'upheld') row.upheld++;
      else row.notUpheld++;
      investigated.set(financialYear, row);
    }
  }

  return {
    count,
    outcomes,
    payments,
    remedyKinds: ranked(remedies).flatMap(([kind, n]) => {
      const k = RemedyKindSchema.safeParse(kind);
      return k.success ? [{ kind: k.data, count: n }] : [];
    }),
    statutes: ranked(statutes)
      .slice(0, 10)
      .map(([key, n]) => ({ key, count: n })),
    organisations: ranked(organisations).map(([name, n]) => ({ name, count: n })),
    outcomesByYear: [...years.values()].sort((a, b) => a.year - b.year),
    paymentsPerCase: paying
      .map((c) => ({ reference: c.reference, amount: c.totalPayments, corrected: paymentCorrected(c) }))
      .sort((a, b) => b.amount - a.amount || (a.reference < b.reference ? -1 : 1)),
    investigatedByYear: [...investigated.values()].sort((a, b) => (a.year < b.year ? -1 : 1)),
    corrected,
  };
}
