/** The background's message handling: validated, size-limited, answered with typed replies. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { handleMessage, MAX_MESSAGE_CHARS } from '../../entrypoints/background/handle-message';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

function freshStore(): CaseStore {
  return new CaseStore(new LensDatabase(`test-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
}

const summary = summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']);
const save = { type: 'save-case', summary, text: seedText('20-003-139'), url: SEED_URLS['20-003-139'], tags: ['appeal rights'], note: '' };

describe('handleMessage', () => {
  it('saves a case, reports it saved, updates its notes and removes it', async () => {
    const store = freshStore();
    expect(await handleMessage(store, { type: 'case-status', reference: '20 003 139' })).toMatchObject({
      ok: true,
      status: { saved: false },
    });
    expect(await handleMessage(store, save)).toMatchObject({ ok: true, status: { saved: true, tags: ['appeal rights'] } });
    expect(
      await handleMessage(store, {
        type: 'update-notes',
        reference: '20 003 139',
        tags: ['appeal rights', 'CIN'],
        note: 'Compare with 19 015 077',
      }),
    ).toMatchObject({
      ok: true,
      status: { saved: true, tags: ['appeal rights', 'CIN'], note: 'Compare with 19 015 077' },
    });
    expect(await handleMessage(store, { type: 'saved-among', references: ['20 003 139', '19 015 077'] })).toEqual({
      ok: true,
      saved: ['20 003 139'],
    });
    expect(await handleMessage(store, { type: 'remove-case', reference: '20 003 139' })).toMatchObject({
      ok: true,
      status: { saved: false },
    });
  });

  it('rejects a message of the wrong shape with a typed error and writes nothing', async () => {
    const store = freshStore();
    const bad = { ...save, summary: { ...summary, reference: 'not a reference' } };
    const reply = await handleMessage(store, bad);
    expect(reply).toMatchObject({ ok: false, error: 'invalid-message' });
    if (!reply.ok) expect(reply.message).toContain('summary.reference');
    expect(await handleMessage(store, { type: 'delete-everything' })).toMatchObject({ ok: false, error: 'invalid-message' });
    expect(await handleMessage(store, null)).toMatchObject({ ok: false, error: 'invalid-message' });
    expect((await store.list()).cases).toEqual([]);
  });

  it("refuses a page address that is not a decision page's on lgo.org.uk, and a statute link that is not legislation.gov.uk", async () => {
    const store = freshStore();
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'not an address',
      `https://www.lgo.org.uk/${'x'.repeat(2000)}`,
      'https://example.com/decisions/20-003-139',
      'https://www.lgo.org.uk.example.com/decisions/20-003-139',
    ]) {
      const reply = await handleMessage(store, { ...save, url });
      expect(reply, url).toMatchObject({ ok: false, error: 'invalid-message' });
      if (!reply.ok) expect(reply.message).toContain('url');
    }
    const linked = summary.statutes.findIndex((s) => s.url !== null);
    expect(linked).toBeGreaterThanOrEqual(0);
    const statutes = summary.statutes.map((s, i) => (i === linked ? { ...s, url: 'javascript:alert(1)' } : s));
    const reply = await handleMessage(store, { ...save, summary: { ...summary, statutes } });
    expect(reply).toMatchObject({ ok: false, error: 'invalid-message' });
    if (!reply.ok) expect(reply.message).toContain(`summary.statutes.${linked}.url`);
    expect((await store.list()).cases).toEqual([]);
  });

  it('answers a failure thrown outside the store in words, never rejecting', async () => {
    const store = freshStore();
    const closed = Object.assign(Object.create(Object.getPrototypeOf(store) as object) as CaseStore, store, {
      status: () => Promise.reject(new Dexie.DatabaseClosedError()),
    });
    expect(await handleMessage(closed, { type: 'case-status', reference: '20 003 139' })).toEqual({
      ok: false,
      error: 'storage-failed',
      message:
        'The library could not answer: the library was closed while this ran (the extension was probably updated or reloaded). Try again.',
    });
  });

  it('says why a save failed once, in words: a full disk', async () => {
    const db = new LensDatabase(`test-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    db.use({
      stack: 'dbcore',
      name: 'full',
      create: (down) => ({
        ...down,
        table: (name) => ({
          ...down.table(name),
          mutate: () =>
            Promise.reject(
              new Dexie.BulkError(`${name}.bulkPut(): 1 of 1 operations failed`, {
                0: new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')),
              }),
            ),
        }),
      }),
    });
    expect(await handleMessage(new CaseStore(db), save)).toEqual({
      ok: false,
      error: 'storage-full',
      message:
        "Not saved: the browser's storage for extensions is full. Nothing already saved was changed. Free space on the disk, or export and delete old cases.",
    });
  });

  it('rejects an oversized message before looking at it', async () => {
    const store = freshStore();
    const reply = await handleMessage(store, { ...save, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
    expect(reply).toMatchObject({ ok: false, error: 'too-large' });
    expect((await store.list()).cases).toEqual([]);
  });
});
