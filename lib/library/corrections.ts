/**
 * A person's corrections of what the parser read, and the one function that applies them.
 *
 * The parser's output is never edited: a saved case keeps the summary the parser made, and its
 * corrections beside it as a list. So a re-parse after a parser update replaces the summary and
 * keeps the corrections; a correction says what the parser read (`from`) and what the person read
 * (`to`), which is what a bug report needs; and undoing a correction is dropping it.
 *
 * A correction names its item the way a person would find it again: the item's kind (a fault, or a
 * remedy and the kind the parser gave it) and its sentence, verbatim; `nth` tells apart items of one
 * kind read from one sentence (a sentence can state two payments; a seed repeats a fault's
 * sentence). Not by index: a newer parser may find one more fault before it, and an index would then
 * point at the wrong one. A correction whose item the current summary no longer has is kept and
 * reported as unmatched (`applyCorrections`), never dropped: the person may still want it.
 *
 * An added item is evidence like any parsed one: its sentence, block and paragraph, selected by the
 * person in the page. Nothing is added without a sentence.
 *
 * Every view and export (sidebar, list, comparison, figures, CSV, backups) shows a case through
 * `applyCorrections`, so a corrected value is the same everywhere.
 */
import * as z from 'zod/mini';
import { totalPayments } from '../parser/extractors/extract-remedies';
import { OUTCOME_KIND_LABELS } from '../parser/vocabulary/outcomes';
import {
  DeadlineSchema,
  FaultSchema,
  InjusticeSchema,
  OutcomeKindSchema,
  RemedyKindSchema,
  RemedySchema,
  type DecisionSummary,
  type Fault,
  type Remedy,
} from '../schema';

/** Corrections a case may hold: far more than any decision has items (the largest seen: 7 faults, 5 remedies). */
export const MAX_CORRECTIONS = 200;
/** The largest sum a person may enter: the largest payment in a decision is a few tens of thousands of pounds. */
export const MAX_AMOUNT = 1_000_000;
/** A sentence, as the record checks allow any sentence of the summary (`DEFAULT_TEXT_LIMIT`). */
const SentenceSchema = z.string().check(z.minLength(1), z.maxLength(10_000));
/** Items of one kind read from one sentence: a handful at most. */
const NthSchema = z.int().check(z.nonnegative(), z.maximum(50));

const TimeSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/));

/** Pounds, as the parser gives them: not negative, whole pence, no more than `MAX_AMOUNT`. */
export const AmountSchema = z.number().check(
  z.nonnegative(),
  z.maximum(MAX_AMOUNT),
  z.refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'Invalid amount: not whole pence'),
);

export const FaultRefSchema = z.object({ item: z.literal('fault'), sentence: SentenceSchema, nth: NthSchema });
/** `kind` is the kind the parser gave the remedy (a correction of its kind keeps finding it). */
export const RemedyRefSchema = z.object({ item: z.literal('remedy'), sentence: SentenceSchema, kind: RemedyKindSchema, nth: NthSchema });
export type FaultRef = z.infer<typeof FaultRefSchema>;
export type RemedyRef = z.infer<typeof RemedyRefSchema>;
export type ItemRef = FaultRef | RemedyRef;

const ItemRefSchema = z.discriminatedUnion('item', [FaultRefSchema, RemedyRefSchema]);

// The added items extend the parser's schemas by spreading their shapes, which is what `z.extend`
// does: this module is in the content script, and `z.extend` would bring Zod's shape-copying
// helpers with it (see DecisionHeadlineSchema in lib/schema.ts).

/** A remedy a person adds: read from the statement, so it has a block (the sentence they selected). */
const AddedRemedySchema = z.object({
  ...RemedySchema.shape,
  block: z.int().check(z.nonnegative()),
  source: z.literal('statement'),
  amount: z.nullable(AmountSchema),
  payee: z.nullable(z.string().check(z.maxLength(300))),
  purpose: z.nullable(z.string().check(z.maxLength(1_000))),
});
const AddedFaultSchema = z.object({ ...FaultSchema.shape, heading: z.nullable(z.string().check(z.maxLength(10_000))) });
const PayeeSchema = z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(300)));
const CorrectedDeadlineSchema = z.nullable(z.object({ ...DeadlineSchema.shape, text: z.string().check(z.minLength(1), z.maxLength(300)) }));

/**
 * One correction. `field` says what was changed; `from` is the parser's value when the correction
 * was made, `to` the person's; `at` when. `removed` takes an item out; `added` puts one in.
 */
