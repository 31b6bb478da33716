/**
 * Beside the library's share of upheld cases, the Ombudsman's published national uphold rate for
 * the same years (lib/library/national-figures.ts), with its source and its caveats. Both sides
 * count the same thing: upheld of those investigated in detail, closed-after-initial-enquiries
 * cases left out. Sources are data shown as text; their addresses are checked https links.
 */
import type { Figures } from '../../lib/library/figures';
import {
  CHANGE_OF_APPROACH_SOURCE,
  NATIONAL_CAVEAT,
  NATIONAL_UPHOLD_RATES,
  type NationalUpholdRate,
} from '../../lib/library/national-figures';

export interface NationalComparisonProps {
  years: Figures['investigatedByYear'];
  /** Cases closed after initial enquiries in the set: left out of the comparison, and said so. */
  closed: number;
  rates?: readonly NationalUpholdRate[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function NationalComparison({ years, closed, rates = NATIONAL_UPHOLD_RATES }: NationalComparisonProps) {
  const byYear = new Map(rates.map((r) => [r.year, r]));
  const shown = years.map((y) => ({ ...y, national: byYear.get(y.year) ?? null }));
  const caveats = new Map<string, string[]>();
  for (const y of shown) if (y.national?.caveat) caveats.set(y.national.caveat, [...(caveats.get(y.national.caveat) ?? []), y.year]);
  const changeOfApproach = shown.some((y) => y.year >= '2022-23');
  return (
    <section class="ol-national" aria-labelledby="ol-national-title">
      <h3 id="ol-national-title">Upheld: these cases and the national rate</h3>
      {shown.length === 0 ? (
        <p class="ol-muted">No case in this set was upheld or not upheld on a known date: nothing to compare with the national rate.</p>
      ) : (
        <div class="ol-data-scroll">
          <table class="ol-data-table">
            <thead>
              <tr>
                <th scope="col">Year (April to March)</th>
                <th scope="col">These cases upheld</th>
                <th scope="col">National rate</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((y) => {
                const investigated = y.upheld + y.notUpheld;
                return (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td>
                      {percent(y.upheld / investigated)} <span class="ol-muted">({`${y.upheld} of ${investigated}`})</span>
                    </td>
                    <td>{y.national ? `${y.national.upheldPercent}%` : 'No published figure found'}</td>
                    <td>
                      {y.national ? (
                        <a href={y.national.source.url} target="_blank" rel="noopener noreferrer">
                          {y.national.source.title}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p class="ol-muted ol-national-caveat">
        {NATIONAL_CAVEAT}
        {closed > 0 &&
          ` ${closed} ${closed === 1 ? 'case' : 'cases'} closed after initial enquiries in this set ${closed === 1 ? 'is' : 'are'} left out.`}
      </p>
      {[...caveats].map(([caveat, forYears]) => (
        <p key={caveat} class="ol-muted ol-national-caveat">
          {forYears.join(', ')}: {caveat}
        </p>
      ))}
      {changeOfApproach && (
        <p class="ol-muted ol-national-caveat">
          The change of approach:{' '}
          <a href={CHANGE_OF_APPROACH_SOURCE.url} target="_blank" rel="noopener noreferrer">
            {CHANGE_OF_APPROACH_SOURCE.title}
          </a>
          .
        </p>
      )}
    </section>
  );
}
