/** The command-line tool's pure parts: its options and the progress line's words. */
import { describe, expect, it } from 'vitest';
import { readOptions } from '../../scripts/cli/options';
import { duration, finishedText, progressText } from '../../scripts/cli/progress';

describe('readOptions', () => {
  it('keeps inputs in the order given, each --url with the FILE after it', () => {
    const options = readOptions(['a.txt', '--url', 'https://www.lgo.org.uk/x/20-003-139', 'b.txt', '--files-from', '-', 'dir']);
    expect(options).toMatchObject({
      format: 'jsonl',
      table: null,
      out: null,
      progress: null,
      stats: false,
      inputs: [
        { kind: 'path', path: 'a.txt', url: null },
        { kind: 'path', path: 'b.txt', url: 'https://www.lgo.org.uk/x/20-003-139' },
        { kind: 'list', path: '-' },
        { kind: 'path', path: 'dir', url: null },
      ],
    });
  });

  it('reads the output options; the last of --progress and --no-progress wins', () => {
    expect(
      readOptions([
        '--format',
        'csv',
        '--table',
        'statutes',
        '--out',
        'o.csv',
        '--jobs',
        '3',
        '--progress',
        '--no-progress',
        '--stats',
        'a',
      ]),
    ).toMatchObject({
      format: 'csv',
      table: 'statutes',
      out: 'o.csv',
      jobs: 3,
      progress: false,
      stats: true,
    });
  });

  it('refuses what it cannot follow', () => {
    expect(() => readOptions([])).toThrow(/no FILE/);
    expect(() => readOptions(['a.txt', '--url', 'u'])).toThrow(/--url must come before/);
    expect(() => readOptions(['--url', 'u', '--files-from', 'list'])).toThrow(/--url must come just before/);
    expect(() => readOptions(['--files-from', '-', '--files-from', '-'])).toThrow(/once/);
    expect(() => readOptions(['--table', 'judges', 'a'])).toThrow(/--table must be faults, remedies, statutes/);
    expect(() => readOptions(['--jobs', '1.5', 'a'])).toThrow(/--jobs/);
  });

  it('answers --help', () => {
    expect(readOptions(['a', '--help'])).toBe('help');
  });
});

describe('the progress line', () => {
  it('says how many files of how many, the rate and the time left', () => {
    // 1,200 files in 1.5 s: 800 a second; 3,800 to go take 4.75 s, said as 5 s.
    expect(progressText({ done: 1200, total: 5000, elapsedMs: 1500 })).toBe('1,200 of 5,000 files, 800 a second, about 5 s left');
    expect(progressText({ done: 0, total: 1, elapsedMs: 40 })).toBe('0 of 1 file');
    // A list on standard input: no total until it ends, so no time left.
    expect(progressText({ done: 12, total: null, elapsedMs: 500 })).toBe('12 files, 24.0 a second');
  });

  it('ends with the files, the time and the rate', () => {
    expect(finishedText({ done: 1, total: 1, elapsedMs: 500 })).toBe('1 file in 0.5 s, 2.0 a second');
    expect(finishedText({ done: 0, total: 0, elapsedMs: 30 })).toBe('0 files in 0.0 s');
  });

  it('gives durations in seconds, minutes and hours', () => {
    expect(duration(4.4)).toBe('4 s');
    expect(duration(65)).toBe('1 min 5 s');
    expect(duration(3725)).toBe('1 h 2 min');
  });
});
