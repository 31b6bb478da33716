/**
 * Figures over the cases the current filter shows: counts, outcome shares,
 * payments, and what is most often agreed and cited. Two small charts are drawn
 * by hand in SVG (no chart library ships in the extension); each has a text
 * alternative and a data table with the same numbers.
 */
import type { ComponentChildren } from 'preact';
import type { Figures } from '../../lib/library/figures';
import { formatPounds, OUTCOME_TEXT, REMEDY_TEXT } from '../../lib/display-text';
import { NationalComparison } from './NationalComparison';

export interface FiguresViewProps {
  figures: Figures;
  /** "all 240 saved cases", "the 12 cases matching the filter". */
  scope: string;
}

/** Bars drawn in the payments chart; the table lists the same ones. */
export const MAX_PAYMENT_BARS = 60;
const MAX_ORGANISATIONS = 10;

const count = (n: number) => n.toLocaleString('en-GB');

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `corrected`: how many of the cases behind the value carry a correction of it (0: no mark). */
function Stat({ label, value, note, corrected = 0 }: { label: string; value: string; note?: string; corrected?: number }) {
  return (
    <div class="ol-stat">
      <dt>{label}</dt>
      <dd>
        {value}
        {corrected > 0 && (
          <span class="ol-corrected" title={`Counts your corrections of ${count(corrected)} ${corrected === 1 ? 'case' : 'cases'}`}>
            corrected
          </span>
        )}
        {note && <span class="ol-stat-note">{note}</span>}
      </dd>
    </div>
  );
}

