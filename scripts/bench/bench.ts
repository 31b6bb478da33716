/**
 * The benchmark (issue #5): builds the production extension, then measures the
 * parser, the sidebar, the bundles, the command-line tool and the library at
 * scale in a real Chromium. `runBench` is what `npm run bench` (run.ts) and the
 * smoke test (test/e2e/bench-smoke.test.ts) call.
 *
 * Order matters on a small machine: the CLI runs before Chromium starts, and
 * the library is written only after the page-level figures are taken.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  buildExtension,
  DECISIONS_PATH,
  DEFAULT_EXTENSION_PATH,
  launchWithExtension,
  REPO_ROOT,
  SEED_REFS,
  SITE_ORIGIN,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../browser-harness';
import { contentScriptsWeight, pageWeight, POPUP_HTML, GZIP_LEVEL, type FileWeight } from './bundle-size';
import { buildBundles } from './bundles';
import { fitPowerLaw } from './fit';
import { measureBackup } from './measure-backup';
import { measureCli, type CliKind } from './measure-cli';
import { measureCompare, measurePopupFilter, measurePopupFirstRender, writeLibrary } from './measure-library';
import { measureParsing } from './measure-parse';
import { measureSave } from './measure-sidebar';
import { measureColdPage } from './measure-cold';
import { measureLongTasks } from './measure-long-tasks';
import { inflateDecisionPage } from './big-page';
import { METRIC_KEYS, type MetricKey } from './metrics';
import { median, single, summarise, type Stat } from './stats';
import { waitForQuietDisk, settledIndexedDb } from './measure-storage';
import { extensionIndexedDbBytes } from './storage-size';

export interface BenchOptions {
  /** Run `wxt build` first (the e2e tests' global setup has already built). */
  build: boolean;
  /** Size of the generated library. */
  cases: number;
  /** Size of the library exported and imported in the library page (its own browser and profile). */
  backupCases: number;
  /** Page loads / interactions timed per browser figure (after `warmup`). */
  runs: number;
  warmup: number;
  /** Timed parses (and Readability runs) of the seed page. */
  parseRuns: number;
  /**
   * Untimed parses (and Readability runs) before them. Enough for V8 to finish compiling both:
   * on this page the parser's big functions reach their optimising tier only after 60-90 runs,
   * Readability's after 20-90 (BENCHMARKS.md), and times before that are a transient, not a state.
   */
  parseWarmup: number;
  /** Timed parses at each inflation of the scaling figure. */
  scalingRuns: number;
  /**
   * Decisions the CLI is given in one call, of each kind (twice as many once, for memory). Texts at
   * an archive's scale: a researcher's run is tens of thousands of decisions, and at 2,000 each
   * thread's warm-up (~1 s of processor time) was half the work. Saved pages, five times slower to
   * read, at 2,000, so the bench stays in minutes.
   */
  cliFiles: Record<CliKind, number>;
  cliRuns: number;
  /** Only the backup figures (`--only backup`): every other section is left out of the run and the report. */
  only?: 'backup';
  /** Progress, to stderr in the CLI. */
  log: (message: string) => void;
}

/** The backup section's name, which `--only backup` selects. */
export function backupSectionName(cases: number): string {
  return `backup of ${cases.toLocaleString('en-GB')} cases in the library page`;
}

/** Whether a run measures the section of this name: every section, or with `--only backup` that one alone. */
export function sectionWanted(name: string, options: Pick<BenchOptions, 'only' | 'backupCases'>): boolean {
  return options.only === undefined || name === backupSectionName(options.backupCases);
}

export const FULL_OPTIONS: Omit<BenchOptions, 'log' | 'build'> = {
  cases: 10_000,
  backupCases: 50_000,
  runs: 10,
  warmup: 2,
  parseRuns: 50,
  parseWarmup: 100,
  scalingRuns: 15,
  cliFiles: { text: 20_000, html: 2_000 },
  cliRuns: 3,
};

