/**
 * Parsing threads for the command-line tool. Each thread is kept a few files ahead so it never
 * waits on the main thread; threads start as work arrives (a run over one file starts one).
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup, WorkRequest, WorkResult } from './protocol';

/**
 * Files sent to a thread in one message, and answered in one: a message wakes the thread it goes to,
 * and on a busy machine a wake-up per file was a tenth of a thread's time.
 */
const BATCH = 4;

/** Files in a thread's hands at most: a batch being parsed and the next one waiting, so it never idles. */
const AHEAD_PER_THREAD = 2 * BATCH;

/**
 * The threads' young generation starts at its working size (MiB per semi-space). Left to start at
 * 1 MiB, V8 grows it with the allocation rate, so the tool's peak memory kept rising for thousands
 * of files with nothing retained (2,000 texts 120-140 MiB, 4,000 155-185 MiB, 8,000 198 MiB);
 * starting at 8 MiB it is 153 and 159 MiB at 2,000 and 4,000, for the same CPU time. (Capping the
 * young generation instead flattens texts too, but costs saved pages a third more CPU time.) A V8
 * flag, read when an isolate is made: set before the first thread starts, it holds for every thread.
 */
const MIN_SEMI_SPACE_MB = 8;

interface Thread {
  worker: Worker;
  /** Requests sent and not yet answered, by sequence number. */
  sent: Map<number, WorkRequest>;
}

export class ParsePool {
  private readonly threads: Thread[] = [];
  private readonly queue: WorkRequest[] = [];
  private readonly waiting = new Map<number, (result: WorkResult) => void>();
  private closed = false;
  private scheduled = false;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly setup: WorkerSetup,
  ) {
    setFlagsFromString(`--min-semi-space-size=${MIN_SEMI_SPACE_MB}`);
  }

  /** Parses one file on some thread; never rejects (a failure is a `failed` result). */
  run(request: WorkRequest): Promise<WorkResult> {
    return new Promise((resolve) => {
      this.waiting.set(request.seq, resolve);
      this.queue.push(request);
      this.schedule();
    });
  }

  /** Stops every thread; results not yet in are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  /** Sends work once the caller has queued all it has for now (after its microtasks), so batches fill. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.leastBusy();
      if (!thread) return;
      const batch = this.queue.splice(0, Math.min(BATCH, AHEAD_PER_THREAD - thread.sent.size));
      for (const request of batch) thread.sent.set(request.seq, request);
      thread.worker.postMessage(batch);
    }
  }

  /** The thread with the fewest files in hand, starting a new one while any is busy and there is room. */
  private leastBusy(): Thread | null {
    let best: Thread | null = null;
    for (const t of this.threads) if (!best || t.sent.size < best.sent.size) best = t;
    if ((!best || best.sent.size > 0) && this.threads.length < this.size) return this.start();
    return best && best.sent.size < AHEAD_PER_THREAD ? best : null;
  }

  private start(): Thread {
    const worker = new Worker(this.script, { workerData: this.setup });
    const thread: Thread = { worker, sent: new Map() };
    worker.on('message', (results: WorkResult[]) => {
      for (const result of results) {
        thread.sent.delete(result.seq);
        this.settle(result);
      }
      this.schedule();
    });
    // A thread that dies (out of memory on a huge file, say) fails the files it held; the rest go to a new one.
    const lost = (why: string) => {
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      for (const request of thread.sent.values()) this.settle({ seq: request.seq, status: 'failed', error: `the parser stopped: ${why}` });
      thread.sent.clear();
      if (!this.closed) this.schedule();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`its thread exited with code ${code}`));
    this.threads.push(thread);
    return thread;
  }

  private settle(result: WorkResult): void {
    const resolve = this.waiting.get(result.seq);
    this.waiting.delete(result.seq);
    resolve?.(result);
  }
}
