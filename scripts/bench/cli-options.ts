/** The options of `npm run bench` (run.ts): parsed here, apart from main, so they can be tested. */
import { parseArgs } from 'node:util';
import { FULL_OPTIONS, QUICK_OPTIONS, type BenchOptions } from './bench';

export const USAGE = `usage: npm run bench -- [--json] [--quick] [--cases N] [--backup-cases N] [--runs N] [--no-build]
  --json       print one JSON object of medians (ms, bytes) on stdout, nothing else
  --quick      small library (${QUICK_OPTIONS.cases} cases), ${QUICK_OPTIONS.runs} runs: checks the harness, not the targets
  --cases N    cases in the generated library (default ${FULL_OPTIONS.cases})
  --backup-cases N  cases exported and imported in the library page (default ${FULL_OPTIONS.backupCases})
  --runs N     timed runs per browser figure (default ${FULL_OPTIONS.runs})
  --no-build   measure the build already in .output/chrome-mv3`;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not ${value}`);
  return n;
}

export function readOptions(argv: string[]): { json: boolean; options: BenchOptions } | { help: true } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      cases: { type: 'string' },
      'backup-cases': { type: 'string' },
      runs: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const base = values.quick ? QUICK_OPTIONS : FULL_OPTIONS;
  const cases = positiveInt('cases', values.cases) ?? base.cases;
  const runs = positiveInt('runs', values.runs) ?? base.runs;
  const backupCases = positiveInt('backup-cases', values['backup-cases']) ?? base.backupCases;
  return {
    json: values.json,
    options: { ...base, cases, backupCases, runs, build: !values['no-build'], log: (m) => process.stderr.write(`${m}\n`) },
  };
}
