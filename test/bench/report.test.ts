import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../scripts/bench/bench';
import { backupSectionName, sectionWanted } from '../../scripts/bench/bench';
import { readOptions } from '../../scripts/bench/cli-options';
import { METRIC_KEYS, targetMet } from '../../scripts/bench/metrics';
import { formatTable, formatValue, toJson } from '../../scripts/bench/report';
import { single, summarise } from '../../scripts/bench/stats';

function report(metrics: BenchReport['metrics']): BenchReport {
  return {
    metrics,
    details: [],
    errors: [],
    environment: {
      date: '2026-11-22T00:00:00.000Z',
      node: 'v20',
      chromium: '150',
      cpu: 'test',
      cores: 2,
      platform: 'linux x64',
      load: { start: 0, end: 0 },
    },
    options: {
      build: false,
      cases: 10,
      backupCases: 10,
      runs: 1,
      warmup: 0,
      parseRuns: 1,
      parseWarmup: 0,
      scalingRuns: 1,
      cliFiles: { text: 100, html: 100 },
      cliRuns: 1,
    },
  };
}

describe('targets', () => {
  it('are upper bounds, met at the bound itself; figures without a target are neither', () => {
    expect(targetMet('parseMsMedian', 5)).toBe(true);
    expect(targetMet('parseMsMedian', 5.01)).toBe(false);
    expect(targetMet('contentScriptGzipBytes', 51_201)).toBe(false);
    expect(targetMet('readabilityMsMedian', 1e9)).toBeNull();
    expect(targetMet('cliDecisionsPerSecond', 1)).toBeNull();
  });

  it('can be lower bounds, met at the bound itself and shown as such', () => {
    expect(targetMet('cliEfficiency', 0.7)).toBe(true);
    expect(targetMet('cliEfficiency', 0.69)).toBe(false);
    const table = formatTable(report({ cliEfficiency: single(0.52) }));
    expect(table.split('\n').find((l) => l.includes(' cliEfficiency '))).toMatch(/0\.520 .*≥ 0\.700 +NOT MET$/);
  });
});

describe('toJson', () => {
  it('has every key, each the median; a figure that failed is null', () => {
    const json = toJson(report({ parseMsMedian: summarise([3, 1, 2]), popupGzipBytes: single(68_155) }));
    expect(Object.keys(json)).toEqual([...METRIC_KEYS]);
    expect(json.parseMsMedian).toBe(2);
    expect(json.popupGzipBytes).toBe(68_155);
    expect(json.compareMs50).toBeNull();
  });
});

describe('formatTable', () => {
  it('shows median, min, max, target and whether it was met', () => {
    const table = formatTable(
      report({ parseMsMedian: summarise([16, 15, 18.7]), saveMsMedian: summarise([28, 29]), contentScriptGzipBytes: single(51_644) }),
    );
    const line = (key: string) => table.split('\n').find((l) => l.includes(` ${key} `))!;
    expect(line('parseMsMedian')).toMatch(/16\.0 ms +15\.0 ms +18\.7 ms +3 +≤ 5\.00 ms +NOT MET$/);
    expect(line('saveMsMedian')).toMatch(/28\.5 ms .* met$/);
    expect(line('contentScriptGzipBytes')).toMatch(/51,644 B .*≤ 51,200 B +NOT MET$/);
    expect(line('compareMs50')).toMatch(/failed/);
  });

  it('formats each unit', () => {
    expect(formatValue(3.14159, 'ms')).toBe('3.14 ms');
    expect(formatValue(201.4, 'ms')).toBe('201 ms');
    expect(formatValue(11_955.2, 'bytes')).toBe('11,955 B');
    expect(formatValue(0.3333, 'ratio')).toBe('0.333');
    expect(formatValue(1.1234, 'exponent')).toBe('1.12');
    expect(formatValue(250.4, '/s')).toBe('250/s');
  });
});

describe('options', () => {
  it('defaults to the full run with a build', () => {
    const r = readOptions([]);
    expect('options' in r && r.options).toMatchObject({ cases: 10_000, backupCases: 50_000, build: true });
    expect('json' in r && r.json).toBe(false);
  });

  it('--backup-cases sizes the library exported and imported in the library page', () => {
    expect(readOptions(['--backup-cases', '2000'])).toMatchObject({ options: { backupCases: 2000, cases: 10_000 } });
    expect(readOptions(['--quick'])).toMatchObject({ options: { backupCases: 200 } });
    expect(() => readOptions(['--backup-cases', '0'])).toThrow(/positive whole number/);
  });

  it('--quick is the small run; --cases, --runs, --no-build and --json apply on top', () => {
    const r = readOptions(['--quick', '--cases', '300', '--runs', '3', '--no-build', '--json']);
    expect('options' in r && r.options).toMatchObject({ cases: 300, runs: 3, build: false, parseRuns: 5 });
    expect('json' in r && r.json).toBe(true);
  });

  it('--only backup runs the backup section alone; any other name is refused', () => {
    const r = readOptions(['--only', 'backup', '--backup-cases', '2000']);
    expect('options' in r && r.options).toMatchObject({ only: 'backup', backupCases: 2000 });
    if (!('options' in r)) throw new Error('no options');
    expect(sectionWanted(backupSectionName(2000), r.options)).toBe(true);
    for (const other of ['bundle sizes', 'command-line tool', 'parser and Readability in Chromium', 'library of 10,000 cases'])
      expect(sectionWanted(other, r.options)).toBe(false);
    // Without it, every section runs.
    const all = readOptions([]);
    if (!('options' in all)) throw new Error('no options');
    expect(all.options.only).toBeUndefined();
    for (const name of ['bundle sizes', backupSectionName(50_000)]) expect(sectionWanted(name, all.options)).toBe(true);
    expect(() => readOptions(['--only', 'parse'])).toThrow(/--only takes "backup"/);
  });

  it('refuses a count that is not a positive whole number, and unknown options', () => {
    expect(() => readOptions(['--cases', '0'])).toThrow(/positive whole number/);
    expect(() => readOptions(['--runs', '2.5'])).toThrow(/positive whole number/);
    expect(() => readOptions(['--fast'])).toThrow();
  });
});
