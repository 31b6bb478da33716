/** The list as shown: the library filtered and sorted by the remembered prefs, the filter menus' values, and each case's related pages. */
import { useMemo } from 'preact/hooks';
import { facetValues, filterCases, sortCases } from '../../lib/library/filters';
import type { ListPrefs } from '../../lib/library/list-prefs';
import { relatedReferences } from '../../lib/library/related-cases';
import type { CaseEntry } from '../../lib/library/saved-case';

export function useShownCases(all: CaseEntry[], prefs: ListPrefs) {
  const byReference = useMemo(() => new Map(all.map((c) => [c.reference, c])), [all]);
  const facets = useMemo(() => facetValues(all), [all]);
  const relatedOf = useMemo(() => relatedReferences(all), [all]);
  const filtered = useMemo(() => filterCases(all, prefs.filter), [all, prefs.filter]);
  const shown = useMemo(() => sortCases(filtered, prefs.sortKey, prefs.sortDir), [filtered, prefs.sortKey, prefs.sortDir]);
  return { byReference, facets, relatedOf, filtered, shown };
}
