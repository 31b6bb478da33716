/**
 * A large library of realistic cases backed up and restored from the library
 * page, in Chromium (issue #15): filled the way an import writes (the bench's
 * generator, through CaseStore in the extension's own origin), exported with
 * "Export JSON backup" (the file checked line by line: a header, every case,
 * the end line; generated cases read back from it exactly as the library held
 * them), the library cleared, the same file imported with "Import backup",
 * progress shown for both, and every case back, equal to what was exported.
 *
 * BIG_LIBRARY_CASES sets the size; 50,000 by default, the size. Run alone on this two-core
 * machine at a load of ~1.5 with the production build in Chromium 156 (2026-12-04): 596 s in all (fill
 * 191 s, export 150 s, import 252 s). 20,000 took 253 s inside a whole `CI=true bash .ci/run` (about
 * 16 minutes), so the whole run at 50,000 is about 22 minutes of CI's 90. Each step goes a case at a
 * time, in time linear in the library; under a load of 14-18, 20,000 took 1,050 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  REPO_ROOT,
  SEED_REFS,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../../scripts/browser-harness';
import { buildBundles } from '../../scripts/bench/bundles';
import { referenceFor } from '../../scripts/bench/library-generator';
import {
  clearLibrary,
  exportFromLibraryPage,
  importInLibraryPage,
  openLibraryPage,
  readBackupFile,
  type ExportRun,
} from '../../scripts/bench/measure-backup';
import { writeLibrary } from '../../scripts/bench/measure-library';
import { callInPage, type ExtensionPageApi } from '../../scripts/bench/page-apis';
import type { BackupV2Case } from '../../lib/library/saved-case';

const CASES = Number(process.env.BIG_LIBRARY_CASES ?? 50_000);
/** Generous: the machine is shared, and the time is not what this test is about (npm run bench measures it). */
const STEP_MS = 60 * 60_000;

let server: FixtureServer;
let browser: LaunchedBrowser;
let extensionPage: string;

/** Calls the bench's extension-page API in a blank page of the extension's origin (no app reading the library meanwhile). */
async function inExtension<K extends keyof ExtensionPageApi & string>(
  name: K,
  ...args: Parameters<ExtensionPageApi[K]>
): Promise<Awaited<ReturnType<ExtensionPageApi[K]>>> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await page.evaluate(extensionPage);
    return (await callInPage<ExtensionPageApi, K>(page, name, ...(args as never))) as Awaited<ReturnType<ExtensionPageApi[K]>>;
  } finally {
    await page.close();
  }
}

const referencesOf = (cases: readonly BackupV2Case[]) => cases.map((c) => c.reference);

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ server });
  extensionPage = (await buildBundles()).extensionPage;
}, STEP_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`a library of ${CASES.toLocaleString('en-GB')} cases, in chromium`, () => {
  let exported: ExportRun;
  let samples: BackupV2Case[];

  it('is filled with generated cases in the extension’s own origin', { timeout: STEP_MS }, async () => {
    const seeds = SEED_REFS.map((ref) => ({
      text: readFileSync(join(REPO_ROOT, 'seeds', `${ref}.txt`), 'utf8'),
      url: server.decisionUrl(ref),
    }));
    const written = await writeLibrary({
      context: browser.context,
      extensionId: browser.extensionId,
      bundle: extensionPage,
      seeds,
      cases: CASES,
      log: () => {},
    });
    expect(written.cases).toBe(CASES);
    expect(await inExtension('countCases')).toBe(CASES);
    // Three cases as the library holds them, to find again in the file and after the import.
    samples = await firstMiddleLast();
    expect(samples).toHaveLength(3);
  });

  it('is exported from the library page, case by case, with progress', { timeout: STEP_MS }, async () => {
    const page = await openLibraryPage(browser.context, browser.extensionId);
    exported = await exportFromLibraryPage(page);
    await page.close();
    expect(
      exported.progress.some((label) => new RegExp(`^Exporting: [\\d,]+ of ${CASES.toLocaleString('en-GB')} cases…$`).test(label)),
    ).toBe(true);
    const file = await readBackupFile(exported.path, referencesOf(samples));
    expect(file.lines).toBe(CASES + 2);
    expect(file.header).toMatchObject({ format: 'ombudsman-lens-backup', version: 2 });
    expect(file.end).toEqual({ end: true, cases: CASES });
    // Each sampled case is in the file as the library held it: its text, tags, note and summary.
    for (const c of samples) expect(file.cases.get(c.reference)).toEqual(JSON.parse(JSON.stringify(c)));
  });

  it('comes back whole when the file is imported into the emptied library, with progress', { timeout: STEP_MS }, async () => {
    await clearLibrary(browser.context, browser.extensionId);
    expect(await inExtension('countCases')).toBe(0);
    const page = await openLibraryPage(browser.context, browser.extensionId);
    const imported = await importInLibraryPage(page, exported.path);
    await page.close();
    expect(imported.report).toContain(`Imported: ${CASES} cases added, 0 merged with cases already saved.`);
    expect(imported.progress.some((label) => /^Checking the backup: [\d,]+ cases read…$/.test(label))).toBe(true);
    expect(
      imported.progress.some((label) => new RegExp(`^Importing: [\\d,]+ of ${CASES.toLocaleString('en-GB')} cases…$`).test(label)),
    ).toBe(true);
    expect(await inExtension('countCases')).toBe(CASES);
    const back = await inExtension('readCases', referencesOf(samples));
    // The same cases, to the character; only the time of the last change may move (an import is a change).
    const withoutUpdate = ({ updatedAt: _u, ...rest }: BackupV2Case) => rest;
    expect(back.map(withoutUpdate)).toEqual(samples.map(withoutUpdate));
  });
});

/** The generator's first, middle and last cases, read from the library. */
async function firstMiddleLast(): Promise<BackupV2Case[]> {
  // Case i's reference ends with i's six digits after a two-digit year the generator draws: match those digits.
  const wanted = new Set([0, Math.floor(CASES / 2), CASES - 1].map((i) => referenceFor(i, 2000).slice(3)));
  const references = (await inExtension('listReferences')).filter((r) => wanted.has(r.slice(3)));
  return inExtension('readCases', references);
}
