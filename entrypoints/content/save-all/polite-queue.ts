/**
 * Runs one task per item against the Ombudsman's site the way a careful person would: at most
 * `concurrency` at a time, and each worker waits `pauseMs` after a task before starting its next,
 * so the site never sees a burst. Cancelling (the signal) starts nothing new and ends the pauses at
 * once; a task already running is handed the same signal to abort its own request.
 */

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface QueueOptions {
  concurrency: number;
  pauseMs: number;
  signal: AbortSignal;
  /** Injected so tests can count pauses without waiting for them. */
  sleep: Sleep;
}

/** A timer that ends early, without error, when the run is cancelled. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Calls `task` for each item in order of start (never more than `concurrency` at once) until all
 * have run or the signal is aborted; resolves once every started task has settled. `task` should
 * not reject: a rejection is the caller's bug and ends that worker only.
 */
export async function runPolitely<T>(items: readonly T[], task: (item: T) => Promise<void>, options: QueueOptions): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!options.signal.aborted && next < items.length) {
      const item = items[next++] as T;
      await task(item);
      if (next < items.length && !options.signal.aborted) await options.sleep(options.pauseMs, options.signal);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker);
  await Promise.allSettled(workers);
}
