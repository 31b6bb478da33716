/**
 * Command-line tool: `npm run --silent parse -- [OPTION]... [[--url ADDRESS] FILE | DIRECTORY]...`
 * (options in scripts/cli/options.ts, the rules in README.md, "The command-line tool").
 *
 * Files are parsed on one thread per core (scripts/cli/worker.ts) and their output written in
 * the order given: results that finish early wait in a window of bounded size, so memory stays
 * flat however many files there are. A file that cannot be read or is not a decision gets a
 * one-line reason on stderr; the others are still processed and the exit status is 1 at the end.
 *
 * `npm run parse` runs the bundle esbuild makes of this file (.output/cli/, scripts/cli/run.mjs);
 * `tsx scripts/parse.ts` runs it from source.
 */
import { performance } from 'node:perf_hooks';
import { countJobs, isJob, jobsOf } from './cli/inputs';
import { readOptions, USAGE, UsageError, type CliOptions } from './cli/options';
import { headerText } from './cli/output-format';
import { ParsePool } from './cli/pool';
import { ProgressLine } from './cli/progress';
import type { WorkResult } from './cli/protocol';
import { AtomicFileSink, StdoutSink, type Sink } from './cli/sinks';

/** The worker beside this file: the bundle's when bundled, the source when run by tsx. */
const WORKER = import.meta.url.endsWith('.mjs')
  ? new URL('./parse-worker.mjs', import.meta.url)
  : new URL('./cli/worker.ts', import.meta.url);

/** Files in flight or finished but not yet written, per thread: bounds the reordering buffer. */
const WINDOW_PER_THREAD = 16;

interface Slot {
  file: string;
  result: WorkResult | null;
  promise: Promise<WorkResult>;
}

interface Counts {
  files: number;
  decisions: number;
  failed: number;
  skipped: number;
}

async function run(options: CliOptions, sink: Sink, progress: ProgressLine | null): Promise<Counts> {
  const counts: Counts = { files: 0, decisions: 0, failed: 0, skipped: 0 };
  const report = (file: string, message: string) => {
    progress?.clear();
    process.stderr.write(`${file}: ${message}\n`);
    counts.failed++;
  };
  if (progress) progress.total = await countJobs(options.inputs);
  const pool = new ParsePool(WORKER, options.jobs, { shape: { format: options.format, table: options.table } });
  const window = options.jobs * WINDOW_PER_THREAD;
  // In input order: a slot per file (or per input error, so it is reported in its place).
  const slots: (Slot | { file: string; error: string })[] = [];
  const inputs = jobsOf(options.inputs, process.stdin);
  let seq = 0;
  let ended = false;
  try {
    await sink.write(Buffer.from(headerText(options)));
    while (!sink.closed) {
      while (!ended && slots.length < window) {
        const next = await inputs.next();
        if (next.done) {
          ended = true;
          break;
        }
        const item = next.value;
        if (!isJob(item)) {
          slots.push(item);
          continue;
        }
        const slot: Slot = { file: item.file, result: null, promise: pool.run({ seq: seq++, ...item }) };
        void slot.promise.then((r) => (slot.result = r));
        slots.push(slot);
      }
      const head = slots.shift();
      if (!head) break;
      if (!('promise' in head)) {
        report(head.file, head.error);
        continue;
      }
      // About to wait on a file still being parsed: what is ready goes out first.
      if (head.result === null) await sink.flush();
      const result = await head.promise;
      counts.files++;
      if (result.status === 'ok') {
        counts.decisions++;
        await sink.write(result.bytes);
      } else if (result.status === 'skipped') {
        counts.skipped++;
      } else {
        report(head.file, result.error);
      }
      progress?.step();
    }
  } finally {
    await pool.close();
  }
  return counts;
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof UsageError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`${message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const start = performance.now();
  let sink: Sink | null = null;
  // Interrupted, the temporary file goes; then the signal is raised again, so the caller sees it as
  // the cause. Set before the file is made, so no signal finds it without its clean-up.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      sink?.abort();
      process.kill(process.pid, signal);
    });
  }
  try {
    sink = options.out ? new AtomicFileSink(options.out) : new StdoutSink(process.stdout);
  } catch (error) {
    process.stderr.write(`${options.out}: cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  // On a terminal, unless the output goes to that terminal too: a line redrawn among the summaries would garble them.
  const showProgress = options.progress ?? (process.stderr.isTTY === true && (options.out !== null || process.stdout.isTTY !== true));
  const progress = showProgress ? new ProgressLine(process.stderr, null) : null;
  let counts: Counts;
  try {
    counts = await run(options, sink, progress);
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  // `| head` has all it wanted: not an error.
  if (sink.closed) return 0;
  progress?.finish();
  if (options.stats) {
    const seconds = (performance.now() - start) / 1000;
    const usage = process.resourceUsage();
    const stats = {
      ...counts,
      seconds,
      decisionsPerSecond: counts.decisions / seconds,
      // Every thread's, start-up included: on a shared machine the wall time measures the sharing, this the tool's own work.
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      peakRssBytes: usage.maxRSS * 1024,
    };
    process.stderr.write(`${JSON.stringify(stats)}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
