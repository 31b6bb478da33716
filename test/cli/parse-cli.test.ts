/** The command-line tool, run as a user runs it, on the seeds and on pages that are not decisions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../lib/summary-csv';
import { DecisionSummarySchema } from '../../lib/schema';
import { htmlDocument, SEED_REFS, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';
import { buildCli, runCli as run, tempTree } from './run-cli';
import { toWindows1252, utf16WithBom } from './encodings';

beforeAll(buildCli, 60_000);

// Each test starts Node (and threads); on a busy machine that alone can take seconds.
describe('npm run parse', { timeout: 60_000 }, () => {
  it('prints one JSON summary per file, in the order given, text and HTML alike, as the parser gives them', () => {
    const files = SEED_REFS.flatMap((ref) => [`seeds/${ref}.txt`, `seeds/${ref}.html`]);
    const { status, stdout, stderr } = run(files);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    const summaries = lines.map((l) => DecisionSummarySchema.parse(JSON.parse(l)));
    expect(summaries.map((s) => s.reference)).toEqual(SEED_REFS.flatMap((ref) => [ref.replace(/-/g, ' '), ref.replace(/-/g, ' ')]));
    // The bundle (with its own copy of happy-dom) reads each seed as the parser does in-process.
    SEED_REFS.forEach((ref, i) => {
      expect(summaries[2 * i]).toEqual(summaryOf(seedText(ref)));
      expect(summaries[2 * i + 1]).toEqual(summaryOf(htmlDocument(seedHtml(ref))));
    });
  });

  it('gives each FILE the --url that precedes it, and only that one', () => {
    const { stdout } = run(['--url', SEED_URLS['20-003-139'], 'seeds/20-003-139.txt', 'seeds/19-015-077.txt']);
    const [first, second] = stdout
      .trim()
      .split('\n')
      .map((l) => DecisionSummarySchema.parse(JSON.parse(l)));
    expect(first?.url).toBe(SEED_URLS['20-003-139']);
    expect(second?.url).toBeNull();
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

  it('reads files in the encodings people save them in, and saved pages by their content', () => {
    const text = seedText('18-009-360');
    const tree = tempTree({
      'cp1252.txt': toWindows1252(text),
      'utf16.txt': utf16WithBom(text, 'be'),
      'saved-page': seedHtml('18-009-360'),
    });
    try {
      const { status, stdout, stderr } = run([`${tree.dir}/cp1252.txt`, `${tree.dir}/utf16.txt`, `${tree.dir}/saved-page`]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const summaries = stdout
        .trim()
        .split('\n')
        .map((l) => DecisionSummarySchema.parse(JSON.parse(l)));
      expect(summaries.map((s) => s.totalPayments)).toEqual([500, 500, 500]);
      expect(summaries.map((s) => s.statutes.filter((x) => x.act === 'Children Act 1989').length)).toEqual([2, 2, 2]);
      // Read as a page (its header is the page's), not as text full of tags.
      expect(summaries[2]).toEqual(summaryOf(htmlDocument(seedHtml('18-009-360'))));
    } finally {
      tree.done();
    }
  });

  it('rejects a bad option with the usage line and status 2', () => {
    for (const args of [
      ['--format', 'xml', 'seeds/19-015-077.txt'],
      ['--table', 'judges', 'seeds/19-015-077.txt'],
      ['--jobs', '0', 'x.txt'],
      [],
      ['--nope', 'x.txt'],
    ]) {
      const { status, stdout, stderr } = run(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/usage: npm run --silent parse/);
    }
  });

  it('prints its usage on --help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: npm run --silent parse/);
    expect(stdout).toContain('--files-from LIST');
  });
});
