/** The options of `npm run bench` (run.ts): parsed here, apart from main, so they can be tested. */
import { parseArgs } from 'node:util';
import { FULL_OPTIONS, QUICK_OPTIONS, type BenchOptions } from './bench';

export const USAGE = `usage: npm run bench -- [--json] [--quick] [--cases N] [--backup-cases N] [--runs N] [--no-build] [--only backup]
  --json       print one JSON object of medians (ms, bytes) on stdout, nothing else
  --quick      small library (${QUICK_OPTIONS.cases} cases), ${QUICK_OPTIONS.runs} runs: checks the harness, not the targets
  --cases N    cases in the generated library (default ${FULL_OPTIONS.cases})
  --backup-cases N  cases exported and imported in the library page (default ${FULL_OPTIONS.backupCases})
  --runs N     timed runs per browser figure (default ${FULL_OPTIONS.runs})
  --no-build   measure the build already in .output/chrome-mv3
  --only backup  only the backup figures (exportMs50k, importMs50k, exportPeakHeapBytes50k): the longest section, timed alone`;

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
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const base = values.quick ? QUICK_OPTIONS : FULL_OPTIONS;
  const cases = positiveInt('cases', values.cases) ?? base.cases;
  const runs = positiveInt('runs', values.runs) ?? base.runs;
  const backupCases = positiveInt('backup-cases', values['backup-cases']) ?? base.backupCases;
  if (values.only !== undefined && values.only !== 'backup') throw new Error(`--only takes "backup", not ${values.only}`);
  return {
    json: values.json,
    options: {
      ...base,
      cases,
      backupCases,
      runs,
      build: !values['no-build'],
      ...(values.only === 'backup' && { only: 'backup' as const }),
      log: (m) => process.stderr.write(`${m}\n`),
    },
  };
}
