/**
 * A case's saved copy, opened from the list: its stored text (read and unzipped when the view opens),
 * its whole summary with corrections (read live: a correction made here or in a sidebar shows at
 * once), and the saving of its tags, note and corrections. The view goes back to the list when the
 * case is deleted, here or in another window.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NotesSaveState } from '../../components/library/CaseList';
import { useLiveQuery } from '../../components/use-live-query';
import type { CaseStore, NotesBase } from '../../lib/library/case-store';
import type { Correction } from '../../lib/library/corrections';
import type { View } from '../../lib/library/library-view';
import type { CaseEntry } from '../../lib/library/saved-case';

/**
 * @param byReference every case read, by reference: the copy's record is looked up here, not kept,
 *   since the live query hands over new record objects on every write.
 * @param libraryRead whether the whole library has been read, so a case missing from it has gone.
 */
export function useSavedCopy(
  store: CaseStore,
  view: View,
  setView: (view: View) => void,
  byReference: ReadonlyMap<string, CaseEntry>,
  libraryRead: boolean,
) {
  const [copy, setCopy] = useState<{ reference: string; text: string | null; error: string | null } | null>(null);
  const [notesState, setNotesState] = useState<NotesSaveState>('idle');
  const copyReference = view.kind === 'copy' ? view.reference : null;
  const record = copyReference === null ? undefined : byReference.get(copyReference);
  const recordPresent = record !== undefined;
  useEffect(() => {
    if (copyReference === null || !recordPresent) return;
    let live = true;
    setCopy({ reference: copyReference, text: null, error: null });
    void store.text(copyReference).then((text) => {
      if (!live) return;
      setCopy({
        reference: copyReference,
        text: text || null,
        error: text
          ? null
          : 'The stored copy of this decision could not be read: the record is damaged. Save the decision again from its page to repair it.',
      });
    });
    return () => {
      live = false;
    };
  }, [store, copyReference, recordPresent]);
  useEffect(() => {
    // Deleted (here or in another window) while its copy was open.
    if (copyReference !== null && !recordPresent && libraryRead) setView({ kind: 'list' });
  }, [copyReference, recordPresent, libraryRead, setView]);

  function show(c: CaseEntry) {
    setNotesState('idle');
    setView({ kind: 'copy', reference: c.reference });
  }

  /** Saves the open copy's tags and note. */
  async function saveNotes(tags: string[], note: string, base: NotesBase) {
    if (copyReference === null) return;
    setNotesState('saving');
    const result = await store.updateNotes(copyReference, tags, note, base);
    setNotesState(result.ok ? 'saved' : { error: result.message });
  }

  // The saved-copy view's case, whole (its summary and corrections), read live: a correction made here or in a sidebar shows at once.
  const full = useLiveQuery(() => (copyReference === null ? null : store.full([copyReference])), [store, copyReference]);
  const [correctionError, setCorrectionError] = useState<string | null>(null);
  async function correct(reference: string, change: { set: Correction } | { revert: string }) {
    const result = await store.correct(reference, change);
    setCorrectionError(result.ok ? null : result.message);
  }

  const own = record && copy?.reference === record.reference ? copy : null;
  return {
    record,
    text: own?.text ?? null,
    error: own?.error ?? null,
    full: full.status === 'ready' ? full.value?.cases[0] : undefined,
    show,
    notesState,
    saveNotes,
    correct,
    correctionError,
  };
}
