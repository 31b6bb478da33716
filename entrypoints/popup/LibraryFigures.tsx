/**
 * The figures view over the cases the filter shows: counted here and drawn by FiguresView. The popup
 * loads this module, a chunk of its own, when the figures are first opened (components/lazy-view.tsx).
 */
import { useMemo } from 'preact/hooks';
import { FiguresView } from '../../components/library/FiguresView';
import { computeFigures } from '../../lib/library/figures';
import type { CaseEntry } from '../../lib/library/saved-case';

export interface LibraryFiguresProps {
  /** The cases matching the filter. */
  cases: readonly CaseEntry[];
  /** "all 240 saved cases", "the 12 cases matching the filters". */
  scope: string;
}

export function LibraryFigures({ cases, scope }: LibraryFiguresProps) {
  const figures = useMemo(() => computeFigures(cases), [cases]);
  return <FiguresView figures={figures} scope={scope} />;
}
