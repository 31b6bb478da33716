/**
 * Search, filters and sort for the saved-cases list (and the figures, which are
 * computed over the same filter). Presentational: every change is a callback with
 * the whole next filter.
 */
import type { OrganisationKind, OutcomeKind } from '../../lib/schema';
import { OrganisationKindSchema, OutcomeKindSchema } from '../../lib/schema';
import type { CaseFilter, Facets, SortDirection, SortKey } from '../../lib/library/filters';
import { OUTCOME_TEXT } from '../../lib/display-text';

export const ORGANISATION_KIND_TEXT: Record<OrganisationKind, string> = {
  council: 'Council',
  'care-provider': 'Care provider',
  nhs: 'NHS',
  school: 'School',
  other: 'Other',
};

const SORTS: { key: SortKey; dir: SortDirection; label: string }[] = [
  { key: 'decisionDate', dir: 'desc', label: 'Decision date, newest first' },
  { key: 'decisionDate', dir: 'asc', label: 'Decision date, oldest first' },
  { key: 'savedAt', dir: 'desc', label: 'Saved, most recent first' },
  { key: 'savedAt', dir: 'asc', label: 'Saved, earliest first' },
  { key: 'totalPayments', dir: 'desc', label: 'Total paid, highest first' },
  { key: 'totalPayments', dir: 'asc', label: 'Total paid, lowest first' },
];

export interface FilterBarProps {
  filter: CaseFilter;
  /** The values present in the library, for the menus. */
  facets: Facets;
  sortKey: SortKey;
  sortDir: SortDirection;
  onFilterChange: (next: CaseFilter) => void;
  onSortChange: (key: SortKey, dir: SortDirection) => void;
  onClear: () => void;
  /** Cases matching the filter, and in the library (null while the library is being counted). */
  shown: number;
  total: number | null;
  /** False where order does not matter (the figures). */
  showSort?: boolean;
}

/** Whether anything narrows the list. */
export function isFiltering(f: CaseFilter): boolean {
  return (
    f.text.trim() !== '' ||
    f.outcome.length > 0 ||
    f.area !== null ||
    f.topic !== null ||
    f.organisation !== null ||
    f.organisationKind !== null ||
    f.year !== null ||
    f.tag !== null ||
    f.hasPayment ||
    f.statute !== null
  );
}

const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;

/** A labelled menu of the facet's values, "Any" first; a chosen value no longer present stays listed. */
function FacetSelect(props: {
  label: string;
  any: string;
  values: readonly string[];
  current: string | null;
  onChange: (v: string | null) => void;
}) {
  const values = props.current !== null && !props.values.includes(props.current) ? [props.current, ...props.values] : props.values;
  return (
    <label>
      {props.label}
      <select value={props.current ?? ''} onChange={(e) => props.onChange(value(e) || null)}>
        <option value="">{props.any}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar(props: FilterBarProps) {
  const { filter, facets } = props;
  const set = (patch: Partial<CaseFilter>) => props.onFilterChange({ ...filter, ...patch });
  const outcome = filter.outcome.length === 1 ? filter.outcome[0]! : '';
  return (
    <form class="ol-filters" role="search" aria-label="Filter saved cases" onSubmit={(e) => e.preventDefault()}>
      <label class="ol-search">
        Search
        <input
          type="search"
          value={filter.text}
          placeholder="Organisation, summary, tags, notes…"
          onInput={(e) => set({ text: value(e) })}
        />
      </label>
      <label>
        Outcome
        <select value={outcome} onChange={(e) => set({ outcome: value(e) ? [value(e) as OutcomeKind] : [] })}>
          <option value="">Any outcome</option>
          {OutcomeKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {OUTCOME_TEXT[k]}
            </option>
          ))}
        </select>
      </label>
      <FacetSelect label="Area" any="Any area" values={facets.areas} current={filter.area} onChange={(area) => set({ area })} />
      <FacetSelect label="Topic" any="Any topic" values={facets.topics} current={filter.topic} onChange={(topic) => set({ topic })} />
      <FacetSelect
        label="Organisation"
        any="Any organisation"
        values={facets.organisations}
        current={filter.organisation}
        onChange={(organisation) => set({ organisation })}
      />
      <label>
        Organisation kind
        <select
          value={filter.organisationKind ?? ''}
          onChange={(e) => set({ organisationKind: (value(e) || null) as OrganisationKind | null })}
        >
          <option value="">Any kind</option>
          {OrganisationKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {ORGANISATION_KIND_TEXT[k]}
            </option>
          ))}
        </select>
      </label>
      <FacetSelect
        label="Year"
        any="Any year"
        values={facets.years.map(String)}
        current={filter.year === null ? null : String(filter.year)}
        onChange={(y) => set({ year: y === null ? null : Number(y) })}
      />
      <FacetSelect label="Tag" any="Any tag" values={facets.tags} current={filter.tag} onChange={(tag) => set({ tag })} />
      <FacetSelect
        label="Law cited"
        any="Any statute"
        values={facets.statutes}
        current={filter.statute}
        onChange={(statute) => set({ statute })}
      />
      <div class="ol-filter-summary">
        <label class="ol-check">
          <input type="checkbox" checked={filter.hasPayment} onChange={(e) => set({ hasPayment: e.currentTarget.checked })} />
          Has a payment
        </label>
        {props.showSort !== false && (
          <label class="ol-sort">
            Sort
            <select
              value={`${props.sortKey}:${props.sortDir}`}
              onChange={(e) => {
                const chosen = SORTS.find((s) => `${s.key}:${s.dir}` === value(e));
                if (chosen) props.onSortChange(chosen.key, chosen.dir);
              }}
            >
              {SORTS.map((s) => (
                <option key={`${s.key}:${s.dir}`} value={`${s.key}:${s.dir}`}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <span role="status" class="ol-shown">
          {props.total === null
            ? 'Counting the cases…'
            : isFiltering(filter)
              ? `${props.shown.toLocaleString('en-GB')} of ${props.total.toLocaleString('en-GB')} cases match`
              : `${props.total.toLocaleString('en-GB')} ${props.total === 1 ? 'case' : 'cases'}`}
        </span>
        <button type="button" class="ol-button" onClick={props.onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
