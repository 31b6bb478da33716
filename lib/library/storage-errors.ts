/**
 * The one place where a storage failure becomes words. IndexedDB and Dexie
 * report the same condition in many shapes: a DOMException by name, a Dexie
 * error keeping the DOM error as `inner` (an AbortError wrapping a
 * QuotaExceededError), a BulkError listing each failed operation in
 * `failures`, an AbortSignal's reason as `cause`. `storageFailure` looks
 * through all of them for the cause a person can act on and writes one
 * sentence: "<what>: <why>. <what happened to the library>". Every message the
 * library shows for a failure is made here, once; a message already made
 * (`LibraryError`) passes through unchanged, so no prefix is ever doubled.
 */
import type { ErrorCode } from '../messages';

/** A failure already in words (a refusal with its reason): shown as it is. */
export class LibraryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** An edit for a case that is no longer saved. */
export function caseGone(what: string): LibraryError {
  return new LibraryError('not-found', `${what}: this case is no longer in the library (it may have been deleted in another tab).`);
}

/** An edit for a case whose saved copy cannot be read: saving the page again repairs it. */
export function caseDamaged(what: string): LibraryError {
  return new LibraryError(
    'storage-failed',
    `${what}: the saved copy of this case is damaged. Save the decision again from its page to repair it.`,
  );
}

/** Damaged cases named at most this many in a message; the rest are counted. */
const NAMED_DAMAGED = 20;

/** Says which damaged cases an export left out (`where`: "the backup", "the case pack"); one message for every export. */
export function damagedLeftOut(references: readonly string[], where: string): string {
  const n = references.length;
  const named = references.slice(0, NAMED_DAMAGED).join(', ');
  const more = n > NAMED_DAMAGED ? ` and ${n - NAMED_DAMAGED} more` : '';
  return `${n} damaged ${n === 1 ? 'case was' : 'cases were'} left out of ${where}: ${named}${more}.`;
}

export interface StorageFailure {
  ok: false;
  error: ErrorCode;
  message: string;
}

/** The error and everything it wraps, outermost first (Dexie keeps the DOM error as `inner`; bulk errors list `failures`). */
export function errorChain(error: unknown, depth = 0): { name: string; message: string }[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? [{ name: e.name, message: typeof e.message === 'string' ? e.message : '' }] : [];
  const failures: unknown[] = Array.isArray(e.failures) ? e.failures : [];
  return [...own, ...[e.inner, e.cause, ...failures].flatMap((inner) => errorChain(inner, depth + 1))];
}

const QUOTA = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);

export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some((e) => QUOTA.has(e.name));
}

/** The connection was closed under the operation (by the browser, or by a reload of the extension). */
const CLOSED = ['DatabaseClosedError', 'InvalidStateError', 'VersionChangedError', 'TransactionInactiveError'];

export function isClosedConnection(error: unknown): boolean {
  return !(error instanceof LibraryError) && errorChain(error).some((e) => CLOSED.includes(e.name));
}

/**
 * Why it failed, in words, by the most telling name anywhere in the chain (the
 * order matters: a BulkError whose failure is an AbortError wrapping a quota
 * error is a full disk). `code` is what the sidebar and popup branch on.
 */
const CAUSES: { names: readonly string[]; code: ErrorCode; why: string; advice?: string }[] = [
  {
    names: [...QUOTA],
    code: 'storage-full',
    why: "the browser's storage for extensions is full",
    advice: 'Free space on the disk, or export and delete old cases.',
  },
  {
    names: ['VersionError'],
    code: 'storage-failed',
    why: 'the library was written by a newer version of Ombudsman Lens than this one',
    advice: 'Update the extension.',
  },
  {
    names: CLOSED,
    code: 'storage-failed',
    why: 'the library was closed while this ran (the extension was probably updated or reloaded)',
    advice: 'Try again.',
  },
  {
    names: ['MissingAPIError', 'SecurityError', 'InvalidAccessError'],
    code: 'storage-failed',
    why: 'this browser does not let the extension use its storage (a private window, or a setting that blocks site data, can do this)',
  },
  {
    names: ['UnknownError', 'NS_ERROR_FILE_CORRUPTED', 'NS_ERROR_FAILURE', 'NS_ERROR_STORAGE_IOERR', 'OpenFailedError'],
    code: 'storage-failed',
    why: 'the browser could not read or write its storage on disk (the disk may be full or failing)',
    advice: 'Free space on the disk and try again.',
  },
  { names: ['TimeoutError'], code: 'storage-failed', why: "the browser's storage did not answer in time", advice: 'Try again.' },
  {
    names: ['AbortError'],
    code: 'storage-failed',
    why: 'the browser stopped the operation before it finished (a full disk, or the extension being reloaded, can do this)',
    advice: 'Try again.',
  },
];

/** Names that only say "something inside failed": never shown as the cause when something more telling is there. */
const WRAPPERS = new Set(['BulkError', 'ModifyError', 'DexieError', 'Error']);

/**
 * `what` says what did not happen ("Not saved", "The library could not be
 * read"); `wrote` adds that nothing already saved changed (true for writes,
 * which run in one transaction each).
 */
export function storageFailure(error: unknown, what: string, options: { wrote?: boolean } = {}): StorageFailure {
  if (error instanceof LibraryError) return { ok: false, error: error.code, message: error.message };
  const chain = errorChain(error);
  const unchanged = options.wrote ? ' Nothing already saved was changed.' : '';
  const cause = CAUSES.find((c) => chain.some((e) => c.names.includes(e.name)));
  if (cause) {
    return { ok: false, error: cause.code, message: `${what}: ${cause.why}.${unchanged}${cause.advice ? ` ${cause.advice}` : ''}` };
  }
  // Unknown: name the innermost specific error, with the first line of its own message, for a bug report.
  const specific = [...chain].reverse().find((e) => !WRAPPERS.has(e.name)) ?? chain[chain.length - 1];
  const detail = specific
    ? `${specific.name}${specific.message ? `: ${specific.message.split('\n')[0]!.slice(0, 200)}` : ''}`
    : String(error).split('\n')[0]!.slice(0, 200);
  return { ok: false, error: 'storage-failed', message: `${what}: the browser's storage failed (${detail}).${unchanged}` };
}
