/**
 * Parsing in steps. The analysis of a long page is seconds of work, and a browser
 * tab must not be held that long: each long loop of the parser is a generator
 * that pauses (yields, with no value) at checkpoints, and its caller decides
 * whether to let the page run before going on (the content script does, see
 * entrypoints/content/sliced.ts). `runSteps` runs one to the end in one go, which
 * is what `parseDecision` and the command-line tool do: both ways give the same
 * result, for the generator is the only copy of the work.
 */

/** A piece of work that pauses at checkpoints and returns `T` at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Sentences (or blocks) read between two checkpoints: well under a millisecond of work, cold. */
export const STEP = 64;

/** Whether the loop at index `i` has reached a checkpoint (never at 0: a loop that does nothing never pauses). */
export function checkpoint(i: number): boolean {
  return i > 0 && i % STEP === 0;
}

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
