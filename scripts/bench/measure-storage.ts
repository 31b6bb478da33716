/**
 * What the library takes on disk, per saved case.
 *
 * Trusted figure: the size of the extension origin's IndexedDB directory in the
 * Chromium profile once LevelDB has settled. Right after a large import LevelDB
 * is still compacting (the log is turned into tables, tables are merged), so the
 * directory grows and shrinks for seconds; closing Chromium can stop a
 * compaction half-way and leave its partial output behind until the next open.
 * So: wait for the directory to stop changing, close Chromium, start it again on
 * the same profile and open the database (LevelDB removes obsolete files on
 * open; counting the cases also checks they are all there), wait again, close,
 * and measure the files.
 *
 * navigator.storage.estimate() is reported beside it: in Chromium it is the same
 * directory's size, but read at one moment (mid-compaction right after the import).
 */
import type { FixtureServer } from '../browser-harness';
import { launchWithExtension } from '../browser-harness';
import { callInPage, type ExtensionPageApi } from './page-apis';
import { extensionIndexedDbBytes, waitUntilStable, type OriginStorage } from './storage-size';

const STABLE = { stableMs: 3000, timeoutMs: 90_000 };

export async function waitForQuietDisk(profileDir: string, extensionId: string): Promise<boolean> {
  return (await waitUntilStable(() => extensionIndexedDbBytes(profileDir, extensionId).bytes, STABLE)).settled;
}

/**
 * Reopens the profile (after the caller has closed Chromium on it) and returns
 * the settled size of the extension's IndexedDB.
 */
export async function settledIndexedDb(options: {
  server: FixtureServer;
  profileDir: string;
  extensionId: string;
  bundle: string;
  expectedCases: number;
}): Promise<OriginStorage & { settled: boolean }> {
  const browser = await launchWithExtension({ server: options.server, profileDir: options.profileDir });
  let settled: boolean;
  try {
    if (browser.extensionId !== options.extensionId)
      throw new Error(`the extension came back as ${browser.extensionId}, not ${options.extensionId}`);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${options.extensionId}/manifest.json`);
    await page.evaluate(options.bundle);
    const count = await callInPage<ExtensionPageApi, 'countCases'>(page, 'countCases');
    if (count !== options.expectedCases)
      throw new Error(`after reopening, the library holds ${count} cases, expected ${options.expectedCases}`);
    settled = await waitForQuietDisk(options.profileDir, options.extensionId);
  } finally {
    await browser.close();
  }
  return { ...extensionIndexedDbBytes(options.profileDir, options.extensionId), settled };
}
