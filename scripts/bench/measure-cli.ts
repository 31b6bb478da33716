/**
 * The command-line tool's throughput: `tsx scripts/parse.ts` given every seed
 * (.txt and .html) `repeat` times over in one invocation, timed from spawn to
 * exit (wall clock, so tsx's start-up and happy-dom's import are included, as a
 * user running it pays them). A run over the seeds once gives the start-up
 * share, reported apart as the marginal rate.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../browser-harness';
import { median } from './stats';

export function seedFiles(): string[] {
  return readdirSync(join(REPO_ROOT, 'seeds'))
    .filter((name) => /\.(txt|html)$/.test(name))
    .sort()
    .map((name) => join('seeds', name));
}

/** Runs the CLI once; resolves with the wall time in ms and the number of summaries it printed. */
function runCli(files: string[]): Promise<{ ms: number; decisions: number }> {
  return new Promise((resolve, reject) => {
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
    const t0 = performance.now();
    const child = spawn(tsx, ['scripts/parse.ts', ...files], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`scripts/parse.ts exited ${code}: ${stderr.slice(0, 500)}`));
      else if (lines !== files.length) reject(new Error(`scripts/parse.ts printed ${lines} summaries for ${files.length} files`));
      else resolve({ ms, decisions: lines });
    });
  });
}

export interface CliFigures {
  /** decisions per second of wall time, per run of `repeat` × every seed. */
  rates: number[];
  decisionsPerRun: number;
  seedFiles: number;
  /** Wall time of one run over the seeds once (start-up dominated). */
  onceMs: number[];
  /** Median-based rate with start-up taken out: (N − n) / (t_N − t_n). */
  marginalRate: number;
}

export async function measureCli(repeat: number, runs: number): Promise<CliFigures> {
  const seeds = seedFiles();
  const files = Array.from({ length: repeat }, () => seeds).flat();
  await runCli(seeds); // warm-up: tsx's transform cache, the file cache
  const rates: number[] = [];
  const times: number[] = [];
  const onceMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const full = await runCli(files);
    rates.push(full.decisions / (full.ms / 1000));
    times.push(full.ms);
    onceMs.push((await runCli(seeds)).ms);
  }
  const marginalRate = repeat > 1 ? (files.length - seeds.length) / ((median(times) - median(onceMs)) / 1000) : NaN;
  return { rates, decisionsPerRun: files.length, seedFiles: seeds.length, onceMs, marginalRate };
}
