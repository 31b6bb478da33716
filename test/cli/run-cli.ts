/** Running the command-line tool as `npm run parse` does (scripts/cli/run.mjs: build if stale, then the bundle). */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../helpers/seeds';
import { parseCsv } from '../helpers/csv';

export const RUN = join(ROOT, 'scripts/cli/run.mjs');

/** Builds the bundle once before the tests, so no test pays for (or races on) the build. */
export function buildCli(): void {
  const out = spawnSync(process.execPath, [join(ROOT, 'scripts/cli/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`the CLI did not build: ${out.stderr}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: Omit<SpawnSyncOptions, 'encoding'> = {}): CliRun {
  const out = spawnSync(process.execPath, [RUN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The CLI started, not waited for. */
export function startCli(args: string[]) {
  return spawn(process.execPath, [RUN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A temporary directory of files (path relative to it → contents); removed by `done`. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ombudsman-lens-cli-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary tree for a describe block: made before its tests, removed after them. (Made in the
 * block's body, a tree outlived a run whose filter skipped every test of the block.)
 */
export function suiteTree(files: () => Record<string, string | Uint8Array>): { readonly dir: string } {
  let tree: ReturnType<typeof tempTree> | null = null;
  beforeAll(() => {
    tree = tempTree(files());
  });
  afterAll(() => tree?.done());
  return {
    get dir() {
      if (!tree) throw new Error('the tree is made before the tests run');
      return tree.dir;
    },
  };
}

/** The CSV as records keyed by its header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => {
    if (r.length !== header!.length) throw new Error(`a row of ${r.length} cells under ${header!.length} columns`);
    return Object.fromEntries(header!.map((name, i) => [name, r[i]!]));
  });
}