/** Small library, one or two runs: checks that every measurement works, in about a minute. */
export const QUICK_OPTIONS: Omit<BenchOptions, 'log' | 'build'> = {
  cases: 200,
  backupCases: 200,
  runs: 2,
  warmup: 1,
  parseRuns: 5,
  parseWarmup: 3,
  scalingRuns: 3,
  cliFiles: { text: 40, html: 40 },
  cliRuns: 1,
};

export interface Environment {
  date: string;
  node: string;
  chromium: string;
  cpu: string;
  cores: number;
  platform: string;
  /** 1-minute load average when the bench started and when it ended: other work on the machine skews the timings. */
  load: { start: number; end: number };
}

export interface BenchReport {
  metrics: Partial<Record<MetricKey, Stat>>;
  /** How figures break down, one line each (printed under the table). */
  details: string[];
  /** Measurements that failed: the bench then exits non-zero. Missed targets are not errors. */
  errors: string[];
  environment: Environment;
  options: Omit<BenchOptions, 'log'>;
}

/** The largest seed decision page (seeds/*.html) by size on disk. */
export function largestSeed(): { ref: string; html: string; bytes: number } {
  const dir = join(REPO_ROOT, 'seeds');
  const [largest] = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ ref: name.replace(/\.html$/, ''), bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!largest) throw new Error('no seeds/*.html');
  return { ...largest, html: readFileSync(join(dir, `${largest.ref}.html`), 'utf8') };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The full version (the user agent string is frozen at "150.0.0.0"). */
