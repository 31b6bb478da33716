/** The command line of `npm run parse`: read here, apart from the run, so the rules are in one place. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { TABLE_NAMES, type TableName } from './tables';

export const USAGE = `usage: npm run --silent parse -- [OPTION]... [[--url ADDRESS] FILE | DIRECTORY]...
  FILE                a saved decision page or its text (encoding and HTML found from the content)
  DIRECTORY           every .txt, .text, .html, .htm, .xhtml file and every file without an
                      extension under it, in name order, subdirectories included (hidden ones not)
  --url ADDRESS       the address of the FILE that follows it
  --files-from LIST   the paths in LIST, one a line (PATH or PATH<tab>ADDRESS); - reads standard input
  --format jsonl|csv  JSON Lines (default) or CSV
  --table faults|remedies|statutes
                      one row per fault, remedy or statute, led by its decision's reference
  --out FILE          write to FILE, replaced only once the run is complete
  --jobs N            parse on N threads (default: one per core, ${availableParallelism()} here)
  --progress, --no-progress
                      a progress line on standard error (default: when it is a terminal
                      and the output does not go to it as well)
  --stats             one JSON line on standard error at the end: counts, rate, peak memory`;

export type Format = 'jsonl' | 'csv';

/** What to read, in the order given: a path (file or directory) or a list of paths. */
export type Input = { kind: 'path'; path: string; url: string | null } | { kind: 'list'; path: string };

export interface CliOptions {
  format: Format;
  table: TableName | null;
  inputs: Input[];
  out: string | null;
  jobs: number;
  /** null: decided by whether standard error is a terminal. */
  progress: boolean | null;
  stats: boolean;
}

export class UsageError extends Error {}

export function readOptions(argv: string[]): CliOptions | 'help' {
  const { tokens } = parseArgs({
    args: argv,
    tokens: true,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      table: { type: 'string' },
      url: { type: 'string', multiple: true },
      'files-from': { type: 'string', multiple: true },
      out: { type: 'string' },
      jobs: { type: 'string' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      stats: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options: CliOptions = {
    format: 'jsonl',
    table: null,
    inputs: [],
    out: null,
    jobs: availableParallelism(),
    progress: null,
    stats: false,
  };
  let pendingUrl: string | null = null;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      options.inputs.push({ kind: 'path', path: token.value, url: pendingUrl });
      pendingUrl = null;
      continue;
    }
    if (token.kind !== 'option') continue;
    const value = token.value ?? '';
    switch (token.name) {
      case 'help':
        return 'help';
      case 'format':
        if (value !== 'jsonl' && value !== 'csv') throw new UsageError(`--format must be jsonl or csv, not ${value}`);
        options.format = value;
        break;
      case 'table':
        if (!(TABLE_NAMES as readonly string[]).includes(value))
          throw new UsageError(`--table must be ${TABLE_NAMES.join(', ')}, not ${value}`);
        options.table = value as TableName;
        break;
      case 'url':
        pendingUrl = value;
        break;
      case 'files-from':
        if (pendingUrl !== null) throw new UsageError('--url must come just before the FILE it belongs to');
        options.inputs.push({ kind: 'list', path: value });
        break;
      case 'out':
        options.out = value;
        break;
      case 'jobs': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a positive whole number, not ${value}`);
        options.jobs = n;
        break;
      }
      case 'progress':
        options.progress = true;
        break;
      case 'no-progress':
        options.progress = false;
        break;
      case 'stats':
        options.stats = true;
        break;
    }
  }
  if (pendingUrl !== null) throw new UsageError('--url must come before the FILE it belongs to');
  if (options.inputs.length === 0) throw new UsageError('no FILE, DIRECTORY or --files-from given');
  if (options.inputs.filter((i) => i.kind === 'list' && i.path === '-').length > 1)
    throw new UsageError('--files-from - can be given once');
  return options;
}
