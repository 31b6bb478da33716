/**
 * Runs a parser's steps (lib/parser/steps.ts) in slices: the work goes on while
 * a slice lasts less than `sliceMs`, then the page gets the main thread back
 * (input, its own scripts, a frame) before the next slice. The browsers count a
 * task over 50 ms as long; a slice of ~10 ms plus the one checkpoint's worth of
 * work that ends it stays well under that on a decision of any length.
 */
import type { Steps } from '../../lib/parser/steps';

export interface SliceOptions {
  /** How long a slice may run before the page is given a turn. */
  sliceMs?: number;
  /** Gives the page a turn; resolves when this work may go on. */
  yieldToPage?: () => Promise<void>;
  now?: () => number;
}

/** The longest slice, in ms: a fifth of a long task, so a slow checkpoint still ends the slice in time. */
export const SLICE_MS = 10;

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * `scheduler.yield()` where the browser has it (Chromium 129+): the rest of the work keeps its
 * place ahead of other tasks queued meanwhile. Elsewhere (Firefox 153) a message-channel task,
 * which, unlike `setTimeout(0)`, is not clamped to 4 ms once nested.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const { sliceMs = SLICE_MS, yieldToPage: giveTurn = yieldToPage, now = () => performance.now() } = options;
  let sliceEnd = now() + sliceMs;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() >= sliceEnd) {
      await giveTurn();
      sliceEnd = now() + sliceMs;
    }
  }
}
