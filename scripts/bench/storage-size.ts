/**
 * On-disk size of an origin's IndexedDB in a Chromium profile.
 *
 * Chromium keeps each origin's IndexedDB under <profile>/Default/IndexedDB/, in
 * a directory named from the origin: `chrome-extension_<id>_0.indexeddb.leveldb`
 * (plus `.indexeddb.blob` for large values) in the LevelDB layout, or a
 * directory per storage key in newer layouts. Every entry whose name contains
 * the extension id is counted, whatever the layout.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under `path` (or of the file itself). */
export function directoryBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += directoryBytes(join(path, entry));
  return total;
}

export interface OriginStorage {
  /** The directories counted, relative to the profile. */
  paths: string[];
  bytes: number;
}

export function extensionIndexedDbBytes(profileDir: string, extensionId: string): OriginStorage {
  const root = join(profileDir, 'Default', 'IndexedDB');
  if (!existsSync(root)) return { paths: [], bytes: 0 };
  const entries = readdirSync(root).filter((name) => name.includes(extensionId));
  return {
    paths: entries.map((name) => join('Default', 'IndexedDB', name)),
    bytes: entries.reduce((sum, name) => sum + directoryBytes(join(root, name)), 0),
  };
}

/**
 * Polls `measure` until it has not changed for `stableMs` (LevelDB compacts in
 * the background for seconds after a large write: files appear and go).
 * Returns the last value, and whether it settled before `timeoutMs`.
 */
export async function waitUntilStable(
  measure: () => number,
  options: { stableMs: number; timeoutMs: number; intervalMs?: number },
): Promise<{ value: number; settled: boolean }> {
  const interval = options.intervalMs ?? 500;
  const deadline = Date.now() + options.timeoutMs;
  let value = measure();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, interval));
    const next = measure();
    if (next !== value) {
      value = next;
      since = Date.now();
    } else if (Date.now() - since >= options.stableMs) {
      return { value, settled: true };
    }
  }
  return { value, settled: false };
}
