/**
 * The command-line tool over a whole archive (issue #17): directories, lists of paths, standard
 * input, output in input order however the threads finish, a closed pipe, --out, the progress line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED_REFS, SEED_URLS, seedHtml, seedText } from '../helpers/seeds';
import { DecisionSummarySchema } from '../../lib/schema';
import { buildCli, RUN, runCli, startCli, suiteTree, tempTree } from './run-cli';

beforeAll(buildCli, 60_000);

const ref = (r: string) => r.replace(/-/g, ' ');
const references = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => DecisionSummarySchema.parse(JSON.parse(l)).reference);

/** A PNG's first bytes: a file without an extension that is not text. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('directories and lists', { timeout: 60_000 }, () => {
  const tree = suiteTree(() => ({
    'b/20-003-139.txt': seedText('20-003-139'),
    'a/c/19-015-077.html': seedHtml('19-015-077'),
    'a/23-017-456': seedHtml('23-017-456'), // a page saved without an extension
    'a/23-020-284.TXT': seedText('23-020-284'),
    'a/logo': PNG, // no extension, not text: skipped
    'a/notes.json': '{"not": "a decision"}', // not a decision's extension: not read
    'a/.hidden.txt': seedText('18-009-360'), // hidden: not read
    '.git/18-009-360.txt': seedText('18-009-360'), // in a hidden directory: not read
    'z-18-009-360.htm': seedHtml('18-009-360'),
    'empty/README.md': '# nothing here',
  }));

  it("walks a directory in name order, subdirectories where their names fall, taking decisions' extensions and extension-less text", () => {
    const { status, stdout, stderr } = runCli([tree.dir]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // a/23-017-456, a/23-020-284.TXT, a/c/..., b/..., z-...: code-unit order ('2' < 'c').
    expect(references(stdout)).toEqual([ref('23-017-456'), ref('23-020-284'), ref('19-015-077'), ref('20-003-139'), ref('18-009-360')]);
  });

  it('mixes directories and files in the order given', () => {
    const { stdout } = runCli(['seeds/18-009-360.txt', join(tree.dir, 'b'), 'seeds/19-015-077.txt']);
    expect(references(stdout)).toEqual([ref('18-009-360'), ref('20-003-139'), ref('19-015-077')]);
  });

  it('ends with one --stats line: the counts (the PNG skipped), and the processor time its threads spent', () => {
    const { status, stdout, stderr } = runCli(['--stats', '--no-progress', tree.dir]);
    expect(status).toBe(0);
    expect(references(stdout)).toHaveLength(5);
    const stats = JSON.parse(stderr.trim()) as Record<string, number>;
    expect(stats).toMatchObject({ files: 6, decisions: 5, failed: 0, skipped: 1 });
    expect(Object.keys(stats)).toEqual([
      'files',
      'decisions',
      'failed',
      'skipped',
      'seconds',
      'decisionsPerSecond',
      'cpuSeconds',
      'peakRssBytes',
    ]);
    // Parsing five decisions takes some processor time, and a process cannot use more than its cores for as long as it ran.
    expect(stats.cpuSeconds).toBeGreaterThan(0);
    expect(stats.cpuSeconds).toBeLessThanOrEqual(stats.seconds! * availableParallelism() + 0.5);
  });

  it('says so when a directory holds nothing to read, and exits 1', () => {
    const { status, stderr } = runCli([join(tree.dir, 'empty'), 'seeds/19-015-077.txt']);
    expect(status).toBe(1);
    expect(stderr).toBe(`${join(tree.dir, 'empty')}: no .txt, .text, .html, .htm, .xhtml or extension-less files in this directory\n`);
  });

  it('refuses --url before a directory (one address cannot belong to many files)', () => {
    const { status, stdout, stderr } = runCli(['--url', SEED_URLS['20-003-139'], join(tree.dir, 'b')]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/: --url gives the address of one FILE, not of a directory\n$/);
  });

  it('reads --files-from: a path a line, blank lines skipped, a tab before an address, directories walked', () => {
    const list = join(tree.dir, 'list.txt');
    writeFileSync(
      list,
      `seeds/23-020-284.txt\n\n${join(tree.dir, 'b')}\r\nseeds/20-003-139.html\t${SEED_URLS['20-003-139']}\nno-such.txt\n`,
    );
    const { status, stdout, stderr } = runCli(['seeds/19-015-077.txt', '--files-from', list]);
    expect(status).toBe(1);
    expect(stderr).toBe('no-such.txt: cannot read: ENOENT\n');
    const summaries = stdout
      .trim()
      .split('\n')
      .map((l) => DecisionSummarySchema.parse(JSON.parse(l)));
    expect(summaries.map((s) => s.reference)).toEqual([ref('19-015-077'), ref('23-020-284'), ref('20-003-139'), ref('20-003-139')]);
    expect(summaries.map((s) => s.url)).toEqual([null, null, null, SEED_URLS['20-003-139']]);
  });

  it('reads the list from standard input with --files-from -', () => {
    const input = SEED_REFS.map((r) => `seeds/${r}.txt`).join('\n');
    const { status, stdout } = runCli(['--files-from', '-'], { input });
    expect(status).toBe(0);
    expect(references(stdout)).toEqual(SEED_REFS.map(ref));
  });

  it('names a list it cannot read', () => {
    const { status, stderr } = runCli(['--files-from', 'no-such-list.txt']);
    expect(status).toBe(1);
    expect(stderr).toBe('no-such-list.txt: cannot read the list: ENOENT\n');
  });
});

describe('many files', { timeout: 120_000 }, () => {
  // Pages take many times longer than texts, so threads finish out of turn; 500 files are ten windows' worth.
  const SOURCES = SEED_REFS.flatMap((r) => [
    { ext: 'txt', ref: r, body: seedText(r) },
    { ext: 'html', ref: r, body: seedHtml(r) },
  ]);
  const N = 500;
  const pick = (i: number) => SOURCES[(i * 7 + Math.floor(i / 10)) % SOURCES.length]!;
  const files: Record<string, string> = {};
  for (let i = 0; i < N; i++) files[`${String(i).padStart(4, '0')}.${pick(i).ext}`] = pick(i).body;
  const tree = suiteTree(() => files);
  const expected = Array.from({ length: N }, (_, i) => ref(pick(i).ref));

  it('writes every result in input order, whatever order the threads finish in', () => {
    const { status, stdout, stderr } = runCli(['--jobs', '3', tree.dir]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(references(stdout)).toEqual(expected);
  });

  it('ends quietly with status 0 when the reader closes the pipe (| head)', () => {
    // pipefail: the status is the tool's own, not head's.
    const out = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${RUN}" "${tree.dir}" | head -n 2`], {
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(references(out.stdout)).toEqual(expected.slice(0, 2));
  });

  it('writes --out whole or not at all: the old file stays until the run completes, and nothing is left behind', async () => {
    const out = join(tree.dir, 'out', 'decisions.jsonl');
    const outDir = join(tree.dir, 'out');
    const first = tempTree();
    try {
      // A complete run writes the file, and only it.
      const done = runCli(['--out', out, ...SEED_REFS.map((r) => `seeds/${r}.txt`)]);
      expect(done.status).toBe(2); // the directory does not exist yet
      expect(done.stderr).toMatch(/decisions\.jsonl: cannot write: ENOENT/);
      const target = join(first.dir, 'decisions.jsonl');
      const complete = runCli(['--out', target, ...SEED_REFS.map((r) => `seeds/${r}.txt`)]);
      expect(complete.status).toBe(0);
      expect(complete.stdout).toBe('');
      expect(references(readFileSync(target, 'utf8'))).toEqual(SEED_REFS.map(ref));
      expect(readdirSync(first.dir)).toEqual(['decisions.jsonl']);

      // A run stopped part-way leaves the old file as it was, and no temporary file.
      writeFileSync(target, 'the old output\n');
      const child = startCli(['--out', target, tree.dir]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
      await until(() => readdirSync(first.dir).some((name) => name.endsWith('.tmp')));
      child.kill('SIGTERM');
      expect([await exited, stderr]).toEqual([[null, 'SIGTERM'], '']);
      expect(readFileSync(target, 'utf8')).toBe('the old output\n');
      expect(readdirSync(first.dir)).toEqual(['decisions.jsonl']);
    } finally {
      first.done();
    }
    expect(existsSync(outDir)).toBe(false);
  });
});

/** Resolves once `condition` holds, looked at every 20 ms. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the progress line', { timeout: 60_000 }, () => {
  const files = SEED_REFS.map((r) => `seeds/${r}.txt`);

  it('is drawn on standard error with --progress: files done of the total, the rate, the time left, then the total time', () => {
    const { status, stdout, stderr } = runCli(['--progress', ...files]);
    expect(status).toBe(0);
    expect(references(stdout)).toEqual(SEED_REFS.map(ref));
    // The first file always draws the line; later ones at most five times a second.
    const frames = stderr.split('\r').filter(Boolean);
    // The progress line ends with ESC [K (erase to the end of the line).
    // eslint-disable-next-line no-control-regex -- the escape is what the terminal is sent
    expect(frames[0]).toMatch(/^1 of 5 files, [\d.]+ a second, about \d+ (?:s|min \d+ s) left\x1b\[K$/);
    // eslint-disable-next-line no-control-regex -- the escape is what the terminal is sent
    expect(frames.at(-1)).toMatch(/^5 files in \d+\.\d s, [\d.]+ a second\x1b\[K\n$/);
  });

  it('is drawn when standard error is a terminal and the output goes elsewhere, and only then', () => {
    const tree = tempTree();
    const outFile = join(tree.dir, 'out.jsonl');
    // script(1) runs the tool on a pseudo-terminal, its standard output sent to a file: what the
    // terminal shows is what the tool wrote to standard error.
    const onTerminal = (...options: string[]) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${RUN}" ${options.join(' ')} ${files.join(' ')} > "${outFile}"`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    try {
      const tty = onTerminal();
      expect(tty.status).toBe(0);
      expect(tty.stdout).toMatch(/\r1 of 5 files, /);
      expect(tty.stdout).toMatch(/\r5 files in \d+\.\d s, [\d.]+ a second/);
      expect(references(readFileSync(outFile, 'utf8'))).toEqual(SEED_REFS.map(ref));
      // --no-progress silences a terminal; without a terminal there is none unless asked (--progress).
      const silenced = onTerminal('--no-progress');
      expect(silenced.status).toBe(0);
      expect(silenced.stdout).toBe('');
      expect(runCli(files).stderr).toBe('');
      // The summaries going to the same terminal: no line redrawn among them.
      const shared = spawnSync('script', ['-qec', `"${process.execPath}" "${RUN}" ${files.join(' ')}`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(shared.status).toBe(0);
      expect(shared.stdout).not.toContain('\r1 of 5 files');
      expect(references(shared.stdout.replace(/\r\n/g, '\n'))).toEqual(SEED_REFS.map(ref));
    } finally {
      tree.done();
    }
  });
});
