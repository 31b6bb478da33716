/**
 * A write is refused in words, before it starts, when the disk that holds the library is nearly
 * full (lib/library/disk-headroom.ts): in Chromium a write that meets a full disk can cost the
 * whole library at the next restart (test/e2e/full-disk.test.ts shows it on a real disk). Here the
 * browser's estimate is a stand-in and the library is on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { importBackupFile } from '../../lib/library/backup-stream';
import { MIN_FREE_BYTES, roomFor, type StorageEstimator } from '../../lib/library/disk-headroom';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const MB = 1024 * 1024;
let dbCount = 0;

/** A disk with `free` bytes left: Chromium reports the extension's quota as its usage plus the free space. */
function disk(free: number) {
  const state = { free };
  const estimate: StorageEstimator = async () => ({ usage: 5 * MB, quota: 5 * MB + state.free });
  return { state, estimate };
}

function storeOn(estimate: StorageEstimator | null) {
  const db = new LensDatabase(`disk-headroom-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, store: new CaseStore(db, () => new Date(Date.UTC(2026, 10, 22, 9)), estimate) };
}

const ref = '20-003-139';
const input = () => ({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });

describe('roomFor', () => {
  it('lets a write through with the margin free, and refuses it below, saying how much is free', async () => {
    expect(await roomFor(disk(MIN_FREE_BYTES + 10_000).estimate, 'Not saved', 5_000)).toBeNull();
    const refusal = await roomFor(disk(MIN_FREE_BYTES + 10_000).estimate, 'Not saved', 5_001);
    expect(refusal?.code).toBe('storage-full');
    const nearlyFull = await roomFor(disk(0.45 * MB).estimate, 'Not saved', 40_000);
    expect(nearlyFull?.message).toBe(
      'Not saved: your disk is nearly full (0.4 MB free; the library needs 64 MB free to write safely). ' +
        'Nothing already saved was changed. Free space on the disk and try again.',
    );
    expect((await roomFor(disk(0).estimate, 'Not deleted'))?.message).toMatch(/^Not deleted: your disk is nearly full \(0\.0 MB free;/);
  });

  it('lets the write through when the browser cannot say (no estimate, a failed one, or no figures)', async () => {
    expect(await roomFor(null, 'Not saved')).toBeNull();
    expect(await roomFor(() => Promise.reject(new Error('no')), 'Not saved')).toBeNull();
    expect(await roomFor(async () => ({}), 'Not saved')).toBeNull();
  });
});

describe('every write of the library asks first', () => {
  it('refuses a save on a nearly full disk, writes nothing, and saves once space returns', async () => {
    const { state, estimate } = disk(MB);
    const { db, store } = storeOn(estimate);
    const refused = await store.save(input());
    expect(refused).toMatchObject({ ok: false, error: 'storage-full' });
    expect(!refused.ok && refused.message).toMatch(/^Not saved: your disk is nearly full \(1\.0 MB free;/);
    expect(await db.cases.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);

    state.free = 10 * 1024 * MB;
    expect((await store.save(input())).ok).toBe(true);
    expect(await db.cases.count()).toBe(1);
  });

  it('refuses tags and note, delete, undo and imports the same way, changing nothing', async () => {
    const { state, estimate } = disk(10 * 1024 * MB);
    const { db, store } = storeOn(estimate);
    expect((await store.save(input())).ok).toBe(true);
    const before = await db.cases.toArray();
    const backup = await store.exportBackup();

    state.free = 2 * MB;
    expect(await store.updateNotes('20 003 139', ['late'], 'a note')).toMatchObject({ ok: false, error: 'storage-full' });
    expect(await store.remove('20 003 139')).toMatchObject({ ok: false, error: 'storage-full' });
    const imported = await store.importBackup({ ...backup, cases: backup.cases.map((c) => ({ ...c, tags: ['from-backup'] })) });
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.message).toMatch(/^Not imported: your disk is nearly full/);
    const streamed = await importBackupFile(store, new Blob([JSON.stringify(backup)]));
    expect(streamed.ok).toBe(false);
    expect(!streamed.ok && streamed.message).toMatch(/^The import stopped: your disk is nearly full/);
    expect(await db.cases.toArray()).toEqual(before);

    state.free = 10 * 1024 * MB;
    const removed = await store.remove('20 003 139');
    expect(removed.ok && removed.value).toBeTruthy();
    state.free = 2 * MB;
    const undo = await store.restore(removed.ok ? removed.value! : (undefined as never));
    expect(undo).toMatchObject({ ok: false, error: 'storage-full' });
    expect(await db.cases.count()).toBe(0);
  });
});
