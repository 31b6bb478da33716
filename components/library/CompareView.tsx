/**
 * Two or more saved cases side by side: one column per case, one row per aspect.
 * A cell whose value differs from the first column's is marked, by colour and by
 * a visually hidden "differs" for screen readers.
 *
 * "Differs" compares what a reader compares, not the wording: faults by their
 * injustice findings, remedies by kind, amount and deadline, law by the cited
 * sections. Two faults worded differently but with the same findings are "the same".
 */
import type { ComponentChildren } from 'preact';
import { correctionsText, withCorrectionsApplied } from '../../lib/library/corrections';
import type { SavedCase } from '../../lib/library/saved-case';
import { statuteKey } from '../../lib/library/saved-case';
import { formatDate, formatPounds, INJUSTICE_TEXT, REMEDY_TEXT } from '../../lib/display-text';
import { OutcomeBadge } from '../OutcomeBadge';
import { areaText } from './CaseList';

export interface CompareRow {
  label: string;
  /** What the difference is judged on, one per case. */
  keys: string[];
  render: (c: SavedCase) => ComponentChildren;
}

function list<T>(items: readonly T[], empty: string, item: (x: T) => ComponentChildren): ComponentChildren {
  if (items.length === 0) return <span class="ol-muted">{empty}</span>;
  return (
    <ul class="ol-cell-list">
      {items.map((x, i) => (
        <li key={i}>{item(x)}</li>
      ))}
    </ul>
  );
}

const sorted = (xs: string[]) => [...xs].sort().join('|');

function lawOf(c: SavedCase) {
  return c.summary.statutes.filter((s) => !s.jurisdiction);
}

/** The rows of the comparison, in reading order. */
export function compareRows(cases: readonly SavedCase[]): CompareRow[] {
  const row = (label: string, key: (c: SavedCase) => string, render: (c: SavedCase) => ComponentChildren): CompareRow => ({
    label,
    keys: cases.map(key),
    render,
  });
  return [
    row(
      'Outcome',
      (c) => c.summary.outcome.kind,
      (c) => <OutcomeBadge outcome={c.summary.outcome} />,
    ),
    row(
      'Decision date',
      (c) => c.summary.decisionDate ?? '',
      (c) => formatDate(c.summary.decisionDate),
    ),
    row(
      'Organisation',
      (c) => c.summary.authority ?? '',
      (c) => c.summary.authority ?? 'Not named',
    ),
    row('Area / topic', areaText, areaText),
    row(
      'Complainant',
      (c) => c.summary.complainant ?? '',
      (c) => c.summary.complainant ?? <span class="ol-muted">Not named</span>,
    ),
    row(
      'Faults',
      (c) => sorted(c.summary.faults.map((f) => f.injustice)),
      (c) =>
        list(c.summary.faults, 'None found', (f) => (
          <>
            <span class={`ol-tag ol-injustice-${f.injustice}`}>{INJUSTICE_TEXT[f.injustice]}</span>{' '}
            <span class="ol-cell-text">{f.text}</span>
          </>
        )),
    ),
    row(
      'Remedies',
      (c) =>
        sorted(c.summary.remedies.map((r) => `${r.kind}:${r.amount ?? ''}:${r.deadline ? `${r.deadline.count} ${r.deadline.unit}` : ''}`)),
      (c) =>
        list(c.summary.remedies, 'None', (r) => (
          <>
            <span class="ol-tag">{REMEDY_TEXT[r.kind]}</span>
            {r.amount !== null && <strong> {formatPounds(r.amount)}</strong>}
            {r.deadline && <span class="ol-muted"> · {r.deadline.text}</span>}
          </>
        )),
    ),
    row(
      'Total paid',
      (c) => String(c.summary.totalPayments),
      (c) => <strong>{formatPounds(c.summary.totalPayments)}</strong>,
    ),
    row(
      'Law cited',
      (c) => sorted([...new Set(lawOf(c).map(statuteKey))]),
      (c) => list([...new Set(lawOf(c).map(statuteKey))], 'None', (k) => k),
    ),
    row(
      'Guidance',
      (c) => sorted(c.summary.guidance.map((g) => g.title)),
      (c) => list(c.summary.guidance, 'None', (g) => g.title),
    ),
    row(
      'Regulators',
      (c) => sorted([...new Set(c.summary.regulators.map((r) => r.name))]),
      (c) => list([...new Set(c.summary.regulators.map((r) => r.name))], 'None', (n) => n),
    ),
  ];
}

export interface CompareViewProps {
  /** The selected cases, in the order they are to appear. */
  cases: readonly SavedCase[];
  onBack: () => void;
  /** Take one case out of the comparison. */
  onRemove?: (reference: string) => void;
}

export function CompareView({ cases: saved, onBack, onRemove }: CompareViewProps) {
  // Compared as the person reads them: with their corrections (lib/library/corrections.ts).
  const cases = saved.map(withCorrectionsApplied);
  const back = (
    <button type="button" class="ol-button" onClick={onBack}>
      <span aria-hidden="true">← </span>Back to list
    </button>
  );
  if (cases.length < 2) {
    return (
      <section class="ol-compare" aria-labelledby="ol-compare-title">
        <h2 id="ol-compare-title" class="ol-view-title">
          Compare cases
        </h2>
        <p>Tick two or more cases in the list to compare them side by side.</p>
        {back}
      </section>
    );
  }
  const rows = compareRows(cases);
  return (
    <section class="ol-compare" aria-labelledby="ol-compare-title">
      <div class="ol-view-head">
        <h2 id="ol-compare-title" class="ol-view-title">
          Comparing {cases.length} cases
        </h2>
        <p class="ol-muted ol-legend-text">
          <span class="ol-differs-swatch" aria-hidden="true" /> differs from the first case
        </p>
        {back}
      </div>
      <div class="ol-compare-scroll" role="region" aria-label="Comparison table" tabIndex={0}>
        <table class="ol-compare-table">
          <thead>
            <tr>
              <td />
              {cases.map((c) => (
                <th key={c.reference} scope="col">
                  <span class="ol-compare-head">
                    <span>
                      <span class="ol-ref">{c.reference}</span>
                      <span class="ol-compare-org">{c.summary.authority}</span>
                      {c.corrections?.length ? (
                        <span class="ol-corrected" title={correctionsText(c.corrections)}>
                          corrected
                        </span>
                      ) : null}
                    </span>
                    {onRemove && (
                      <button
                        type="button"
                        class="ol-icon"
                        aria-label={`Remove ${c.reference} from the comparison`}
                        title="Remove from the comparison"
                        onClick={() => onRemove(c.reference)}
                      >
                        <span aria-hidden="true">✕</span>
                      </button>
                    )}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {cases.map((c, i) => {
                  const differs = i > 0 && r.keys[i] !== r.keys[0];
                  return (
                    <td key={c.reference} class={differs ? 'ol-differs' : undefined}>
                      {r.render(c)}
                      {differs && <span class="ol-sr"> (differs)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
