/** The command-line tool, run as a user runs it, on the seeds and on pages that are not decisions. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../lib/summary-csv';
import { DecisionSummarySchema } from '../../lib/schema';
import { ROOT, SEED_REFS, SEED_URLS } from '../helpers/seeds';

function run(args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run parse', () => {
  it('prints one JSON summary per file, in the order given, text and HTML alike', () => {
    const files = SEED_REFS.flatMap((ref) => [`seeds/${ref}.txt`, `seeds/${ref}.html`]);
    const { status, stdout, stderr } = run(files);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    const summaries = lines.map((l) => DecisionSummarySchema.parse(JSON.parse(l)));
    expect(summaries.map((s) => s.reference)).toEqual(SEED_REFS.flatMap((ref) => [ref.replace(/-/g, ' '), ref.replace(/-/g, ' ')]));
  });

  it('gives each FILE the --url that precedes it, and only that one', () => {
    const { stdout } = run(['--url', SEED_URLS['20-003-139'], 'seeds/20-003-139.txt', 'seeds/19-015-077.txt']);
    const [first, second] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(first.url).toBe(SEED_URLS['20-003-139']);
    expect(second.url).toBeNull();
  });

  it('prints CSV with the documented columns, one row per decision', () => {
    const { status, stdout } = run(['--format', 'csv', 'seeds/18-009-360.txt', 'seeds/23-017-456.html']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^18 009 360,,Hertfordshire County Council \(18 009 360\),Hertfordshire County Council,council,/);
    expect(lines[1]).toContain(',500,'); // totalPayments
    expect(lines[2]).toContain('Ofsted');
  });

  it('names each file it cannot use on stderr, still processes the others, and exits 1', () => {
    const { status, stdout, stderr } = run(['test/fixtures/listing.html', 'seeds/19-015-077.txt', 'no-such-file.txt']);
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^test\/fixtures\/listing\.html: This is not an Ombudsman decision page/);
    expect(errors[1]).toMatch(/^no-such-file\.txt: cannot read: ENOENT/);
  });

  it('handles hundreds of files in one call', () => {
    const files = Array.from({ length: 300 }, (_, i) => `seeds/${SEED_REFS[i % 5]}.${i % 2 ? 'html' : 'txt'}`);
    const { status, stdout } = run(files);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(300);
  }, 60_000);

  it('rejects a bad option with the usage line', () => {
    const { status, stderr } = run(['--format', 'xml', 'seeds/19-015-077.txt']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/usage: npm run parse/);
  });
});
