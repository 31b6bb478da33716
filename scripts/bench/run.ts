/**
 * `npm run bench [-- --json] [-- --quick] [-- --cases N] [-- --runs N] [-- --no-build]`
 *
 * Builds the production extension and prints the benchmark's table (or, with
 * --json, one JSON object of medians and nothing else) on stdout; progress on
 * stderr. Exits 1 only when a measurement could not be made: a missed target
 * is reported in the table, not as a failure. (`npm run --silent bench -- --json`
 * keeps npm's own "> ombudsman-lens@… bench" banner off stdout.)
 */
import { runBench } from './bench';
import { readOptions, USAGE } from './cli-options';
import { formatText, toJson } from './report';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof readOptions>;
  try {
    parsed = readOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await runBench(parsed.options);
  process.stdout.write(parsed.json ? `${JSON.stringify(toJson(report))}\n` : formatText(report));
  if (parsed.json) process.stderr.write(formatText(report));
  return report.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
