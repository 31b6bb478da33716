/**
 * Command-line tool: `npm run parse -- [--format jsonl|csv] [--url ADDRESS] FILE [[--url ADDRESS] FILE]...`
 *
 * Each FILE is a saved decision page (.html/.htm) or its text (anything else).
 * Prints one summary per file, in the order given. A file that cannot be read or
 * is not a decision gets a one-line reason on stderr; the others are still
 * processed and the exit status is 1 at the end.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { parseDecision } from '../lib/parse-decision';
import { csvHeader, csvRow } from '../lib/summary-csv';
import type { ParseResult } from '../lib/schema';

const USAGE = 'usage: npm run parse -- [--format jsonl|csv] [--url ADDRESS] FILE [[--url ADDRESS] FILE]...';

interface Job {
  file: string;
  url: string | null;
}

function readJobs(argv: string[]): { format: 'jsonl' | 'csv'; jobs: Job[] } {
  const { tokens } = parseArgs({
    args: argv,
    tokens: true,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, url: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  let format: 'jsonl' | 'csv' = 'jsonl';
  let pendingUrl: string | null = null;
  const jobs: Job[] = [];
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
    if (token.kind === 'option' && token.name === 'format') {
      if (token.value !== 'jsonl' && token.value !== 'csv') throw new Error(`--format must be jsonl or csv, not ${token.value}`);
      format = token.value;
    } else if (token.kind === 'option' && token.name === 'url') {
      pendingUrl = token.value ?? null;
    } else if (token.kind === 'positional') {
      jobs.push({ file: token.value, url: pendingUrl });
      pendingUrl = null;
    }
  }
  if (pendingUrl !== null) throw new Error('--url must come before the FILE it belongs to');
  return { format, jobs };
}

/** One DOM implementation for the whole run: a new Window per file would dominate the time. */
let window: Window | null = null;

function parseHtml(html: string, url: string | null): ParseResult {
  window ??= new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return parseDecision(document, { url });
}

async function main(): Promise<number> {
  let options: ReturnType<typeof readJobs>;
  try {
    options = readJobs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (options.jobs.length === 0) {
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  const out: string[] = [];
  if (options.format === 'csv') out.push(csvHeader());
  for (const job of options.jobs) {
    let content: string;
    try {
      content = await readFile(job.file, 'utf8');
    } catch (error) {
      console.error(`${job.file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      failed++;
      continue;
    }
    const result = /\.html?$/i.test(job.file) ? parseHtml(content, job.url) : parseDecision(content, { url: job.url });
    if (!result.ok) {
      console.error(`${job.file}: ${result.message}`);
      failed++;
      continue;
    }
    out.push(options.format === 'csv' ? csvRow(result.summary) : JSON.stringify(result.summary));
    // Print as we go in batches so hundreds of files do not build one huge string.
    if (out.length >= 100) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exitCode = 2;
  },
);
