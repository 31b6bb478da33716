/**
 * Backups of a large library as a person makes them (issue #15): in the
 * library page (library.html), "Export JSON backup" clicked and timed to the
 * file written, with the page's JavaScript heap sampled throughout; then the
 * library cleared and the same file chosen in "Import backup", timed to the
 * import's report (shown once the last batch is stored). Used by the bench
 * (exportMs50k, importMs50k, exportPeakHeapBytes50k) and by the real-browser
 * test of a 50,000-case library (test/e2e/big-library.test.ts).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchWithExtension, REPO_ROOT, SEED_REFS, startFixtureServer } from '../browser-harness';
import { writeLibrary } from './measure-library';

const LIBRARY_VIEWPORT = { width: 1100, height: 800 };

/** Long enough for 50,000 cases on a busy two-core machine (minutes, not hours). */
const TASK_TIMEOUT_MS = 60 * 60_000;

export async function openLibraryPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(LIBRARY_VIEWPORT);
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  return page;
}

/**
 * Samples the page's JavaScript heap (CDP Performance.getMetrics, JSHeapUsedSize) until stopped; `peak` is the
 * largest sample. `performance.measureUserAgentSpecificMemory` would need a cross-origin-isolated page.
 */
async function heapSampler(page: Page, everyMs: number): Promise<{ stop(): Promise<{ peak: number; samples: number }> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used !== undefined) {
        peak = Math.max(peak, used);
        samples++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach();
      return { peak, samples };
    },
  };
}

/** The progress line while a task runs, read now and then (the progress bar's label). */
function progressWatcher(page: Page, everyMs: number): { stop(): Promise<string[]> } {
  const seen = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const label = await page
        .locator('.ol-task label span')
        .first()
        .textContent({ timeout: everyMs })
        .catch(() => null);
      if (label) seen.add(label);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...seen];
    },
  };
}

export interface ExportRun {
  ms: number;
  path: string;
  bytes: number;
  peakHeapBytes: number;
  heapSamples: number;
  /** Progress labels seen while it ran ("Exporting: 1,200 of 50,000 cases…"). */
  progress: string[];
}

/** In an open library page: clicks "Export JSON backup" and waits for the file to be written. */
export async function exportFromLibraryPage(page: Page): Promise<ExportRun> {
  const button = page.getByRole('button', { name: /^Export JSON backup/ });
  await button.waitFor({ timeout: TASK_TIMEOUT_MS });
  const heap = await heapSampler(page, 250);
  const progress = progressWatcher(page, 500);
  try {
    const download = page.waitForEvent('download', { timeout: TASK_TIMEOUT_MS });
    const t0 = performance.now();
    await button.click();
    // Resolves once the browser has written the whole file.
    const path = await (await download).path();
    const ms = performance.now() - t0;
    const { peak, samples } = await heap.stop();
    return { ms, path, bytes: (await stat(path)).size, peakHeapBytes: peak, heapSamples: samples, progress: await progress.stop() };
  } catch (error) {
    await heap.stop().catch(() => undefined);
    await progress.stop().catch(() => undefined);
    throw error;
  }
}

export interface ImportRun {
  ms: number;
  /** The import's report, as shown ("Imported: 50000 cases added, 0 merged with cases already saved."). */
  report: string;
  progress: string[];
}

/** In an open library page: chooses `path` in "Import backup" and waits for the import's report. */
export async function importInLibraryPage(page: Page, path: string): Promise<ImportRun> {
  const input = page.locator('input[type="file"]');
  await input.waitFor({ state: 'attached', timeout: TASK_TIMEOUT_MS });
  const progress = progressWatcher(page, 500);
  try {
    const t0 = performance.now();
    await input.setInputFiles(path);
    const report = page.locator('.ol-report-ok, .ol-import-export .ol-report-refused').first();
    await report.waitFor({ timeout: TASK_TIMEOUT_MS });
    const ms = performance.now() - t0;
    return { ms, report: (await report.textContent()) ?? '', progress: await progress.stop() };
  } catch (error) {
    await progress.stop().catch(() => undefined);
    throw error;
  }
}

