/**
 * The benchmark harness (`npm run bench`, scripts/bench/) works end to end: a
 * quick run (small library, one or two runs per figure) against the build the
 * global setup made (or the one E2E_SKIP_BUILD=1 reuses) gives every figure as
 * a finite positive number. It checks the harness, not the targets: those are
 * reported by the full run (BENCHMARKS.md).
 */
import { describe, expect, it } from 'vitest';
import { QUICK_OPTIONS, runBench } from '../../scripts/bench/bench';
import { METRIC_KEYS } from '../../scripts/bench/metrics';
import { toJson } from '../../scripts/bench/report';

describe('npm run bench -- --quick', () => {
  it('measures every figure', { timeout: 420_000 }, async () => {
    const progress: string[] = [];
    // Never rebuild here: the e2e global setup has built (or was told to reuse) .output/chrome-mv3.
    const report = await runBench({ ...QUICK_OPTIONS, cases: 120, backupCases: 40, runs: 1, build: false, log: (m) => progress.push(m) });
    expect(report.errors, progress.join('\n')).toEqual([]);
    const json = toJson(report);
    expect(Object.keys(json)).toEqual([...METRIC_KEYS]);
    for (const key of METRIC_KEYS) {
      const value = json[key];
      expect(typeof value, key).toBe('number');
      expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
      // No task of 50 ms or more (the long-task API's threshold) is a longest task of 0: the target met.
      if (key === 'longestTaskMs') expect(value!, key).toBeGreaterThanOrEqual(0);
      else expect(value!, key).toBeGreaterThan(0);
    }
    expect(report.environment.chromium).toMatch(/^\d+\.\d+/);
  });
});
