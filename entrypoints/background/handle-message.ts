/**
 * The background's side of the message contract: every message is validated
 * and size-limited before anything is read or written, and every answer is a
 * `Reply` value; nothing is thrown back across contexts.
 */
import { BackgroundRequestSchema, errorReply, type Reply } from '../../lib/messages';
import type { CaseStore } from '../../lib/library/case-store';
import { storageFailure } from '../../lib/library/storage-errors';
import { paymentContext } from '../../lib/library/payment-context';

/** Generous for a 45 KB decision plus its summary; far below what would strain the worker. */
export const MAX_MESSAGE_CHARS = 4_000_000;

function approximateSize(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise not plain data
  }
}

/**
 * Answers one message. Never rejects: the store answers failures as values, and
 * anything thrown all the same (a bug, a storage error outside the store) is
 * answered in words by the library's one wording (`storageFailure`).
 */
export async function handleMessage(store: CaseStore, message: unknown): Promise<Reply> {
  try {
    return await answer(store, message);
  } catch (error) {
    const failure = storageFailure(error, 'The library could not answer');
    return errorReply(failure.error, failure.message);
  }
}

async function answer(store: CaseStore, message: unknown): Promise<Reply> {
  if (approximateSize(message) > MAX_MESSAGE_CHARS) return errorReply('too-large', 'The message is too large to be a decision.');
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorReply(
      'invalid-message',
      `Rejected a malformed message${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}.`,
    );
  }
  const request = parsed.data;
  switch (request.type) {
    case 'save-case': {
      const saved = await store.save(request);
      if (!saved.ok) return errorReply(saved.error, saved.message);
      return statusReply(store, saved.value.reference);
    }
    case 'remove-case': {
      const removed = await store.remove(request.reference);
      if (!removed.ok) return errorReply(removed.error, removed.message);
      return statusReply(store, request.reference);
    }
    case 'case-status':
      return statusReply(store, request.reference);
    case 'update-notes': {
      const updated = await store.updateNotes(request.reference, request.tags, request.note, request.base);
      if (!updated.ok) return errorReply(updated.error, updated.message);
      return statusReply(store, request.reference);
    }
    case 'correct-case': {
      const change = request.set ? { set: request.set } : request.revert !== undefined ? { revert: request.revert } : null;
      if (!change) return errorReply('invalid-message', 'Rejected a correction that neither sets nor reverts one.');
      const corrected = await store.correct(request.reference, change);
      if (!corrected.ok) return errorReply(corrected.error, corrected.message);
      return statusReply(store, request.reference);
    }
    case 'saved-among': {
      const among = await store.savedAmong(request.references);
      return among.ok ? { ok: true, saved: among.value } : errorReply(among.error, among.message);
    }
    case 'payment-context': {
      const paid = await store.paidSummaries();
      return paid.ok ? { ok: true, payments: paymentContext(paid.value, request.exclude) } : errorReply(paid.error, paid.message);
    }
  }
}

async function statusReply(store: CaseStore, reference: string): Promise<Reply> {
  const status = await store.status(reference);
  return status.ok ? { ok: true, status: status.value } : errorReply(status.error, status.message);
}
