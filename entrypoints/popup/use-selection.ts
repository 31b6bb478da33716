/**
 * The ticked cases (for the comparison and for actions on "these cases"), and the scope those
 * actions take (lib/library/export-scope.ts). An action on the selection reads `scope` from here.
 */
import { useMemo, useState } from 'preact/hooks';
import { exportScope } from '../../lib/library/export-scope';
import type { CaseEntry } from '../../lib/library/saved-case';

/**
 * @param byReference every case read, by reference: a ticked case deleted since drops out of `cases`.
 * @param shown the list as shown, the scope when nothing is ticked.
 */
export function useSelection(byReference: ReadonlyMap<string, CaseEntry>, shown: readonly CaseEntry[], filtering: boolean) {
  const [selected, setSelected] = useState<string[]>([]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const cases = useMemo(() => selected.flatMap((r) => byReference.get(r) ?? []), [selected, byReference]);
  function toggle(reference: string) {
    setSelected((s) => (s.includes(reference) ? s.filter((r) => r !== reference) : [...s, reference]));
  }
  return { references: selected, selectedSet, cases, toggle, scope: exportScope(cases, shown, filtering) };
}