function Ranked({ title, items, empty, more }: { title: string; items: { label: string; count: number }[]; empty: string; more?: string }) {
  const id = `ol-rank-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p class="ol-muted">{empty}</p>
      ) : (
        <ol class="ol-rank">
          {items.map((x) => (
            <li key={x.label}>
              <span title={x.label}>{x.label}</span>
              <span>{x.count}</span>
            </li>
          ))}
        </ol>
      )}
      {more && <p class="ol-muted">{more}</p>}
    </section>
  );
}

/** A round number at or above `max` for the axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const CHART_W = 340;
const CHART_H = 150;
const PAD_L = 44;
const PAD_B = 18;
const PAD_T = 8;

function PaymentsChart({ payments }: { payments: Figures['paymentsPerCase'] }) {
  const bars = payments.slice(0, MAX_PAYMENT_BARS);
  const top = niceCeiling(bars[0]?.amount ?? 0);
  const plotW = CHART_W - PAD_L - 4;
  const plotH = CHART_H - PAD_T - PAD_B;
  const slot = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  const label =
    bars.length === 0
      ? 'Payments per case: no case has a payment.'
      : `Payments per case, largest first: ${bars.length === payments.length ? `${bars.length} cases` : `the ${bars.length} largest of ${payments.length}`}, from ${formatPounds(bars[0]!.amount)} down to ${formatPounds(bars[bars.length - 1]!.amount)}.`;
  return (
    <figure class="ol-chart">
      <h3>Payments per case</h3>
      {bars.length === 0 ? (
        <p class="ol-muted">No case in this set has a payment.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${CHART_W} ${CHART_H}`} role="img" aria-label={label}>
            <title>{label}</title>
            <line class="ol-axis" x1={PAD_L} y1={PAD_T + plotH} x2={CHART_W - 4} y2={PAD_T + plotH} />
            <line class="ol-axis" x1={PAD_L} y1={PAD_T} x2={PAD_L} y2={PAD_T + plotH} />
            <text x={PAD_L - 4} y={PAD_T + 4} text-anchor="end">
              {formatPounds(top)}
            </text>
            <text x={PAD_L - 4} y={PAD_T + plotH} text-anchor="end">
              £0
            </text>
            <text x={PAD_L} y={CHART_H - 4}>
              {bars.length === payments.length
                ? `${bars.length} ${bars.length === 1 ? 'case' : 'cases'} with a payment`
                : `${bars.length} largest of ${payments.length}`}
            </text>
            {bars.map((b, i) => {
              const h = Math.max(1, (b.amount / top) * plotH);
              return (
                <rect
                  key={b.reference}
                  class="ol-bar"
                  x={PAD_L + i * slot + (slot - barW) / 2}
                  y={PAD_T + plotH - h}
                  width={barW}
                  height={h}
                >
                  <title>{`${b.reference}: ${formatPounds(b.amount)}${b.corrected ? ' (corrected by you)' : ''}`}</title>
                </rect>
              );
            })}
          </svg>
          <ChartDataTable caption="Payments per case" columns={['Case', 'Total paid']}>
            {bars.map((b) => (
              <tr key={b.reference}>
                <td>{b.reference}</td>
                <td>
                  {formatPounds(b.amount)}
                  {b.corrected && (
                    <span class="ol-corrected" title="This amount counts your corrections">
                      corrected
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </ChartDataTable>
        </>
      )}
    </figure>
  );
}

const SEGMENTS = [
  { key: 'upheld', label: OUTCOME_TEXT.upheld, cls: 'ol-seg-upheld' },
  { key: 'notUpheld', label: OUTCOME_TEXT['not-upheld'], cls: 'ol-seg-not-upheld' },
  { key: 'closed', label: OUTCOME_TEXT['closed-after-initial-enquiries'], cls: 'ol-seg-closed' },
  { key: 'other', label: 'Other', cls: 'ol-seg-other' },
] as const;

function OutcomesByYearChart({ years }: { years: Figures['outcomesByYear'] }) {
  const totals = years.map((y) => y.upheld + y.notUpheld + y.closed + y.other);
  const top = niceCeiling(Math.max(0, ...totals));
  const plotW = CHART_W - PAD_L - 4;
  const plotH = CHART_H - PAD_T - PAD_B;
  const slot = years.length > 0 ? plotW / years.length : plotW;
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  // Label every year when they fit, else every second or fifth.
  const every = slot >= 26 ? 1 : slot >= 13 ? 2 : 5;
  const label =
    years.length === 0
      ? 'Outcomes per year: no case has a known decision date.'
      : `Outcomes per year, ${years[0]!.year} to ${years[years.length - 1]!.year}: ${years
          .map((y) => `${y.year}: ${y.upheld} upheld, ${y.notUpheld} not upheld, ${y.closed} closed, ${y.other} other`)
          .join('; ')}.`;
  return (
    <figure class="ol-chart">
      <h3>Outcomes per year</h3>
      {years.length === 0 ? (
        <p class="ol-muted">No case in this set has a known decision date.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${CHART_W} ${CHART_H}`} role="img" aria-label={label}>
            <title>{label}</title>
            <line class="ol-axis" x1={PAD_L} y1={PAD_T + plotH} x2={CHART_W - 4} y2={PAD_T + plotH} />
            <line class="ol-axis" x1={PAD_L} y1={PAD_T} x2={PAD_L} y2={PAD_T + plotH} />
            <text x={PAD_L - 4} y={PAD_T + 4} text-anchor="end">
              {top}
            </text>
            <text x={PAD_L - 4} y={PAD_T + plotH} text-anchor="end">
              0
            </text>
            {years.map((y, i) => {
              const x = PAD_L + i * slot + (slot - barW) / 2;
              let base = PAD_T + plotH;
              return (
                <g key={y.year}>
                  {SEGMENTS.map((s) => {
                    const n = y[s.key];
                    if (n === 0) return null;
                    const h = (n / top) * plotH;
                    base -= h;
                    return (
                      <rect key={s.key} class={s.cls} x={x} y={base} width={barW} height={h}>
                        <title>{`${y.year}: ${n} ${s.label.toLowerCase()}`}</title>
                      </rect>
                    );
                  })}
                  {(i % every === 0 || i === years.length - 1) && (
                    <text x={x + barW / 2} y={CHART_H - 4} text-anchor="middle">
                      {y.year}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          <ul class="ol-chart-legend" aria-hidden="true">
            {SEGMENTS.map((s) => (
              <li key={s.key}>
                <span class={`ol-swatch ${s.cls}`} />
                {s.label}
              </li>
            ))}
          </ul>
          <ChartDataTable caption="Outcomes per year" columns={['Year', ...SEGMENTS.map((seg) => seg.label)]}>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                {SEGMENTS.map((seg) => (
                  <td key={seg.key}>{y[seg.key]}</td>
                ))}
              </tr>
            ))}
          </ChartDataTable>
        </>
      )}
    </figure>
  );
}

/**
 * Which figures count the person's corrections: the figures use corrected values throughout (the
 * list's entries are of the corrected summaries), so they can differ from what the parser read, and
 * a person relying on them should know by how much of the set.
 */
function CorrectedNote({ corrected, count: total }: { corrected: Figures['corrected']; count: number }) {
  if (corrected.cases === 0) return null;
  const parts = [
    corrected.outcome > 0 && `${count(corrected.outcome)} with a corrected outcome`,
    corrected.payments > 0 && `${count(corrected.payments)} with a corrected payment`,
  ].filter(Boolean);
  const who =
    total === 1
      ? 'This case carries'
      : `${count(corrected.cases)} of these ${count(total)} cases ${corrected.cases === 1 ? 'carries' : 'carry'}`;
  return (
    <p class="ol-figures-corrected">
      <span class="ol-corrected">corrected</span> {who} your corrections, and the figures count your values
      {parts.length > 0 ? ` (${parts.join(', ')})` : ''}.
    </p>
  );
}

/** The numbers behind a chart, folded under it: the accessible fallback of every chart. */
function ChartDataTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ComponentChildren }) {
  return (
    <details>
      <summary>Data table</summary>
      <div class="ol-data-scroll">
        <table class="ol-data-table">
          <caption class="ol-sr">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </details>
  );
}

export function FiguresView({ figures: f, scope }: FiguresViewProps) {
  const p = f.payments;
  return (
    <section class="ol-figures" aria-labelledby="ol-figures-title">
      <div class="ol-view-head">
        <h2 id="ol-figures-title" class="ol-view-title">
          Figures
        </h2>
        <p class="ol-muted ol-legend-text">Over {scope}.</p>
      </div>
      {f.count === 0 ? (
        <p>No case to count: clear or change the filters.</p>
      ) : (
        <>
          <dl class="ol-stat-grid">
            <Stat label="Cases" value={count(f.count)} />
            <Stat
              label={OUTCOME_TEXT.upheld}
              corrected={f.corrected.outcome}
              value={percent(f.outcomes.upheld.share)}
              note={`${count(f.outcomes.upheld.count)} of ${count(f.count)}`}
            />
            <Stat
              label={OUTCOME_TEXT['not-upheld']}
              corrected={f.corrected.outcome}
              value={percent(f.outcomes['not-upheld'].share)}
              note={`${count(f.outcomes['not-upheld'].count)} of ${count(f.count)}`}
            />
            <Stat
              label={OUTCOME_TEXT['closed-after-initial-enquiries']}
              corrected={f.corrected.outcome}
              value={percent(f.outcomes['closed-after-initial-enquiries'].share)}
              note={`${count(f.outcomes['closed-after-initial-enquiries'].count)} of ${count(f.count)}${f.outcomes.other.count > 0 ? `; ${count(f.outcomes.other.count)} other` : ''}`}
            />
            <Stat
              label="Total paid"
              corrected={f.corrected.payments}
              value={formatPounds(p.total)}
              note={`${count(p.casesWithPayment)} ${p.casesWithPayment === 1 ? 'case' : 'cases'} with a payment`}
            />
            <Stat
              label="Median payment"
              corrected={f.corrected.payments}
              value={p.median === null ? '—' : formatPounds(p.median)}
              note="of cases with a payment"
            />
            <Stat
              label="Smallest payment"
              corrected={f.paymentsPerCase.at(-1)?.corrected ? 1 : 0}
              value={p.min === null ? '—' : formatPounds(p.min)}
            />
            <Stat
              label="Largest payment"
              corrected={f.paymentsPerCase[0]?.corrected ? 1 : 0}
              value={p.max === null ? '—' : formatPounds(p.max)}
            />
          </dl>
          <CorrectedNote corrected={f.corrected} count={f.count} />
          <NationalComparison years={f.investigatedByYear} closed={f.outcomes['closed-after-initial-enquiries'].count} />
          <div class="ol-charts">
            <PaymentsChart payments={f.paymentsPerCase} />
            <OutcomesByYearChart years={f.outcomesByYear} />
          </div>
          <div class="ol-figure-columns">
            <Ranked
              title="Remedies most often agreed"
              items={f.remedyKinds.map((r) => ({ label: REMEDY_TEXT[r.kind], count: r.count }))}
              empty="No remedy agreed."
            />
            <Ranked
              title="Law most often cited"
              items={f.statutes.map((s) => ({ label: s.key, count: s.count }))}
              empty="No law of the case cited."
            />
            <Ranked
              title="Cases per organisation"
              items={f.organisations.slice(0, MAX_ORGANISATIONS).map((o) => ({ label: o.name, count: o.count }))}
              empty="None."
              more={
                f.organisations.length > MAX_ORGANISATIONS
                  ? `…and ${f.organisations.length - MAX_ORGANISATIONS} more organisations.`
                  : undefined
              }
            />
          </div>
        </>
      )}
    </section>
  );
}
