/**
 * Delete with undo: a deleted case's record is kept in the "Deleted … Undo" toast, which Undo puts
 * back through the store (merging into a copy saved since, and saying so). The toast goes after a
 * while, but never from under the keyboard.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseStore } from '../../lib/library/case-store';
import type { CaseEntry, StoredCase } from '../../lib/library/saved-case';
import type { Messages } from './use-messages';

/** How long the "Deleted … Undo" toast stays when it does not have focus. */
const UNDO_MS = 10_000;

/** @param focusAfter takes the focus when the toast that had it closes, so the keyboard is not left on nothing. */
export function useUndoToast(store: CaseStore, { setProblem, setNotice }: Messages, focusAfter: RefObject<HTMLElement>) {
  const [toast, setToast] = useState<{ message: string; record: StoredCase } | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (toastTimer.current && clearTimeout(toastTimer.current)), []);

  function closeToast() {
    if (toastTimer.current) clearTimeout(toastTimer.current);
    toastTimer.current = null;
    const hadFocus = Boolean(document.activeElement?.closest('.ol-toast'));
    setToast(null);
    if (hadFocus) focusAfter.current?.focus();
  }

  function startToastTimer() {
    if (toastTimer.current) clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(function tick() {
      // Never pull the toast from under the keyboard: wait while it has focus.
      if (document.activeElement?.closest('.ol-toast')) toastTimer.current = setTimeout(tick, 1000);
      else {
        toastTimer.current = null;
        setToast(null);
      }
    }, UNDO_MS);
  }

  async function remove(c: CaseEntry) {
    setProblem(null);
    setNotice(null);
    const result = await store.remove(c.reference);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    if (result.value) {
      setToast({ message: `Deleted ${c.reference} (${c.authority}).`, record: result.value });
      startToastTimer();
    }
  }

  async function undo() {
    if (!toast) return;
    const { reference } = toast.record;
    const result = await store.restore(toast.record);
    closeToast();
    if (!result.ok) setProblem(result.message);
    // restore kept the copy saved since the delete (from a page, an import, another window): say so, or the old tags would seem lost.
    else if (result.value.merged)
      setNotice(
        `${reference} was saved again after you deleted it: that newer copy is kept, and the deleted copy's tags and note were added to its own.`,
      );
  }

  return { toast, remove, undo, close: closeToast };
}
