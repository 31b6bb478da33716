/**
 * A case's saved copy with its corrections panel: the copy (SavedCopyView) as stored, and above its
 * text the case as corrected, with the Correct controls, once the case's whole summary has been read.
 */
import { applyCorrections, type Correction } from '../../lib/library/corrections';
import type { SavedCase } from '../../lib/library/saved-case';
import { CaseCorrections } from './CaseCorrections';
import { SavedCopyView, type SavedCopyViewProps } from './CaseList';

export interface SavedCaseViewProps extends Omit<SavedCopyViewProps, 'corrections'> {
  /** The case whole (summary and corrections), read live; undefined while it is read. */
  full: SavedCase | undefined;
  onCorrect: (reference: string, change: { set: Correction } | { revert: string }) => void;
  /** The last correction's failure, in words. */
  correctionError: string | null;
}

export function SavedCaseView({ full, onCorrect, correctionError, ...copy }: SavedCaseViewProps) {
  const applied = full?.reference === copy.record.reference ? applyCorrections(full.summary, full.corrections ?? []) : null;
  return (
    <SavedCopyView
      {...copy}
      corrections={
        full && applied ? (
          <CaseCorrections
            correcting={{
              applied,
              corrections: full.corrections ?? [],
              onSet: (set) => onCorrect(full.reference, { set }),
              onRevert: (revert) => onCorrect(full.reference, { revert }),
              now: () => new Date().toISOString(),
              error: correctionError,
            }}
          />
        ) : null
      }
    />
  );
}