export const CorrectionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('outcome'), from: OutcomeKindSchema, to: OutcomeKindSchema, at: TimeSchema }),
  z.object({ field: z.literal('injustice'), target: FaultRefSchema, from: InjusticeSchema, to: InjusticeSchema, at: TimeSchema }),
  z.object({ field: z.literal('kind'), target: RemedyRefSchema, from: RemedyKindSchema, to: RemedyKindSchema, at: TimeSchema }),
  z.object({
    field: z.literal('amount'),
    target: RemedyRefSchema,
    from: z.nullable(z.number()),
    to: z.nullable(AmountSchema),
    at: TimeSchema,
  }),
  z.object({ field: z.literal('payee'), target: RemedyRefSchema, from: z.nullable(z.string()), to: PayeeSchema, at: TimeSchema }),
  z.object({
    field: z.literal('deadline'),
    target: RemedyRefSchema,
    from: z.nullable(DeadlineSchema),
    to: CorrectedDeadlineSchema,
    at: TimeSchema,
  }),
  z.object({ field: z.literal('removed'), target: ItemRefSchema, at: TimeSchema }),
  z.object({ field: z.literal('added-fault'), to: AddedFaultSchema, at: TimeSchema }),
  z.object({ field: z.literal('added-remedy'), to: AddedRemedySchema, at: TimeSchema }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;
export type CorrectionField = Correction['field'];

export const CorrectionsSchema = z.array(CorrectionSchema).check(z.maxLength(MAX_CORRECTIONS));

/**
 * What makes two corrections the same correction: the field and the item. A new correction of the
 * same field of the same item replaces the old one. (An added item is keyed by its sentence.)
 */
export function correctionKey(c: Correction): string {
  switch (c.field) {
    case 'outcome':
      return 'outcome';
    case 'added-fault':
      return JSON.stringify(['added-fault', c.to.text]);
    case 'added-remedy':
      return JSON.stringify(['added-remedy', c.to.text, c.to.kind]);
    default:
      return JSON.stringify([c.field, c.target.item, c.target.sentence, c.target.item === 'remedy' ? c.target.kind : null, c.target.nth]);
  }
}

/** A correction that changes nothing (the person put back the parser's value): dropped rather than kept. */
export function isNoChange(c: Correction): boolean {
  if (c.field === 'removed' || c.field === 'added-fault' || c.field === 'added-remedy') return false;
  return JSON.stringify(c.from) === JSON.stringify(c.to);
}

/** The list with `next` in place of the correction it replaces (same key), or added at the end; a no-change one removes it. */
export function withCorrection(list: readonly Correction[], next: Correction): Correction[] {
  const key = correctionKey(next);
  const others = list.filter((c) => correctionKey(c) !== key);
  return isNoChange(next) ? others : [...others, next];
}

/** Corrections of a case read leniently (a record from before corrections existed, or one damaged): the valid ones. */
export function validCorrections(raw: unknown): Correction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c) => {
    const parsed = CorrectionSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A fault's reference: its sentence, and which of the faults read from that sentence it is. */
export function faultRef(faults: readonly Fault[], index: number): FaultRef {
  const fault = faults[index]!;
  const nth = faults.slice(0, index).filter((f) => f.text === fault.text).length;
  return { item: 'fault', sentence: fault.text, nth };
}

/** A remedy's reference: its sentence and kind, and which of the remedies of that kind read from that sentence it is. */
export function remedyRef(remedies: readonly Remedy[], index: number): RemedyRef {
  const remedy = remedies[index]!;
  const nth = remedies.slice(0, index).filter((r) => r.text === remedy.text && r.kind === remedy.kind).length;
  return { item: 'remedy', sentence: remedy.text, kind: remedy.kind, nth };
}

function indexOfRef(summary: DecisionSummary, ref: ItemRef): number {
  if (ref.item === 'fault') {
    let seen = 0;
    return summary.faults.findIndex((f) => f.text === ref.sentence && seen++ === ref.nth);
  }
  let seen = 0;
  return summary.remedies.findIndex((r) => r.text === ref.sentence && r.kind === ref.kind && seen++ === ref.nth);
}

/**
 * Where a corrected value is, as a path into the corrected summary: `outcome.kind`,
 * `faults[2].injustice`, `remedies[0].amount`, `faults[3]` for an added item, `totalPayments`.
 * Removed items are gone from the summary; they show in `removed`.
 */
export type CorrectedPath = string;

/** Where an item of the corrected summary came from: the parser (its reference) or a person's addition. */
export type ItemOrigin = { ref: ItemRef } | { added: Extract<Correction, { field: 'added-fault' | 'added-remedy' }> };

export interface AppliedCorrections {
  /** The summary as the person reads it: the parser's, with every matched correction applied. */
  summary: DecisionSummary;
  /** Paths of the corrected values in `summary` (see `CorrectedPath`). */
  corrected: ReadonlySet<CorrectedPath>;
  /** The items taken out, as the parser read them. */
  removed: { item: 'fault' | 'remedy'; fault?: Fault; remedy?: Remedy; correction: Correction }[];
  /** Corrections whose item this summary does not have (the parser now reads the sentence differently): kept, not applied. */
  unmatched: Correction[];
  /** The parser's value of each corrected path, for "corrected (the parser read: ...)". */
  original: ReadonlyMap<CorrectedPath, unknown>;
  /** For each fault and remedy of `summary`, in order: where it came from, so a view can correct it again. */
  faultOrigins: ItemOrigin[];
  remedyOrigins: ItemOrigin[];
}

/**
 * The summary with the person's corrections applied. Pure: the input is not changed. Items are
 * matched against the parser's summary (corrections name the parser's items), changes applied in
 * the list's order (a later one of the same key has replaced an earlier one: `withCorrection`),
 * removed items taken out, added ones put after the parser's, in paragraph order among themselves.
 * `totalPayments` is recomputed from the corrected remedies.
 */
export function applyCorrections(summary: DecisionSummary, corrections: readonly Correction[]): AppliedCorrections {
  const faults: (Fault | null)[] = summary.faults.map((f) => ({ ...f }));
  const remedies: (Remedy | null)[] = summary.remedies.map((r) => ({ ...r }));
  let outcome = summary.outcome;
  const changedFaults = new Map<number, Set<string>>();
  const changedRemedies = new Map<number, Set<string>>();
  const original = new Map<CorrectedPath, unknown>();
  const removed: AppliedCorrections['removed'] = [];
  const unmatched: Correction[] = [];
  const addedFaults: Extract<Correction, { field: 'added-fault' }>[] = [];
  const addedRemedies: Extract<Correction, { field: 'added-remedy' }>[] = [];
  let outcomeCorrected = false;

  const mark = (changed: Map<number, Set<string>>, index: number, field: string) => {
    changed.set(index, (changed.get(index) ?? new Set()).add(field));
  };

  for (const c of corrections) {
    if (c.field === 'outcome') {
      if (c.to === summary.outcome.kind) continue;
      outcome = { ...summary.outcome, kind: c.to, label: c.to === 'other' ? 'Other' : OUTCOME_KIND_LABELS[c.to], inferred: false };
      outcomeCorrected = true;
      continue;
    }
    if (c.field === 'added-fault') {
      addedFaults.push(c);
      continue;
    }
    if (c.field === 'added-remedy') {
      addedRemedies.push(c);
      continue;
    }
    const index = indexOfRef(summary, c.target);
    if (index < 0) {
      unmatched.push(c);
      continue;
    }
    if (c.field === 'removed') {
      if (c.target.item === 'fault') {
        if (faults[index]) removed.push({ item: 'fault', fault: summary.faults[index], correction: c });
        faults[index] = null;
      } else {
        if (remedies[index]) removed.push({ item: 'remedy', remedy: summary.remedies[index], correction: c });
        remedies[index] = null;
      }
      continue;
    }
    if (c.field === 'injustice') {
      const fault = faults[index];
      if (!fault) continue;
      fault.injustice = c.to;
      mark(changedFaults, index, 'injustice');
      continue;
    }
    const remedy = remedies[index];
    if (!remedy) continue;
    if (c.field === 'kind') remedy.kind = c.to;
    else if (c.field === 'amount') remedy.amount = c.to;
    else if (c.field === 'payee') remedy.payee = c.to;
    else remedy.deadline = c.to;
    mark(changedRemedies, index, c.field);
  }

  const corrected = new Set<CorrectedPath>();
  const byParagraph = <T extends { to: { paragraph: number | null } }>(items: T[]) =>
    [...items].sort((a, b) => (a.to.paragraph ?? Infinity) - (b.to.paragraph ?? Infinity));

  const outFaults: Fault[] = [];
  const faultOrigins: ItemOrigin[] = [];
  faults.forEach((f, i) => {
    if (!f) return;
    for (const field of changedFaults.get(i) ?? []) {
      const path = `faults[${outFaults.length}].${field}`;
      corrected.add(path);
      original.set(path, summary.faults[i]![field as keyof Fault]);
    }
    outFaults.push(f);
    faultOrigins.push({ ref: faultRef(summary.faults, i) });
  });
  for (const c of byParagraph(addedFaults)) {
    corrected.add(`faults[${outFaults.length}]`);
    outFaults.push(c.to);
    faultOrigins.push({ added: c });
  }
  const outRemedies: Remedy[] = [];
  const remedyOrigins: ItemOrigin[] = [];
  remedies.forEach((r, i) => {
    if (!r) return;
    for (const field of changedRemedies.get(i) ?? []) {
      const path = `remedies[${outRemedies.length}].${field}`;
      corrected.add(path);
      original.set(path, summary.remedies[i]![field as keyof Remedy]);
    }
    outRemedies.push(r);
    remedyOrigins.push({ ref: remedyRef(summary.remedies, i) });
  });
  for (const c of byParagraph(addedRemedies)) {
    corrected.add(`remedies[${outRemedies.length}]`);
    outRemedies.push(c.to);
    remedyOrigins.push({ added: c });
  }
  if (outcomeCorrected) {
    corrected.add('outcome.kind');
    original.set('outcome.kind', summary.outcome.kind);
  }
  const total = totalPayments(outRemedies);
  if (total !== summary.totalPayments) {
    corrected.add('totalPayments');
    original.set('totalPayments', summary.totalPayments);
  }
  return {
    summary: { ...summary, outcome, faults: outFaults, remedies: outRemedies, totalPayments: total },
    corrected,
    removed,
    unmatched,
    original,
    faultOrigins,
    remedyOrigins,
  };
}

/**
 * The names of the fields a case's corrections changed, for a CSV's `corrected` column and the
 * list's mark: `outcome.kind`, `faults.injustice`, `remedies.amount`, `faults.added`,
 * `remedies.removed`, `totalPayments`... sorted, each once. Unmatched corrections change nothing and are not named.
 */
export function correctedFieldNames(applied: AppliedCorrections): string[] {
  const names = new Set<string>();
  for (const path of applied.corrected) {
    const m = /^(faults|remedies)\[\d+\](?:\.(\w+))?$/.exec(path);
    names.add(m ? `${m[1]}.${m[2] ?? 'added'}` : path);
  }
  for (const r of applied.removed) names.add(`${r.item === 'fault' ? 'faults' : 'remedies'}.removed`);
  return [...names].sort();
}

/**
 * The correction with `from` set to what this summary's parser read, when its item is found: the
 * value a correction records as the parser's comes from the saved summary, not from the sender.
 */
export function withParserValue(summary: DecisionSummary, c: Correction): Correction {
  if (c.field === 'outcome') return { ...c, from: summary.outcome.kind };
  if (c.field === 'removed' || c.field === 'added-fault' || c.field === 'added-remedy') return c;
  const index = indexOfRef(summary, c.target);
  if (index < 0) return c;
  if (c.field === 'injustice') return { ...c, from: summary.faults[index]!.injustice };
  const remedy = summary.remedies[index]!;
  if (c.field === 'kind') return { ...c, from: remedy.kind };
  if (c.field === 'amount') return { ...c, from: remedy.amount };
  if (c.field === 'payee') return { ...c, from: remedy.payee };
  return { ...c, from: remedy.deadline };
}

/**
 * Two copies of one case's corrections (an import of a case already saved, an undo): the library's
 * own, then those of the other copy it has no correction of the same key for. As a spread, so a case
 * with none keeps no field for them.
 */
export function mergeCorrectionLists(
  existing: readonly Correction[] | undefined,
  incoming: readonly Correction[] | undefined,
): { corrections?: Correction[] } {
  const have = new Set((existing ?? []).map(correctionKey));
  const merged = [...(existing ?? []), ...(incoming ?? []).filter((c) => !have.has(correctionKey(c)))];
  return merged.length > 0 ? { corrections: merged.slice(0, MAX_CORRECTIONS) } : {};
}

/** A saved case as the person reads it: its summary with its corrections applied (comparison, case pack, any view of the whole summary). */
export function withCorrectionsApplied<T extends { summary: DecisionSummary; corrections?: readonly Correction[] }>(c: T): T {
  return c.corrections?.length ? { ...c, summary: applyCorrections(c.summary, c.corrections).summary } : c;
}

const FIELD_TEXT: Record<CorrectionField, string> = {
  outcome: 'outcome',
  injustice: 'a fault’s injustice',
  kind: 'a remedy’s kind',
  amount: 'an amount',
  payee: 'a payee',
  deadline: 'a deadline',
  removed: 'removed an item',
  'added-fault': 'added a fault',
  'added-remedy': 'added a remedy',
};

/** "You corrected: outcome, an amount": what a list row's "corrected" mark says on hover. */
export function correctionsText(corrections: readonly Correction[]): string {
  return `You corrected: ${[...new Set(corrections.map((c) => FIELD_TEXT[c.field]))].join(', ')}`;
}
