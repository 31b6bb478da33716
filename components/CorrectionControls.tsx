/**
 * Correcting what the parser read, in place: a small "Correct" button on each fault and remedy
 * (and the outcome) opens a form under it; "Remove" takes out an item that is not what it claims;
 * "Add from selection" adds one the parser missed, from the sentence selected in the page.
 * Presentational, like the rest of the sidebar: the corrections come in as an `AppliedCorrections`
 * and go out as `Correction`s through callbacks; the sidebar's owner stores them.
 *
 * A corrected value is marked "corrected", with the parser's reading in its title (on hover, and
 * read out by screen readers as the mark's label).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AppliedCorrections, Correction, ItemOrigin } from '../lib/library/corrections';
import { correctionKey } from '../lib/library/corrections';
import type { DeadlineUnit, Fault, Injustice, OutcomeKind, Remedy, RemedyKind } from '../lib/schema';
import { INJUSTICE_TEXT, OUTCOME_TEXT, REMEDY_TEXT, formatPounds } from '../lib/display-text';

/** A sentence the person selected in the page, as the content script read it (see selected-sentence.ts). */
export interface SelectedSentence {
  block: number;
  paragraph: number | null;
  sentence: string;
}

export interface CorrectionsProps {
  applied: AppliedCorrections;
  /** The case's corrections as stored (what `applied` was made from). */
  corrections: readonly Correction[];
  onSet: (correction: Correction) => void;
  onRevert: (key: string) => void;
  /** The sentence selected in the page, or why there is none; absent where there is no page (the library). */
  pickSentence?: () => SelectedSentence | string;
  /** The time a correction is made (injected so tests can fix it). */
  now: () => string;
  /** The last correction's failure, in words. */
  error?: string | null;
}

/** Deadline units, in the order the drop-down offers them. */
const UNIT_TEXT: Record<DeadlineUnit, string> = {
  day: 'days',
  'working-day': 'working days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number') return formatPounds(value);
  if (typeof value === 'object' && value && 'text' in value) return String((value as { text: string }).text);
  const text = String(value);
  return INJUSTICE_TEXT[text as Injustice] ?? REMEDY_TEXT[text as RemedyKind] ?? OUTCOME_TEXT[text as OutcomeKind] ?? text;
}

/** "corrected", when `path` is a corrected value; the parser's reading in its title. */
export function CorrectedMark({ applied, path }: { applied: AppliedCorrections | null | undefined; path: string }) {
  if (!applied?.corrected.has(path)) return null;
  const original = applied.original.has(path) ? `the parser read: ${describe(applied.original.get(path))}` : 'added by you';
  return (
    <span class="ol-corrected" title={`Corrected; ${original}`} aria-label={`corrected; ${original}`}>
      corrected
    </span>
  );
}

/** The corrections of one item, for its "Undo corrections" button. */
function keysOf(origin: ItemOrigin, corrections: readonly Correction[]): string[] {
  if ('added' in origin) return [correctionKey(origin.added)];
  const ref = JSON.stringify(origin.ref);
  return corrections.flatMap((c) => ('target' in c && JSON.stringify(c.target) === ref ? [correctionKey(c)] : []));
}

/** A drop-down of a value's choices, each shown by its label. */
function ChoiceSelect<T extends string>(props: { labels: Record<T, string>; value: T; onChange: (value: T) => void; ariaLabel?: string }) {
  return (
    <select
      aria-label={props.ariaLabel}
      value={props.value}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}
    >
      {(Object.keys(props.labels) as T[]).map((k) => (
        <option key={k} value={k}>
          {props.labels[k]}
        </option>
      ))}
    </select>
  );
}

/**
 * The "Correct" toggle of a fault or remedy and its form: the item's own fields, then "Remove" (an
 * item the person added is taken back; one the parser read is marked removed) and, once the
 * parser's item has corrections, "Undo corrections".
 */