/** Deletes the library's database from an extension page (no page of the library open): an empty library to import into. */
export async function clearLibrary(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    const outcome = await page.evaluate<string>(`new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('ombudsman-lens');
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => resolve('failed: ' + request.error);
      request.onblocked = () => resolve('blocked');
    })`);
    if (outcome !== 'deleted') throw new Error(`the library could not be cleared (${outcome})`);
  } finally {
    await page.close();
  }
}

export interface BackupFile {
  lines: number;
  header: Record<string, unknown>;
  end: Record<string, unknown>;
  /** The case lines asked for by reference, parsed. */
  cases: Map<string, Record<string, unknown>>;
}

/** Reads a version 2 backup line by line (it may be far larger than one string can hold). */
export async function readBackupFile(path: string, wanted: readonly string[] = []): Promise<BackupFile> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let count = 0;
  let header: Record<string, unknown> = {};
  let last = '';
  const cases = new Map<string, Record<string, unknown>>();
  const references = new Set(wanted);
  for await (const line of lines) {
    if (count === 0) header = JSON.parse(line) as Record<string, unknown>;
    else if (references.size > cases.size) {
      // The reference is the line's first field: look before parsing the whole line.
      const match = /^\{"reference":"([^"]+)"/.exec(line);
      if (match && references.has(match[1]!)) cases.set(match[1]!, JSON.parse(line) as Record<string, unknown>);
    }
    last = line;
    count++;
  }
  return { lines: count, header, end: JSON.parse(last) as Record<string, unknown>, cases };
}

export interface BackupFigures {
  cases: number;
  /** Filling the library first (generated cases through CaseStore, as an import writes them). */
  writeMs: number;
  export: ExportRun;
  lines: number;
  import: ImportRun;
}

/**
 * The whole sequence in a browser of its own (a fresh profile, removed after): `cases` generated cases
 * written, exported from the library page, the library cleared, the file imported back. Throws when the file
 * or the import does not hold every case.
 */
export async function measureBackup(options: { bundle: string; cases: number; log: (m: string) => void }): Promise<BackupFigures> {
  const server = await startFixtureServer();
  try {
    const browser = await launchWithExtension({ server });
    try {
      const { context, extensionId } = browser;
      const seeds = SEED_REFS.map((ref) => ({
        text: readFileSync(join(REPO_ROOT, 'seeds', `${ref}.txt`), 'utf8'),
        url: server.decisionUrl(ref),
      }));
      const t0 = performance.now();
      const written = await writeLibrary({ context, extensionId, bundle: options.bundle, seeds, cases: options.cases, log: options.log });
      const writeMs = performance.now() - t0;
      if (written.cases !== options.cases) throw new Error(`the library holds ${written.cases} cases, expected ${options.cases}`);
      options.log('  exporting from the library page…');
      const exportPage = await openLibraryPage(context, extensionId);
      const exported = await exportFromLibraryPage(exportPage);
      await exportPage.close();
      const file = await readBackupFile(exported.path);
      if (file.lines !== options.cases + 2 || file.end.cases !== options.cases)
        throw new Error(`the backup has ${file.lines} lines and says ${String(file.end.cases)} cases; expected ${options.cases} cases`);
      await clearLibrary(context, extensionId);
      options.log('  importing it into the emptied library…');
      const importPage = await openLibraryPage(context, extensionId);
      const imported = await importInLibraryPage(importPage, exported.path);
      await importPage.close();
      if (!imported.report.includes(`Imported: ${options.cases} cases added`)) throw new Error(`the import said: ${imported.report}`);
      return { cases: options.cases, writeMs, export: exported, lines: file.lines, import: imported };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
