/**
 * Searching, filtering and sorting the saved cases in the popup. Pure functions
 * over the list `CaseStore.list()` returns, so the popup filters in memory as
 * the user types: with 10,000 cases a filter pass must stay well under a frame
 * budget, which is why each case's search text is built once and cached.
 */
import * as z from 'zod/mini';
import { OrganisationKindSchema, OutcomeKindSchema } from '../schema';
import type { CaseEntry } from './saved-case';

export const CaseFilterSchema = z.object({
  /** Words that must all appear (any order, any case) in the organisation, reference, summary, complainant, tags or note. */
  text: z.string().check(z.maxLength(500)),
  /** Empty: every outcome. */
  outcome: z.array(OutcomeKindSchema),
  area: z.nullable(z.string()),
  topic: z.nullable(z.string()),
  /** The organisation's name, as `summary.authority`. */
  organisation: z.nullable(z.string()),
  organisationKind: z.nullable(OrganisationKindSchema),
  year: z.nullable(z.int()),
  tag: z.nullable(z.string()),
  /** True: only cases with a payment. False: no restriction. */
  hasPayment: z.boolean(),
  /** A `statuteKey` ("Children Act 1989 s.47"). */
  statute: z.nullable(z.string()),
});
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

export function emptyFilter(): CaseFilter {
  return {
    text: '',
    outcome: [],
    area: null,
    topic: null,
    organisation: null,
    organisationKind: null,
    year: null,
    tag: null,
    hasPayment: false,
    statute: null,
  };
}

export const SortKeySchema = z.enum(['decisionDate', 'savedAt', 'totalPayments']);
export type SortKey = z.infer<typeof SortKeySchema>;
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/** Lower case, curly apostrophes and quotes made straight: "council’s" is found by "council's". */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

const searchTextCache = new WeakMap<CaseEntry, string>();

/** The text a search runs over, built once per case object. */
function searchText(c: CaseEntry): string {
  let text = searchTextCache.get(c);
  if (text === undefined) {
    const s = c.card;
    // The reference in both its printed and its address form ("19 015 077", "19-015-077").
    text = fold(
      [
        c.authority,
        c.reference,
        c.reference.replace(/ /g, '-'),
        s.title,
        s.summary ?? '',
        s.complainant ?? '',
        c.tags.join(' '),
        c.note,
      ].join('\n'),
    );
    searchTextCache.set(c, text);
  }
  return text;
}

export function filterCases(cases: readonly CaseEntry[], filter: CaseFilter): CaseEntry[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  const outcomes = new Set<string>(filter.outcome);
  return cases.filter(
    (c) =>
      (outcomes.size === 0 || outcomes.has(c.outcomeKind)) &&
      (filter.area === null || c.area === filter.area) &&
      (filter.topic === null || c.topic === filter.topic) &&
      (filter.organisation === null || c.authority === filter.organisation) &&
      (filter.organisationKind === null || c.organisationKind === filter.organisationKind) &&
      (filter.year === null || c.year === filter.year) &&
      (filter.tag === null || c.tags.includes(filter.tag)) &&
      (!filter.hasPayment || c.totalPayments > 0) &&
      (filter.statute === null || c.statuteKeys.includes(filter.statute)) &&
      (words.length === 0 || words.every((w) => searchText(c).includes(w))),
  );
}

/**
 * A sorted copy. Cases with no decision date go last in either direction (they
 * are not "oldest"); ties keep reference order so the list does not jump.
 */
export function sortCases(cases: readonly CaseEntry[], key: SortKey, dir: SortDirection): CaseEntry[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byReference = (a: CaseEntry, b: CaseEntry) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
  return [...cases].sort((a, b) => {
    if (key === 'decisionDate' && !a.decisionDate !== !b.decisionDate) return a.decisionDate ? -1 : 1;
    const x = a[key];
    const y = b[key];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order !== 0 ? sign * order : byReference(a, b);
  });
}

export interface Facets {
  areas: string[];
  topics: string[];
  organisations: string[];
  /** Ascending; unknown years (0) left out. */
  years: number[];
  tags: string[];
  statutes: string[];
}

/** The distinct values present, sorted, for the filter menus. */
export function facetValues(cases: readonly CaseEntry[]): Facets {
  const areas = new Set<string>();
  const topics = new Set<string>();
  const organisations = new Set<string>();
  const years = new Set<number>();
  const tags = new Set<string>();
  const statutes = new Set<string>();
  for (const c of cases) {
    if (c.area) areas.add(c.area);
    if (c.topic) topics.add(c.topic);
    organisations.add(c.authority);
    if (c.year) years.add(c.year);
    for (const t of c.tags) tags.add(t);
    for (const s of c.statuteKeys) statutes.add(s);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    areas: sorted(areas),
    topics: sorted(topics),
    organisations: sorted(organisations),
    years: [...years].sort((a, b) => a - b),
    tags: sorted(tags),
    statutes: sorted(statutes),
  };
}