async function chromiumVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    return product.replace(/^(Headless)?Chrome\//, '');
  } finally {
    await page.close();
  }
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { log } = options;
  const metrics: BenchReport['metrics'] = {};
  const details: string[] = [];
  const errors: string[] = [];
  const environment: Environment = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: 'unknown',
    cpu: cpuModel(),
    cores: availableParallelism(),
    platform: `${process.platform} ${process.arch}`,
    load: { start: loadavg()[0] ?? NaN, end: NaN },
  };
  const { log: _log, ...reportedOptions } = options;
  const report: BenchReport = { metrics, details, errors, environment, options: reportedOptions };

  /** Runs one section; a failure is recorded and the others still run. */
  const section = async (name: string, fn: () => Promise<void>) => {
    if (!sectionWanted(name, options)) return;
    log(`${name}…`);
    const t0 = performance.now();
    try {
      await fn();
      log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      errors.push(message);
      log(`FAILED ${message}`);
    }
  };

  if (options.build) {
    log('building the production extension (wxt build)…');
    await buildExtension();
  }

  await section('bundle sizes', async () => {
    // What a decision page loads (the budget's page); a listing page gets a script of its own, reported beside it.
    const content = contentScriptsWeight(DEFAULT_EXTENSION_PATH, `${SITE_ORIGIN}${DECISIONS_PATH}/${largestSeed().ref}`);
    metrics.contentScriptGzipBytes = single(content.gzipBytes);
    const listing = contentScriptsWeight(DEFAULT_EXTENSION_PATH, `${SITE_ORIGIN}${DECISIONS_PATH}?page=2`);
    const popup = await pageWeight(DEFAULT_EXTENSION_PATH, POPUP_HTML);
    metrics.popupGzipBytes = single(popup.gzipBytes);
    const weights = (files: FileWeight[]) =>
      files.map((f) => `${f.path} ${f.bytes.toLocaleString('en-GB')} B → ${f.gzipBytes.toLocaleString('en-GB')} B`).join('; ');
    details.push(`content scripts of a decision page (gzip -${GZIP_LEVEL}): ${weights(content.files)}`);
    details.push(`content scripts of a listing page, not counted above: ${weights(listing.files)}`);
    details.push(
      `popup files: ${popup.files.map((f) => `${f.path} ${f.bytes.toLocaleString('en-GB')} B → ${f.gzipBytes.toLocaleString('en-GB')} B`).join('; ')}${popup.lazy.length ? `; loaded later, not counted: ${popup.lazy.join(', ')}` : ''}`,
    );
  });

  const bundles = await buildBundles();

  await section('command-line tool', async () => {
    const cli = await measureCli({
      files: options.cliFiles,
      runs: options.cliRuns,
      parseWarmup: options.parseWarmup,
      parseRuns: options.parseRuns,
      log,
    });
    metrics.cliDecisionsPerSecond = summarise(cli.rates.text);
    metrics.cliHtmlDecisionsPerSecond = summarise(cli.rates.html);
    metrics.cliEfficiency = single(cli.efficiency);
    metrics.cliPeakRssBytes = single(Math.max(cli.peakRss.text.double, cli.peakRss.html.double));
    metrics.cliPeakRssGrowth = single(cli.peakRssGrowth);
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const count = (n: number) => n.toLocaleString('en-GB');
    details.push(
      `CLI (node .output/cli/parse.mjs, ${cli.cores} threads): one call over the 10 seed files takes ${fmt(cli.startupMs)} (nearly all start-up); ` +
        `the parser's warm time per decision in Node ${fmt(cli.warmMs.text)} for a text, ${fmt(cli.warmMs.html)} for a page with its happy-dom DOM; ` +
        `the tool's processor time per decision (all threads, start-up included) ${fmt(median(cli.cpuMsPerDecision.text))} for a text, ${fmt(median(cli.cpuMsPerDecision.html))} for a page, ` +
        `against the parser's own warm ${fmt(cli.warmCpuMs.text)} and ${fmt(cli.warmCpuMs.html)} of processor time; ` +
        `peak memory texts ${mib(median(cli.peakRss.text.files))} at ${count(cli.files.text)} files, ${mib(cli.peakRss.text.double)} at ${count(2 * cli.files.text)}; ` +
        `pages ${mib(median(cli.peakRss.html.files))} at ${count(cli.files.html)}, ${mib(cli.peakRss.html.double)} at ${count(2 * cli.files.html)}`,
    );
  });

  let server: FixtureServer | undefined;
  let browser: LaunchedBrowser | undefined;
  // Our own profile directory, not the harness's throwaway one: the storage figure reopens it.
  const profileDir = await mkdtemp(join(tmpdir(), 'ombudsman-lens-bench-profile-'));
  try {
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    browser = await launchWithExtension({ server, profileDir });
    const { context, extensionId } = browser;
    environment.chromium = await chromiumVersion(context);
    const seed = largestSeed();
    const decisionUrl = server.decisionUrl(seed.ref);
    details.push(`largest seed: ${seed.ref}.html (${seed.bytes.toLocaleString('en-GB')} B)`);

    await section('parser and Readability in Chromium', async () => {
      const p = await measureParsing({
        context,
        server: server!,
        bundle: bundles.decisionPage,
        seed,
        warmup: options.parseWarmup,
        runs: options.parseRuns,
        scalingRuns: options.scalingRuns,
      });
      metrics.parseMsMedian = summarise(p.parse);
      metrics.readabilityMsMedian = summarise(p.readability);
      const ratios = p.parse.map((t, i) => t / p.readability[i]!);
      metrics.parseVsReadability = { ...summarise(ratios), median: median(p.parse) / median(p.readability) };
      details.push(`Readability: clone ${fmt(median(p.clone))} of its ${fmt(median(p.readability))}; parser found ${p.faults} faults`);
      const points = p.scaling.map((s) => ({ size: s.chars, time: median(s.samples) }));
      const fit = fitPowerLaw(points);
      metrics.scalingExponent = single(fit.exponent);
      details.push(
        `scaling: ${p.scaling.map((s) => `×${s.factor}: ${s.chars.toLocaleString('en-GB')} chars, ${s.faults} faults, ${fmt(median(s.samples))}`).join('; ')}; fit k = ${fit.exponent.toFixed(3)}, r² = ${fit.r2.toFixed(4)}`,
      );
    });

    await section('the cold page: parser, Readability and sidebar, each in fresh pages', async () => {
      const c = await measureColdPage({
        context,
        server: server!,
        bundle: bundles.decisionPage,
        seed,
        warmup: options.warmup,
        runs: options.runs,
      });
      const s = c.sidebar;
      metrics.sidebarMsMedian = summarise(s.paint);
      metrics.sidebarCompleteMsMedian = summarise(s.complete);
      metrics.coldParseMsMedian = summarise(c.parse);
      metrics.coldReadabilityMsMedian = summarise(c.readability);
      // Ratios of medians; their min and max are those of the rounds' own ratios (each round loads all three).
      const ratio = (a: number[], b: number[]) => ({ ...summarise(a.map((t, i) => t / b[i]!)), median: median(a) / median(b) });
      metrics.coldParseVsReadability = ratio(c.parse, c.readability);
      metrics.sidebarCompleteVsColdReadability = ratio(s.complete, c.readability);
      details.push(
        `cold page: parse ${fmt(median(c.parse))} (${c.faults} faults), Readability ${fmt(median(c.readability))} of which the clone ${fmt(median(c.clone))}; ` +
          `sidebar: page read (start → read) ${fmt(median(s.read))} of ${fmt(median(s.paint))} to the first paint; ` +
          `then the analysis (painted → analysed, after that frame is drawn) ${fmt(median(s.analysis))}, findings painted at ${fmt(median(s.complete))}`,
      );
    });

    await section('long tasks on a 1 MB page', async () => {
      const big = inflateDecisionPage(seed.html, 1_000_000);
      const runs = Math.max(1, Math.ceil(options.runs / 2));
      const t = await measureLongTasks({ context, server: server!, html: big.html, runs });
      metrics.longestTaskMs = summarise(t.extension);
      details.push(
        `long tasks: the seed's statement ×${big.factor} (${big.bytes.toLocaleString('en-GB')} B); with the extension, its longest task ${fmt(median(t.extension))} ` +
          `(${median(t.count)} tasks of 50 ms or more between its start and every list drawn at ${fmt(median(t.drawn))}, the findings' first frame at ${fmt(median(t.complete))}; 0 ms: none), ` +
          `the page's own before the content script started ${fmt(median(t.pageBefore))}; the page alone (no content script), longest task ${fmt(median(t.pageAlone))}; ` +
          `the extension's longest began in: ${t.steps.join(', ')}`,
      );
    });

    await section('save from the sidebar', async () => {
      metrics.saveMsMedian = summarise(
        await measureSave({ context, url: decisionUrl, bundle: bundles.decisionPage, warmup: options.warmup, runs: options.runs }),
      );
    });

    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    let libraryWritten = false;
    await waitForQuietDisk(profileDir, extensionId);
    const diskBefore = extensionIndexedDbBytes(profileDir, extensionId);
    await section(`library of ${options.cases.toLocaleString('en-GB')} cases`, async () => {
      const seeds = SEED_REFS.map((ref) => ({
        text: readFileSync(join(REPO_ROOT, 'seeds', `${ref}.txt`), 'utf8'),
        url: server!.decisionUrl(ref),
      }));
      const w = await writeLibrary({ context, extensionId, bundle: bundles.extensionPage, seeds, cases: options.cases, log });
      if (w.cases !== options.cases) throw new Error(`the library holds ${w.cases} cases, expected ${options.cases}`);
      libraryWritten = true;
      const live = extensionIndexedDbBytes(profileDir, extensionId);
      details.push(
        `library: ${w.cases.toLocaleString('en-GB')} cases, ${Math.round(w.textChars / w.cases).toLocaleString('en-GB')} chars of text each on average, imported in ${(w.importMs / 1000).toFixed(1)} s; ` +
          `right after the import (LevelDB still compacting): navigator.storage.estimate() +${Math.round((w.usageAfter - w.usageBefore) / w.cases).toLocaleString('en-GB')} B per case, ` +
          `files on disk +${Math.round((live.bytes - diskBefore.bytes) / w.cases).toLocaleString('en-GB')} B per case`,
      );
    });

    if (libraryWritten) {
      await section('popup first render', async () => {
        const r = await measurePopupFirstRender({
          context,
          popupUrl,
          probes: bundles.popupProbes,
          warmup: 1,
          runs: Math.max(2, Math.ceil(options.runs / 2)),
        });
        metrics.popupFirstRenderMs10k = summarise(r.rows);
        // Each run's first rows over its own app draw: both move with the machine's load, their ratio much less.
        const ratios = r.rows.map((rows, i) => rows / r.shell[i]!);
        metrics.popupFirstRowsVsAppMs10k = { ...summarise(ratios), median: median(r.rows) / median(r.shell) };
        details.push(
          `popup: app drawn ("Reading the library…") at ${fmt(median(r.shell))}, first rows at ${fmt(median(r.rows))} after navigation start`,
        );
      });
      await section('popup filter', async () => {
        metrics.popupFilterMs10k = summarise(
          await measurePopupFilter({ context, popupUrl, probes: bundles.popupProbes, warmup: 1, runs: options.runs, log }),
        );
      });
      await section('compare', async () => {
        const columns = Math.min(50, options.cases);
        metrics.compareMs50 = summarise(
          await measureCompare({
            context,
            popupUrl,
            probes: bundles.popupProbes,
            columns,
            warmup: 1,
            runs: Math.max(2, Math.ceil(options.runs / 2)),
          }),
        );
      });
      await section('IndexedDB on disk', async () => {
        await waitForQuietDisk(profileDir, extensionId);
        await browser!.close();
        browser = undefined;
        const settled = await settledIndexedDb({
          server: server!,
          profileDir,
          extensionId,
          bundle: bundles.extensionPage,
          expectedCases: options.cases,
        });
        if (!settled.settled) log('  the IndexedDB files were still changing after 90 s; measured as they were');
        metrics.bytesPerSavedCase = single((settled.bytes - diskBefore.bytes) / options.cases);
        details.push(
          `IndexedDB on disk, settled (Chromium closed, reopened, closed): ${settled.bytes.toLocaleString('en-GB')} B in ${settled.paths.join(', ') || '(nothing found)'}; ${diskBefore.bytes.toLocaleString('en-GB')} B before the import`,
        );
      });
    }
  } finally {
    await browser?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  await section(backupSectionName(options.backupCases), async () => {
    const b = await measureBackup({ bundle: bundles.extensionPage, cases: options.backupCases, log });
    metrics.exportMs50k = single(b.export.ms);
    metrics.importMs50k = single(b.import.ms);
    metrics.exportPeakHeapBytes50k = single(b.export.peakHeapBytes);
    details.push(
      `backup: ${b.cases.toLocaleString('en-GB')} cases written in ${(b.writeMs / 1000).toFixed(0)} s; the file ${(b.export.bytes / 2 ** 20).toFixed(0)} MiB (${b.lines.toLocaleString('en-GB')} lines), ` +
        `exported in ${(b.export.ms / 1000).toFixed(1)} s (${(b.export.ms / b.cases).toFixed(1)} ms a case; heap sampled ${b.export.heapSamples} times, peak ${(b.export.peakHeapBytes / 2 ** 20).toFixed(0)} MiB), ` +
        `imported into an empty library in ${(b.import.ms / 1000).toFixed(1)} s (${(b.import.ms / b.cases).toFixed(1)} ms a case)`,
    );
  });

  environment.load.end = loadavg()[0] ?? NaN;
  const missing = options.only ? [] : METRIC_KEYS.filter((key) => !metrics[key]);
  if (missing.length > 0) log(`no figure for: ${missing.join(', ')}`);
  return report;
}
