/**
 * A write that finds the library's connection closed under it is run once more on a reopened
 * connection (`CaseStore.write`). Firefox closes its connection when a write meets a full disk:
 * before this rule, the first Save after space came back said "the library was closed ... Try
 * again" and only the second saved (test/e2e/full-disk.test.ts shows it in the real browser).
 *
 * Here the browser's part is played by a Dexie middleware on fake-indexeddb: on the writes it is
 * told to fail, it closes the connection as Dexie does when the browser closes it (`onclose`) and
 * fails the write with a DatabaseClosedError.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

let dbCount = 0;

/** A library whose next `closings` writes meet a connection closed by the browser. */
function library(closings: number) {
  const db = new LensDatabase(`reopen-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const state = { closings, writes: 0 };
  db.use({
    stack: 'dbcore',
    name: 'browser-closes-connection',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            state.writes++;
            if (state.closings === 0) return table.mutate(request);
            state.closings--;
            db.close({ disableAutoOpen: false });
            return Promise.reject(new Dexie.DatabaseClosedError('Database has been closed'));
          },
        };
      },
    }),
  });
  return { db, state, store: new CaseStore(db, () => new Date(Date.UTC(2026, 10, 22, 9)), null) };
}

const input = (ref: SeedRef, tags: string[] = [], note = '') => ({
  summary: summaryOf(seedText(ref), SEED_URLS[ref]),
  text: seedText(ref),
  url: SEED_URLS[ref],
  tags,
  note,
});

describe('a write that finds the connection closed', () => {
  it('is run again once on a reopened connection: the first save after the browser closed it saves', async () => {
    const { store, state } = library(1);
    const saved = await store.save(input('20-003-139', ['housing'], 'first note'));
    expect(saved).toMatchObject({ ok: true });
    expect(state.closings).toBe(0);
    const status = await store.status('20 003 139');
    expect(status).toEqual({
      ok: true,
      value: { saved: true, savedAt: '2026-11-22T09:00:00.000Z', tags: ['housing'], note: 'first note' },
    });
  });

  it('is run again only once: a connection still closed the second time is said in words, and nothing is written', async () => {
    const { store, state } = library(2);
    const before = state.writes;
    const saved = await store.save(input('20-003-139'));
    expect(saved).toEqual({
      ok: false,
      error: 'storage-failed',
      message:
        'Not saved: the library was closed while this ran (the extension was probably updated or reloaded). Nothing already saved was changed. Try again.',
    });
    expect(state.writes - before).toBe(2);
    expect(await store.count()).toBe(0);
  });

  it('covers every kind of write: undo, tags and note, and a batch of an import', async () => {
    const { store, state } = library(0);
    expect(await store.save(input('19-015-077'))).toMatchObject({ ok: true });
    const removed = await store.remove('19 015 077');
    if (!removed.ok || !removed.value) throw new Error('not removed');
    state.closings = 1;
    expect(await store.restore(removed.value)).toEqual({ ok: true, value: { merged: false } });
    state.closings = 1;
    expect(await store.updateNotes('19 015 077', ['care'], 'a note')).toMatchObject({ ok: true });
    const { cases } = await store.full(['19 015 077']);
    const text = await store.text('19 015 077');
    state.closings = 1;
    const other = { ...cases[0]!, text, reference: '19 015 077', tags: ['imported'], note: '' };
    expect(await store.importBatch([{ index: 0, value: other }])).toEqual({ added: 0, merged: 1, problems: [] });
    expect(state.closings).toBe(0);
    expect(await store.status('19 015 077')).toMatchObject({ ok: true, value: { tags: ['care', 'imported'], note: 'a note' } });
  });
});
