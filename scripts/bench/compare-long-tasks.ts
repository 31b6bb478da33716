/**
 * `npx tsx scripts/bench/compare-long-tasks.ts [--runs N] [--baseline DIR]`
 *
 * The bench's long-task figure (measure-long-tasks.ts) alone, without the rest of `npm run bench`:
 * the 1 MB page loaded `runs` times with the built extension (.output/chrome-mv3, build it first)
 * and, given `--baseline`, as often with another build of it (e.g. main's, copied aside), the two
 * alternating load by load so that both meet the same load on a shared machine. Prints each load's
 * figures and the medians as JSON.
 */
import { loadavg } from 'node:os';
import { DEFAULT_EXTENSION_PATH, launchWithExtension, startFixtureServer } from '../browser-harness';
import { inflateDecisionPage } from './big-page';
import { largestSeed } from './bench';
import { measureLongTasks, type LongTaskFigures } from './measure-long-tasks';
import { median } from './stats';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const runs = Number(option('--runs') ?? 5);
  const builds: Array<{ name: string; path: string; lastMark: 'drawn' | 'complete' }> = [
    { name: 'this build', path: DEFAULT_EXTENSION_PATH, lastMark: 'drawn' },
  ];
  const baseline = option('--baseline');
  if (baseline) builds.push({ name: 'baseline', path: baseline, lastMark: 'complete' });

  const big = inflateDecisionPage(largestSeed().html, 1_000_000);
  const server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  const load = [loadavg()[0]];
  const browsers = await Promise.all(builds.map((b) => launchWithExtension({ server, extensionPath: b.path })));
  const results = builds.map(() => [] as LongTaskFigures[]);
  try {
    for (let round = 0; round < runs; round++) {
      for (const [i, build] of builds.entries()) {
        const figures = await measureLongTasks({
          context: browsers[i]!.context,
          server,
          html: big.html,
          runs: 1,
          lastMark: build.lastMark,
        });
        results[i]!.push(figures);
        process.stderr.write(`${build.name} load ${round + 1}: ${JSON.stringify(figures)}\n`);
      }
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await server.close();
  }
  load.push(loadavg()[0]);
  const medians = (figures: LongTaskFigures[], key: keyof LongTaskFigures) => median(figures.map((f) => f[key][0] as number));
  const summary = builds.map((b, i) => ({
    build: b.name,
    longestTaskMs: medians(results[i]!, 'extension'),
    perLoad: results[i]!.map((f) => f.extension[0]),
    longestAfterStartMs: medians(results[i]!, 'afterStart'),
    steps: results[i]!.map((f) => f.steps[0]),
    byStep: results[i]!.map((f) => f.byStep[0]),
    completeMs: medians(results[i]!, 'complete'),
    drawnMs: medians(results[i]!, 'drawn'),
    pageAloneMs: medians(results[i]!, 'pageAlone'),
  }));
  process.stdout.write(`${JSON.stringify({ bytes: big.bytes, factor: big.factor, load, summary }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
