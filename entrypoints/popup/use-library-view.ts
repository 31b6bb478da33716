/**
 * The view picked (list, comparison, figures, a case's saved copy), and the cases the comparison
 * needs, read only while it is shown (lib/library/library-view.ts decides what is drawn). The
 * figures are counted by the view itself (LibraryFigures.tsx), in the chunk that draws them.
 */
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../components/use-live-query';
import type { CaseStore } from '../../lib/library/case-store';
import type { View } from '../../lib/library/library-view';

/** @param selected the ticked references, compared. */
export function useLibraryView(store: CaseStore, selected: readonly string[]) {
  const [view, setView] = useState<View>({ kind: 'list' });
  // The comparison needs whole summaries: read only the selected ones, only while it is shown.
  const comparing = view.kind === 'compare';
  const compared = useLiveQuery(() => (comparing ? store.full(selected) : null), [store, comparing, selected]);
  return { view, setView, compared };
}
