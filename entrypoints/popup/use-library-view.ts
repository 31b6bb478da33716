/**
 * The view picked (list, comparison, figures, a case's saved copy), and what the comparison and the
 * figures need, computed only while they are shown (lib/library/library-view.ts decides what is drawn).
 */
import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../../components/use-live-query';
import type { CaseStore } from '../../lib/library/case-store';
import { computeFigures } from '../../lib/library/figures';
import type { View } from '../../lib/library/library-view';
import type { CaseEntry } from '../../lib/library/saved-case';

/**
 * @param selected the ticked references, compared.
 * @param filtered the cases matching the filter, counted in the figures.
 */
export function useLibraryView(store: CaseStore, selected: readonly string[], filtered: readonly CaseEntry[]) {
  const [view, setView] = useState<View>({ kind: 'list' });
  // The comparison needs whole summaries: read only the selected ones, only while it is shown.
  const comparing = view.kind === 'compare';
  const compared = useLiveQuery(() => (comparing ? store.full(selected) : null), [store, comparing, selected]);
  const figures = useMemo(() => (view.kind === 'figures' ? computeFigures(filtered) : null), [view.kind, filtered]);
  return { view, setView, compared, figures };
}
