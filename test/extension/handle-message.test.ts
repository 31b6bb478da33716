/** The background's message handling: validated, size-limited, answered with typed replies. */
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
    expect(await handleMessage(store, { type: 'case-status', reference: '20 003 139' })).toMatchObject({ ok: true, status: { saved: false } });
    expect(await handleMessage(store, save)).toMatchObject({ ok: true, status: { saved: true, tags: ['appeal rights'] } });
    expect(await handleMessage(store, { type: 'update-notes', reference: '20 003 139', tags: ['appeal rights', 'CIN'], note: 'Compare with 19 015 077' })).toMatchObject({
      ok: true,
      status: { saved: true, tags: ['appeal rights', 'CIN'], note: 'Compare with 19 015 077' },
    });
    expect(await handleMessage(store, { type: 'saved-among', references: ['20 003 139', '19 015 077'] })).toEqual({ ok: true, saved: ['20 003 139'] });
    expect(await handleMessage(store, { type: 'remove-case', reference: '20 003 139' })).toMatchObject({ ok: true, status: { saved: false } });
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

  it('refuses a page address that is not a web page\'s, and a statute link that is not legislation.gov.uk', async () => {
    const store = freshStore();
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'not an address', `https://www.lgo.org.uk/${'x'.repeat(2000)}`]) {
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

  it('rejects an oversized message before looking at it', async () => {
    const store = freshStore();
    const reply = await handleMessage(store, { ...save, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
    expect(reply).toMatchObject({ ok: false, error: 'too-large' });
    expect((await store.list()).cases).toEqual([]);
  });
});
