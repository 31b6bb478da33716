/**
 * Undo never overwrites newer work: a case deleted in the popup and saved again
 * from a page before Undo is pressed keeps what the new save brought, and gets
 * the deleted copy's tags and note back beside it; or the undo is refused,
 * saying why, and nothing changes. The popup and the background are two
 * CaseStores (two Dexie connections) on one fake-indexeddb database, as in the
 * browser.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import type { StoredCase } from '../../lib/library/saved-case';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';
import { slowNextRead } from '../helpers/slow-read';

const REF = '23 020 284';
const SUMMARY = summaryOf(seedText('23-020-284'), SEED_URLS['23-020-284']);

let dbCount = 0;
/** Two connections to one database: the popup's and the background's. */
function twoPlaces() {
  const indexedDB = new IDBFactory();
  const name = `undo-${++dbCount}`;
  const popupDb = new LensDatabase(name, { indexedDB, IDBKeyRange });
  // Installed before the database opens (Dexie reads its middleware then); armed by the test that needs it.
  const slow = slowNextRead(popupDb, 300, 'cases');
  const backgroundDb = new LensDatabase(name, { indexedDB, IDBKeyRange });
  let t = Date.UTC(2026, 10, 22, 9, 0, 0);
  const clock = () => new Date((t += 60_000));
  return { popupDb, slow, popup: new CaseStore(popupDb, clock), background: new CaseStore(backgroundDb, clock) };
}

function save(tags: string[], note: string, url = SEED_URLS['23-020-284']) {
  return { summary: structuredClone(SUMMARY), text: seedText('23-020-284'), url, tags, note };
}

/** The popup deletes the case and keeps what `remove` returned, as its Undo toast does. */
async function deleteInPopup(popup: CaseStore): Promise<StoredCase> {
  const removed = await popup.remove(REF);
  if (!removed.ok || !removed.value) throw new Error('expected the deleted case');
  return removed.value;
}

describe('undo after the case was saved again', () => {
  it("merges: the newer save's summary, address, tags and note stay, the deleted copy's tags and note come back beside them", async () => {
    const { popup, background } = twoPlaces();
    const first = await background.save(save(['bias'], 'Court report not investigated.'));
    if (!first.ok) throw new Error(first.message);
    const deleted = await deleteInPopup(popup);

    // Saved again from the page, with a new tag and note, before Undo is pressed.
    const again = await background.save(save(['appeal'], 'Saved again after deleting.', `${SEED_URLS['23-020-284']}?from=search`));
    if (!again.ok) throw new Error(again.message);

    expect(await popup.restore(deleted)).toEqual({ ok: true, value: { merged: true } });
    const [record] = (await popup.full()).cases;
    expect(record!.tags).toEqual(['appeal', 'bias']);
    expect(record!.note).toBe('Saved again after deleting.\n\nCourt report not investigated.');
    expect(record!.url).toBe(`${SEED_URLS['23-020-284']}?from=search`);
    expect(record!.updatedAt >= again.value.updatedAt).toBe(true);
    // First saved when it was first saved.
    expect(record!.savedAt).toBe(first.value.savedAt);
    expect(await popup.text(REF)).toBe(seedText('23-020-284'));
    expect((await popup.list()).cases).toHaveLength(1);
  });

  it('a save arriving while undo is between its read and its write waits for it: both keep their tags and notes', async () => {
    const { slow, popup, background } = twoPlaces();
    await background.save(save(['bias'], 'Old note.'));
    const deleted = await deleteInPopup(popup);

    slow.arm();
    const undoing = popup.restore(deleted);
    await slow.reached; // undo has read "not saved" and is still in its transaction
    const saving = background.save(save(['appeal'], 'New note.'));
    const [undone, saved] = await Promise.all([undoing, saving]);

    expect(undone).toEqual({ ok: true, value: { merged: false } });
    expect(saved.ok).toBe(true);
    const [record] = (await background.full()).cases;
    // The save landed after the undo, as a save onto a saved case: both sides kept.
    expect(record!.tags).toEqual(['bias', 'appeal']);
    expect(record!.note).toBe('Old note.\n\nNew note.');
  });

  it('refuses, saying why, when the merge would pass a limit; the case saved since is left as it is', async () => {
    const { popup, background } = twoPlaces();
    await background.save(
      save(
        Array.from({ length: 30 }, (_, i) => `old-${i}`),
        '',
      ),
    );
    const deleted = await deleteInPopup(popup);
    await background.save(
      save(
        Array.from({ length: 30 }, (_, i) => `new-${i}`),
        'New.',
      ),
    );
    const before = await background.full();

    expect(await popup.restore(deleted)).toEqual({
      ok: false,
      error: 'too-large',
      message: 'Not restored: a case can have at most 50 tags; this one would have 60.',
    });
    expect(await background.full()).toEqual(before);
  });

  it('a case whose copy saved since is damaged is put back, keeping the words that survive of it', async () => {
    const { popupDb, popup, background } = twoPlaces();
    await background.save(save(['bias'], 'Old note.'));
    const deleted = await deleteInPopup(popup);
    await background.save(save(['appeal'], 'New note.'));
    await popupDb.summaries.put({ reference: REF, summary: { title: 'half a summary' } as never });

    expect(await popup.restore(deleted)).toEqual({ ok: true, value: { merged: true } });
    const { cases, corrupted } = await popup.full();
    expect(corrupted).toEqual([]);
    expect(cases[0]!.summary).toEqual(deleted.summary);
    expect(cases[0]!.tags).toEqual(['appeal', 'bias']);
    expect(cases[0]!.note).toBe('New note.\n\nOld note.');
  });
});