function ItemCorrector(props: {
  corrections: CorrectionsProps;
  origin: ItemOrigin;
  item: 'fault' | 'remedy';
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const { corrections, origin } = props;
  const remove = () => {
    if ('added' in origin) corrections.onRevert(correctionKey(origin.added));
    else corrections.onSet({ field: 'removed', target: origin.ref, at: corrections.now() });
  };
  const keys = keysOf(origin, corrections.corrections);
  return (
    <div class="ol-correct">
      <button type="button" class="ol-link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Done' : 'Correct'}
      </button>
      {open && (
        <div class="ol-correct-form">
          {props.children}
          <button type="button" class="ol-button" onClick={remove}>
            Remove: not a {props.item}
          </button>
          {keys.length > 0 && !('added' in origin) && (
            <button type="button" class="ol-button" onClick={() => keys.forEach(corrections.onRevert)}>
              Undo corrections
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function FaultCorrector({ props, index, fault }: { props: CorrectionsProps; index: number; fault: Fault }) {
  const origin = props.applied.faultOrigins[index];
  if (!origin) return null;
  const set = (injustice: Injustice) => {
    if ('added' in origin && origin.added.field === 'added-fault')
      props.onSet({ ...origin.added, to: { ...origin.added.to, injustice }, at: props.now() });
    else if ('ref' in origin && origin.ref.item === 'fault')
      props.onSet({ field: 'injustice', target: origin.ref, from: fault.injustice, to: injustice, at: props.now() });
  };
  return (
    <ItemCorrector corrections={props} origin={origin} item="fault">
      <label>
        Injustice <ChoiceSelect labels={INJUSTICE_TEXT} value={fault.injustice} onChange={set} />
      </label>
    </ItemCorrector>
  );
}

function parseAmount(text: string): number | null | undefined {
  const t = text.replace(/[£,\s]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : undefined;
}

export function RemedyCorrector({ props, index, remedy }: { props: CorrectionsProps; index: number; remedy: Remedy }) {
  const [amountText, setAmountText] = useState(remedy.amount === null ? '' : String(remedy.amount));
  const [amountError, setAmountError] = useState<string | null>(null);
  const origin = props.applied.remedyOrigins[index];
  if (!origin) return null;
  const at = props.now;
  /** One field changed: a correction of the parser's item, or the added item replaced. */
  const change = <K extends 'kind' | 'amount' | 'payee' | 'deadline'>(field: K, to: Remedy[K]) => {
    if ('added' in origin) {
      if (origin.added.field === 'added-remedy') props.onSet({ ...origin.added, to: { ...origin.added.to, [field]: to }, at: at() });
      return;
    }
    if (origin.ref.item !== 'remedy') return;
    props.onSet({ field, target: origin.ref, from: remedy[field], to, at: at() } as Correction);
  };
  const saveAmount = () => {
    const amount = parseAmount(amountText);
    if (amount === undefined) {
      setAmountError('Enter a sum in pounds, like 250 or 1,950.50, or leave it empty.');
      return;
    }
    setAmountError(null);
    if (amount !== remedy.amount) change('amount', amount);
  };
  const deadline = remedy.deadline;
  const setDeadline = (count: number, unit: DeadlineUnit) =>
    change(
      'deadline',
      count > 0 ? { count, unit, text: `within ${count} ${count === 1 ? UNIT_TEXT[unit].replace(/s$/, '') : UNIT_TEXT[unit]}` } : null,
    );
  return (
    <ItemCorrector corrections={props} origin={origin} item="remedy">
      <label>
        Kind <ChoiceSelect labels={REMEDY_TEXT} value={remedy.kind} onChange={(kind) => change('kind', kind)} />
      </label>
      <label>
        Amount (£){' '}
        <input
          type="text"
          inputMode="decimal"
          size={9}
          value={amountText}
          onInput={(e) => setAmountText((e.currentTarget as HTMLInputElement).value)}
          onBlur={saveAmount}
          onKeyDown={(e) => e.key === 'Enter' && saveAmount()}
        />
      </label>
      {amountError && (
        <span class="ol-error" role="alert">
          {amountError}
        </span>
      )}
      <label>
        To{' '}
        <input
          type="text"
          size={12}
          defaultValue={remedy.payee ?? ''}
          onBlur={(e) => {
            const payee = (e.currentTarget as HTMLInputElement).value.trim() || null;
            if (payee !== remedy.payee) change('payee', payee);
          }}
        />
      </label>
      <label>
        Within{' '}
        <input
          type="number"
          min={0}
          max={999}
          style={{ width: '4em' }}
          defaultValue={deadline ? String(deadline.count) : ''}
          aria-label="Deadline: how many"
          onBlur={(e) => {
            const count = Math.trunc(Number((e.currentTarget as HTMLInputElement).value) || 0);
            if (count !== (deadline?.count ?? 0)) setDeadline(count, deadline?.unit ?? 'week');
          }}
        />{' '}
        <ChoiceSelect
          labels={UNIT_TEXT}
          value={deadline?.unit ?? 'week'}
          ariaLabel="Deadline: unit"
          onChange={(unit) => deadline && setDeadline(deadline.count, unit)}
        />
      </label>
    </ItemCorrector>
  );
}

export function OutcomeCorrector({ props, kind, parserKind }: { props: CorrectionsProps; kind: OutcomeKind; parserKind: OutcomeKind }) {
  const [open, setOpen] = useState(false);
  return (
    <span class="ol-correct ol-correct-outcome">
      <button type="button" class="ol-link-button" aria-expanded={open} aria-label="Correct the outcome" onClick={() => setOpen(!open)}>
        {open ? 'Done' : 'Correct'}
      </button>
      {open && (
        <ChoiceSelect
          labels={OUTCOME_TEXT}
          value={kind}
          ariaLabel="Outcome"
          onChange={(to) => props.onSet({ field: 'outcome', from: parserKind, to, at: props.now() })}
        />
      )}
    </span>
  );
}

/** "Add from selection": select the sentence in the page, then press; the item carries that sentence as its evidence. */
export function AddFromSelection({ props, item }: { props: CorrectionsProps; item: 'fault' | 'remedy' }) {
  const [message, setMessage] = useState<string | null>(null);
  if (!props.pickSentence) return null;
  const add = () => {
    const picked = props.pickSentence!();
    if (typeof picked === 'string') {
      setMessage(picked);
      return;
    }
    setMessage(null);
    const at = props.now();
    if (item === 'fault')
      props.onSet({
        field: 'added-fault',
        to: {
          text: picked.sentence,
          paragraph: picked.paragraph,
          block: picked.block,
          heading: null,
          injustice: 'unstated',
          injusticeEvidence: null,
        },
        at,
      });
    else
      props.onSet({
        field: 'added-remedy',
        to: {
          kind: 'other',
          text: picked.sentence,
          paragraph: picked.paragraph,
          block: picked.block,
          source: 'statement',
          amount: null,
          payee: null,
          purpose: null,
          deadline: null,
        },
        at,
      });
  };
  return (
    <p class="ol-add">
      <button type="button" class="ol-link-button" onClick={add} title="Select the sentence in the decision first">
        {item === 'fault' ? 'Add a fault it missed, from the selected sentence' : 'Add a remedy it missed, from the selected sentence'}
      </button>
      {message && (
        <span class="ol-error" role="alert">
          {message}
        </span>
      )}
    </p>
  );
}

/** Corrections whose item the parser no longer reads: listed so they are never lost silently. */
export function UnmatchedCorrections({ props }: { props: CorrectionsProps }) {
  const { unmatched, removed } = props.applied;
  if (unmatched.length === 0 && removed.length === 0) return null;
  return (
    <details class="ol-corrections-extra">
      <summary>
        Your corrections: {removed.length} removed{unmatched.length > 0 ? `, ${unmatched.length} no longer matched` : ''}
      </summary>
      <ul>
        {removed.map((r) => (
          <li key={correctionKey(r.correction)}>
            Removed {r.item}: “{(r.fault?.text ?? r.remedy?.text ?? '').slice(0, 120)}”{' '}
            <button type="button" class="ol-link-button" onClick={() => props.onRevert(correctionKey(r.correction))}>
              Put back
            </button>
          </li>
        ))}
        {unmatched.map((c) => (
          <li key={correctionKey(c)}>
            Not matched since a parser update ({c.field}
            {'target' in c ? `: “${c.target.sentence.slice(0, 120)}”` : ''}){' '}
            <button type="button" class="ol-link-button" onClick={() => props.onRevert(correctionKey(c))}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
