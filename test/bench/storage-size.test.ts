import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryBytes, extensionIndexedDbBytes, waitUntilStable } from '../../scripts/bench/storage-size';

const ID = 'ameddameljonpbjdmljlbijdhegdbmii';

describe('the extension origin’s IndexedDB in a profile', () => {
  let profile: string;

  beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'bench-storage-'));
    const idb = join(profile, 'Default', 'IndexedDB');
    mkdirSync(join(idb, `chrome-extension_${ID}_0.indexeddb.leveldb`), { recursive: true });
    mkdirSync(join(idb, `chrome-extension_${ID}_0.indexeddb.blob`, '1', '00'), { recursive: true });
    mkdirSync(join(idb, 'https_www.lgo.org.uk_0.indexeddb.leveldb'), { recursive: true });
    writeFileSync(join(idb, `chrome-extension_${ID}_0.indexeddb.leveldb`, '000005.ldb'), Buffer.alloc(3000));
    writeFileSync(join(idb, `chrome-extension_${ID}_0.indexeddb.leveldb`, '000006.log'), Buffer.alloc(200));
    writeFileSync(join(idb, `chrome-extension_${ID}_0.indexeddb.blob`, '1', '00', '7'), Buffer.alloc(70_000));
    // Another origin's database (the page's): not counted.
    writeFileSync(join(idb, 'https_www.lgo.org.uk_0.indexeddb.leveldb', '000003.log'), Buffer.alloc(999));
  });

  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('counts every file of the extension’s directories, blobs included, and nothing of other origins', () => {
    const found = extensionIndexedDbBytes(profile, ID);
    expect(found.bytes).toBe(3000 + 200 + 70_000);
    expect(found.paths.sort()).toEqual([
      join('Default', 'IndexedDB', `chrome-extension_${ID}_0.indexeddb.blob`),
      join('Default', 'IndexedDB', `chrome-extension_${ID}_0.indexeddb.leveldb`),
    ]);
    expect(directoryBytes(join(profile, 'Default'))).toBe(3000 + 200 + 70_000 + 999);
  });

  it('is zero when the profile has no IndexedDB yet', () => {
    expect(extensionIndexedDbBytes(join(profile, 'nowhere'), ID)).toEqual({ paths: [], bytes: 0 });
  });
});

describe('waitUntilStable', () => {
  it('waits until the value stops changing', async () => {
    const values = [5, 7, 9, 9, 9, 9, 9, 9, 9, 9];
    let i = 0;
    const result = await waitUntilStable(() => values[Math.min(i++, values.length - 1)]!, {
      stableMs: 30,
      timeoutMs: 2000,
      intervalMs: 10,
    });
    expect(result).toEqual({ value: 9, settled: true });
    expect(i).toBeGreaterThan(4);
  });

  it('gives up after the timeout with the last value', async () => {
    let i = 0;
    const result = await waitUntilStable(() => i++, { stableMs: 50, timeoutMs: 100, intervalMs: 10 });
    expect(result.settled).toBe(false);
    expect(result.value).toBeGreaterThan(3);
  });
});
