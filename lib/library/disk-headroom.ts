/**
 * Every write to the library first asks how much disk is left, and is refused in words when too
 * little is.
 *
 * Why not just let the write fail: Chromium keeps IndexedDB in LevelDB, which appends each
 * transaction to a log file. A write that meets a full disk (ENOSPC) leaves a torn record in that
 * log, and LevelDB goes on appending after it. The library reads fine until the browser restarts;
 * then LevelDB finds the torn record in the middle of its log, and Chromium, judging the whole
 * database corrupt, deletes it. Seen here (test/e2e/full-disk.test.ts): 300 saved cases, the disk
 * filled, one save refused by the browser, the disk freed, one more save that worked, a restart,
 * and the library was empty. Nothing done after the torn write can undo it, so the only safe write
 * is one that never meets a full disk.
 *
 * With `unlimitedStorage`, Chromium's quota for the extension is its own usage plus the disk's free
 * space, so `quota - usage` from `navigator.storage.estimate()` is the free space on the disk that
 * holds the profile. The margin leaves room for the write itself, for LevelDB's compactions (which
 * rewrite tables of a few MB at a time) and for what the browser itself writes meanwhile.
 */
import { LibraryError } from './storage-errors';

/** Below this much free disk space nothing is written. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** `navigator.storage.estimate`, or a stand-in in tests. */
export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

/** The browser's estimator where there is one (extension pages and the service worker); null elsewhere (Node). */
export function browserEstimator(): StorageEstimator | null {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimate> } } }).navigator?.storage;
  return typeof storage?.estimate === 'function' ? () => storage.estimate!() : null;
}

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return bytes < 10 * MB ? (Math.floor((bytes / MB) * 10) / 10).toFixed(1) : String(Math.floor(bytes / MB));
}

/**
 * Null when there is room for a write of about `bytes`; otherwise the refusal, worded for the
 * person ("Not saved: your disk is nearly full (0.4 MB free)..."). When the browser cannot say
 * (no estimator, or it fails), the write goes ahead: refusing every save would be worse.
 */
export async function roomFor(estimate: StorageEstimator | null, what: string, bytes = 0): Promise<LibraryError | null> {
  if (!estimate) return null;
  let usage: number | undefined;
  let quota: number | undefined;
  try {
    ({ usage, quota } = await estimate());
  } catch {
    return null;
  }
  if (typeof usage !== 'number' || typeof quota !== 'number' || !Number.isFinite(quota - usage)) return null;
  const free = Math.max(0, quota - usage);
  // Twice the write: LevelDB logs it, then copies it into a table when its log is full.
  const needed = MIN_FREE_BYTES + 2 * bytes;
  if (free >= needed) return null;
  return new LibraryError(
    'storage-full',
    `${what}: your disk is nearly full (${megabytes(free)} MB free; the library needs ${megabytes(needed)} MB free to write safely). ` +
      'Nothing already saved was changed. Free space on the disk and try again.',
  );
}
