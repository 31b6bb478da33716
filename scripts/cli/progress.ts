/** The progress line on standard error: files done (of how many, once known), the rate, the time left. */

export interface ProgressState {
  done: number;
  /** null while the number of files is not known (a list on standard input). */
  total: number | null;
  elapsedMs: number;
}

const count = (n: number) => n.toLocaleString('en-GB');
const files = (n: number) => `${count(n)} ${n === 1 ? 'file' : 'files'}`;

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function rateText(rate: number): string {
  return `${rate.toFixed(rate < 100 ? 1 : 0)} a second`;
}

/** "1,200 of 5,000 files, 850 a second, about 4 s left" while running. */
export function progressText({ done, total, elapsedMs }: ProgressState): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [total === null ? files(done) : `${count(done)} of ${files(total)}`];
  if (done > 0) parts.push(rateText(rate));
  if (total !== null && done > 0 && rate > 0) parts.push(`about ${duration((total - done) / rate)} left`);
  return parts.join(', ');
}

/** "5,000 files in 5.9 s, 850 a second" at the end. */
export function finishedText({ done, elapsedMs }: ProgressState): string {
  const seconds = elapsedMs / 1000;
  return `${files(done)} in ${seconds.toFixed(1)} s${done > 0 && elapsedMs > 0 ? `, ${rateText(done / seconds)}` : ''}`;
}

/** Redraws at most this often: a terminal redrawn per file would cost more than the parsing. */
const REDRAW_MS = 200;

export class ProgressLine {
  private done = 0;
  private shown = false;
  private lastDraw = -Infinity;
  private readonly start = performance.now();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    public total: number | null,
  ) {}

  /** One more file handled. */
  step(): void {
    this.done++;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(progressText(this.state(now)));
  }

  /** Clears the line so another message can be written in its place; the next step draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
    this.lastDraw = -Infinity;
  }

  /** The final state, left on the terminal. */
  finish(): void {
    this.draw(finishedText(this.state(performance.now())));
    this.stream.write('\n');
    this.shown = false;
  }

  private state(now: number): ProgressState {
    return { done: this.done, total: this.total, elapsedMs: now - this.start };
  }

  private draw(text: string): void {
    this.stream.write(`\r${text}\x1b[K`);
    this.shown = true;
  }
}
