/**
 * Which cases an action on "these cases" takes (an export, the case pack): the ticked ones, in the
 * order ticked; with none ticked, the cases the list shows, in its order. `source` says which, for
 * the buttons' wording ("2 cases selected", "5 cases shown").
 */
export type ScopeSource = 'selection' | 'filter' | 'all';

export interface ExportScope<T> {
  cases: readonly T[];
  count: number;
  source: ScopeSource;
}

/** @param filtering whether a filter narrows the list (then the list's cases are "shown", not all). */
export function exportScope<T>(selected: readonly T[], shown: readonly T[], filtering: boolean): ExportScope<T> {
  const cases = selected.length > 0 ? selected : shown;
  return { cases, count: cases.length, source: selected.length > 0 ? 'selection' : filtering ? 'filter' : 'all' };
}
