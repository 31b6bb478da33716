/**
 * The data-access module against fake-indexeddb: one record per reference,
 * tags and notes never lost, undo, damaged records skipped, and failed writes
 * (storage full, a failure half-way through an import) leaving the library
 * exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCoreMutateRequest } from 'dexie';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore, compareVersions, indexFields, isQuotaError, joinNotes, mergeNotes } from '../../lib/library/case-store';
import { gunzipText, gzipText } from '../../lib/library/text-codec';
import type { CaseEntry, StoredCase } from '../../lib/library/saved-case';
import type { DecisionSummary } from '../../lib/schema';
import { SEED_REFS, SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';
import { slowNextRead } from '../helpers/slow-read';

let dbCount = 0;
function freshDb(): LensDatabase {
  return new LensDatabase(`case-store-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

const summaries = new Map<SeedRef, DecisionSummary>();
function seed(ref: SeedRef, tags: string[] = [], note = '') {
  if (!summaries.has(ref)) summaries.set(ref, summaryOf(seedText(ref), SEED_URLS[ref]));
  return { summary: structuredClone(summaries.get(ref)!), text: seedText(ref), url: SEED_URLS[ref], tags, note };
}

function clock(start = Date.UTC(2026, 10, 22, 9, 0, 0)) {
  let t = start;
  return () => new Date((t += 60_000));
}

/** Everything in the table, raw, in key order: "exactly as before" is compared on this. */
async function snapshot(db: LensDatabase): Promise<unknown[]> {
  return db.cases.toArray();
}

/** A Dexie middleware in front of the table's writes: the test decides when a write fails. */
function failWrites(db: LensDatabase, decide: (req: DBCoreMutateRequest) => 'pass' | 'quota' | 'half-then-fail') {
  db.use({
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req) => {
            const what = decide(req);
            if (what === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            if (what === 'half-then-fail' && req.type === 'put') {
              // Half the rows really reach IndexedDB, then the write fails: the transaction must undo them.
              const half = Math.ceil(req.values.length / 2);
              await table.mutate({ ...req, values: req.values.slice(0, half), keys: req.keys?.slice(0, half) });
              throw new Error('disk went away');
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

describe('save', () => {
  it('keys by reference: saving twice keeps one record, its tags (union, in order), its notes and its savedAt', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    const first = await store.save(seed('19-015-077', ['section 47', 'contact'], 'Like my client.'));
    expect(first.ok).toBe(true);
    const second = await store.save(seed('19-015-077', ['contact', 'Wales'], 'Ask about PSOW.'));
    expect(second.ok).toBe(true);
    if (!first.ok || !second.ok) return;

    expect(await db.cases.count()).toBe(1);
    const record = (await store.list()).cases[0]!;
    expect(record.reference).toBe('19 015 077');
    expect(record.tags).toEqual(['section 47', 'contact', 'Wales']);
    expect(record.note).toBe('Like my client.\n\nAsk about PSOW.');
    expect(record.savedAt).toBe(first.value.savedAt);
    expect(record.updatedAt > record.savedAt).toBe(true);
    expect(await store.text(record.reference)).toBe(seedText('19-015-077'));
  });

  it('keeps the note when saved again with none, and does not repeat an identical note', async () => {
    const store = new CaseStore(freshDb(), clock());
    await store.save(seed('20-003-139', [], 'Compare with ours.'));
    await store.save(seed('20-003-139'));
    await store.save(seed('20-003-139', [], 'Compare with ours.'));
    const record = (await store.list()).cases[0]!;
    expect(record.note).toBe('Compare with ours.');
  });

  it('computes the index fields from the summary (18 009 360: Hertfordshire, upheld, 2019, £500)', async () => {
    const store = new CaseStore(freshDb(), clock());
    const saved = await store.save(seed('18-009-360'));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value).toMatchObject({
      reference: '18 009 360',
      relatedKey: '18 009 360',
      authority: 'Hertfordshire County Council',
      outcomeKind: 'upheld',
      area: "Children's care services",
      topic: 'Child protection',
      organisationKind: 'council',
      year: 2019,
      decisionDate: '2019-08-21',
      totalPayments: 500,
      url: SEED_URLS['18-009-360'],
      reparseError: null,
    });
    expect(saved.value.statuteKeys).toContain('Children Act 1989 s.47');
    // The Ombudsman's own powers are not "the law of the case".
    expect(saved.value.statuteKeys.some((k) => k.startsWith('Local Government Act 1974'))).toBe(false);
  });

  it('refuses invalid input with invalid-message and oversized input with too-large, writing nothing', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    const bad = seed('19-015-077');
    (bad.summary as { reference: string }).reference = 'not a reference';
    const invalid = await store.save(bad);
    expect(invalid).toMatchObject({ ok: false, error: 'invalid-message' });
    if (!invalid.ok) expect(invalid.message).toContain('summary.reference');

    const big = await store.save({ ...seed('19-015-077'), note: 'x'.repeat(20_001) });
    expect(big).toMatchObject({ ok: false, error: 'too-large' });
    const tags = await store.save({ ...seed('19-015-077'), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(tags).toMatchObject({ ok: false, error: 'too-large' });
    expect(await db.cases.count()).toBe(0);

    // Not thrown, even for input that is not an object at all.
    expect(await store.save(null as unknown as Parameters<CaseStore['save']>[0])).toMatchObject({ ok: false, error: 'invalid-message' });
  });

  it('refuses a save whose merged tags would exceed the limit, keeping the saved case as it was', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    await store.save(
      seed(
        '19-015-077',
        Array.from({ length: 30 }, (_, i) => `a${i}`),
      ),
    );
    const before = await snapshot(db);
    const result = await store.save(
      seed(
        '19-015-077',
        Array.from({ length: 30 }, (_, i) => `b${i}`),
      ),
    );
    expect(result).toMatchObject({ ok: false, error: 'too-large' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('status, remove and restore', () => {
  it('reports Saved with tags and note, and not saved after remove; restore puts the record back exactly', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    expect(await store.status('23 020 284')).toEqual({ ok: true, value: { saved: false, savedAt: null, tags: [], note: '' } });

    const saved = await store.save(seed('23-020-284', ['bias'], 'Court report not investigated.'));
    if (!saved.ok) throw new Error(saved.message);
    expect(await store.status('23 020 284')).toEqual({
      ok: true,
      value: { saved: true, savedAt: saved.value.savedAt, tags: ['bias'], note: 'Court report not investigated.' },
    });

    const before = await snapshot(db);
    const removed = await store.remove('23 020 284');
    expect(removed.ok && removed.value?.reference).toBe('23 020 284');
    expect(await store.status('23 020 284')).toMatchObject({ ok: true, value: { saved: false } });
    expect(await store.remove('23 020 284')).toEqual({ ok: true, value: null });

    if (!removed.ok || !removed.value) throw new Error('expected the removed record');
    expect(await store.restore(removed.value)).toEqual({ ok: true, value: { merged: false } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('restore refuses a record that is not valid', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    const result = await store.restore({ reference: '19 015 077' } as StoredCase);
    expect(result).toMatchObject({ ok: false, error: 'invalid-message' });
    expect(await db.cases.count()).toBe(0);
  });
});

describe('two tabs at once (two CaseStore instances on one database)', () => {
  it('a save arriving while an edit of the same case is between its read and its write: neither update is lost', async () => {
    const db = freshDb();
    const slow = slowNextRead(db, 80);
    const tabA = new CaseStore(db, clock());
    const tabB = new CaseStore(db, clock(Date.UTC(2026, 10, 23)));
    await tabA.save(seed('20-003-139'));

    const resaved = seed('20-003-139', ['from-b'], 'note B');
    resaved.url = `${SEED_URLS['20-003-139']}?from=b`;
    slow.arm();
    // The edit reads first (the save gzips its text before touching the database), then dawdles.
    const [edit, save] = await Promise.all([tabA.updateNotes('20 003 139', ['from-a'], 'note A'), tabB.save(resaved)]);
    expect(edit.ok && save.ok).toBe(true);

    const { cases } = await tabA.list();
    expect(cases).toHaveLength(1);
    const record = cases[0]!;
    // Without one transaction around the edit's read and write, the edit would write back the old address.
    expect(record.url).toBe(resaved.url);
    expect(record.tags).toContain('from-a');
    expect(record.note).toContain('note A');
    // Edit then save (expected: the save waits for the edit) merges both; save then edit leaves the edit's values.
    expect([
      { tags: ['from-a', 'from-b'], note: 'note A\n\nnote B' },
      { tags: ['from-a'], note: 'note A' },
    ]).toContainEqual({ tags: record.tags, note: record.note });
  });

  it('many concurrent edits of one case: the result is one edit whole, never a mix of two', async () => {
    const db = freshDb();
    const tabs = [new CaseStore(db, clock()), new CaseStore(db, clock())];
    await tabs[0]!.save(seed('23-017-456'));
    const edits = Array.from({ length: 20 }, (_, i) => ({ tags: [`tag-${i}`], note: `note ${i}` }));
    const results = await Promise.all(edits.map((e, i) => tabs[i % 2]!.updateNotes('23 017 456', e.tags, e.note)));
    expect(results.every((r) => r.ok)).toBe(true);
    const record = (await tabs[1]!.full()).cases[0]!;
    expect(edits).toContainEqual({ tags: record.tags, note: record.note });
    // The summary and text were never touched by the edits.
    expect(record.summary).toEqual(summaries.get('23-017-456'));
    expect(await tabs[1]!.text(record.reference)).toBe(seedText('23-017-456'));
  });

  it("two tabs editing the same case from the same starting point: both tabs' changes are kept", async () => {
    const db = freshDb();
    const tabA = new CaseStore(db, clock());
    const tabB = new CaseStore(db, clock());
    await tabA.save(seed('19-015-077', ['contact', 'old'], 'First thoughts.'));
    const base = { tags: ['contact', 'old'], note: 'First thoughts.' };
    // A adds a tag and removes "old"; B adds another tag and rewrites the note. Both started from `base`.
    const [a, b] = await Promise.all([
      tabA.updateNotes('19 015 077', ['contact', 'from-a'], 'First thoughts.', base),
      tabB.updateNotes('19 015 077', ['contact', 'old', 'from-b'], 'B rewrote the note.', base),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const [entry] = (await tabA.list()).cases;
    expect([...entry!.tags].sort()).toEqual(['contact', 'from-a', 'from-b']);
    expect(entry!.note).toBe('B rewrote the note.');
    expect(await db.cases.count()).toBe(1);
  });

  it('without a starting point an edit replaces the tags and note (the popup and old callers)', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    await store.save(seed('19-015-077', ['contact'], 'Mine.'));
    const edited = await store.updateNotes('19 015 077', ['other'], 'Replaced.');
    expect(edited.ok && { tags: edited.value.tags, note: edited.value.note }).toEqual({ tags: ['other'], note: 'Replaced.' });
  });

  it("saving the same decision in two tabs at once makes one record with both tabs' tags", async () => {
    const db = freshDb();
    const tabA = new CaseStore(db, clock());
    const tabB = new CaseStore(db, clock());
    await Promise.all([tabA.save(seed('19-015-077', ['a'], 'A')), tabB.save(seed('19-015-077', ['b'], 'B'))]);
    expect(await db.cases.count()).toBe(1);
    const record = (await tabA.list()).cases[0]!;
    expect([...record.tags].sort()).toEqual(['a', 'b']);
    expect(record.note.split('\n\n').sort()).toEqual(['A', 'B']);
  });

  it('edits of different cases in two tabs both land', async () => {
    const db = freshDb();
    const tabA = new CaseStore(db, clock());
    const tabB = new CaseStore(db, clock());
    await tabA.save(seed('19-015-077'));
    await tabA.save(seed('20-003-139'));
    await Promise.all([tabA.updateNotes('19 015 077', ['x'], 'on 077'), tabB.updateNotes('20 003 139', ['y'], 'on 139')]);
    const byRef = Object.fromEntries((await tabB.list()).cases.map((c) => [c.reference, [c.tags, c.note]]));
    expect(byRef).toEqual({ '19 015 077': [['x'], 'on 077'], '20 003 139': [['y'], 'on 139'] });
  });

  it('editing a case deleted in another tab says so', async () => {
    const store = new CaseStore(freshDb(), clock());
    expect(await store.updateNotes('19 015 077', ['x'], '')).toMatchObject({ ok: false, error: 'not-found' });
  });
});

describe('savedAmong, and joint cases', () => {
  it('returns which of the references are saved, in the order asked', async () => {
    const store = new CaseStore(freshDb(), clock());
    await store.save(seed('18-009-360'));
    await store.save(seed('23-017-456'));
    const result = await store.savedAmong(['24 003 118', '23 017 456', '18 009 360', '23 017 456', '20 007 652a']);
    expect(result).toEqual({ ok: true, value: ['23 017 456', '18 009 360'] });
    expect(await store.savedAmong([])).toEqual({ ok: true, value: [] });
  });

  it('keeps the pages of a joint case (a/b suffixes) as distinct cases sharing one related key', async () => {
    const store = new CaseStore(freshDb(), clock());
    const joint = (suffix: string) => {
      const input = seed('20-003-139');
      input.summary.reference = `20 003 139${suffix}`;
      input.summary.title = `Stoke-on-Trent City Council (20 003 139${suffix})`;
      return input;
    };
    for (const s of ['a', 'b']) expect((await store.save(joint(s))).ok).toBe(true);
    await store.save(seed('19-015-077'));
    const { cases } = await store.list();
    expect(cases.map((c) => [c.reference, c.relatedKey])).toEqual([
      ['19 015 077', '19 015 077'],
      ['20 003 139a', '20 003 139'],
      ['20 003 139b', '20 003 139'],
    ]);
  });
});

describe('a damaged record', () => {
  it('is reported and skipped by list(), and never thrown', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    await store.save(seed('19-015-077'));
    const good = await store.save(seed('23-020-284', ['keep'], 'mine'));
    if (!good.ok) throw new Error(good.message);
    // Written around the store, as a hand edit or an old bug would.
    const { summary: _s, card: _dropped, ...damaged } = good.value;
    await db.cases.put(damaged as CaseEntry);
    await db.cases.put({ reference: 42 } as unknown as CaseEntry);

    const { cases, corrupted } = await store.list();
    expect(cases.map((c) => c.reference)).toEqual(['19 015 077']);
    expect(corrupted.map((c) => c.reference).sort()).toEqual(['(no reference)', '23 020 284']);
    expect(corrupted.find((c) => c.reference === '23 020 284')!.problem).toContain('card');

    // The sidebar still shows it as saved, with the user's own words.
    expect(await store.status('23 020 284')).toMatchObject({ ok: true, value: { saved: true, tags: ['keep'], note: 'mine' } });
    // Saving the decision again repairs it and keeps those words.
    const repaired = await store.save(seed('23-020-284'));
    expect(repaired.ok && repaired.value.tags).toEqual(['keep']);
    expect((await store.list()).corrupted.map((c) => c.reference)).toEqual(['(no reference)']);
  });
});

describe('a damaged summary', () => {
  it('keeps the case in the list, and is reported (not thrown) when the full case is read', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    await store.save(seed('19-015-077'));
    await store.save(seed('18-009-360', ['keep'], 'mine'));
    await db.summaries.put({ reference: '18 009 360', summary: { title: 'half a summary' } as unknown as DecisionSummary });

    expect((await store.list()).cases.map((c) => c.reference)).toEqual(['18 009 360', '19 015 077']);
    const { cases, corrupted } = await store.full();
    expect(cases.map((c) => c.reference)).toEqual(['19 015 077']);
    expect(corrupted).toHaveLength(1);
    expect(corrupted[0]).toMatchObject({ reference: '18 009 360', problem: expect.stringContaining('summary.') });
    // A backup leaves it out rather than writing a file its own import would refuse.
    expect((await store.exportBackup()).cases.map((c) => c.reference)).toEqual(['19 015 077']);
  });
});

describe('storage failures', () => {
  it('storage full: the save is refused with storage-full and a clear message; nothing already saved changes', async () => {
    const db = freshDb();
    let full = false;
    failWrites(db, () => (full ? 'quota' : 'pass'));
    const store = new CaseStore(db, clock());
    await store.save(seed('19-015-077', ['mine'], 'My note.'));
    const before = await snapshot(db);

    full = true;
    const fresh = await store.save(seed('18-009-360'));
    expect(fresh).toEqual({
      ok: false,
      error: 'storage-full',
      message:
        "Not saved: the browser's storage for extensions is full. Nothing already saved was changed. Free space on the disk, or export and delete old cases.",
    });
    const again = await store.save(seed('19-015-077', ['other'], 'Other note.'));
    expect(again).toMatchObject({ ok: false, error: 'storage-full' });
    expect(await store.updateNotes('19 015 077', [], '')).toMatchObject({ ok: false, error: 'storage-full' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('recognises the quota error however it is wrapped', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError in the message only'))).toBe(false);
  });

  it('another storage error becomes storage-failed', async () => {
    const db = freshDb();
    failWrites(db, () => 'half-then-fail');
    const result = await new CaseStore(db, clock()).save(seed('19-015-077'));
    expect(result).toMatchObject({ ok: false, error: 'storage-failed' });
    expect(await db.cases.count()).toBe(0);
  });

  it('a write failing half-way through an import leaves the library exactly as before', async () => {
    const db = freshDb();
    let failing = false;
    failWrites(db, () => (failing ? 'half-then-fail' : 'pass'));
    const store = new CaseStore(db, clock());
    await store.save(seed('19-015-077', ['mine'], 'Mine.'));
    await store.save(seed('20-003-139'));
    const backup = await store.exportBackup();
    // Another library's backup: changes to a saved case, and three new ones.
    backup.cases[0]!.tags = ['theirs'];
    backup.cases[0]!.note = 'Theirs.';
    const other = new CaseStore(freshDb(), clock());
    for (const ref of ['18-009-360', '23-017-456', '23-020-284'] as const) await other.save(seed(ref));
    backup.cases.push(...(await other.exportBackup()).cases);

    const before = await snapshot(db);
    failing = true;
    const report = await store.importBackup(backup);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.message).toMatch(/^Not imported: .*Nothing already saved was changed\./);
    expect(await snapshot(db)).toEqual(before);

    failing = false;
    expect(await store.importBackup(backup)).toEqual({ ok: true, added: 3, merged: 2 });
  });
});

describe('helpers', () => {
  it('joinNotes joins different notes and drops paragraphs already there', () => {
    expect(joinNotes('', 'b')).toBe('b');
    expect(joinNotes('a', '')).toBe('a');
    expect(joinNotes('a', '  ')).toBe('a');
    expect(joinNotes('a', 'a')).toBe('a');
    expect(joinNotes('a', 'b')).toBe('a\n\nb');
    expect(joinNotes('a\n\nb', 'b')).toBe('a\n\nb');
    expect(joinNotes('a\n\nb', 'a\n\nc')).toBe('a\n\nb\n\nc');
  });

  it('indexFields gives 0 and "" for an unknown date and no category', () => {
    const summary = { ...structuredClone(seed('19-015-077').summary), decisionDate: null, category: null };
    expect(indexFields(summary)).toMatchObject({ year: 0, decisionDate: '', area: '', topic: '' });
  });
});

describe('text codec (the stored copy of the decision)', () => {
  it('round-trips every seed text exactly, and compresses it', async () => {
    for (const ref of SEED_REFS) {
      const text = seedText(ref);
      const bytes = await gzipText(text);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.length).toBeLessThan(text.length / 2);
      // One buffer of exactly these bytes: IndexedDB stores a view's whole underlying buffer, not just the view.
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
      expect(await gunzipText(bytes)).toBe(text);
    }
  });

  it('round-trips odd Unicode exactly', async () => {
    const odd = [
      '',
      'zero\u200Bwidth, non\u00A0breaking, \u2018curly\u2019 \u201Cquotes\u201D and \'straight\' "ones"',
      'right-to-left \u200F\u202Bمرحبا\u202C and \u200E marks',
      'combining e\u0301 vs \u00E9, emoji \u{1F469}\u200D\u{1F467} and \u{10FFFF}',
      'CRLF\r\nand NUL\u0000 and BOM\uFEFF inside',
      '£500 — “section 47” … ½',
    ];
    for (const text of odd) expect(await gunzipText(await gzipText(text))).toBe(text);
  });

  it('rejects bytes that are not gzip', async () => {
    await expect(gunzipText(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });

  it('a damaged stored text reads as "" rather than throwing', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    const saved = await store.save(seed('19-015-077'));
    if (!saved.ok) throw new Error(saved.message);
    await db.texts.put({ reference: '19 015 077', textGzip: new Uint8Array([31, 139, 0]) });
    expect(await store.text('19 015 077')).toBe('');
    expect(await store.text('99 999 999')).toBe('');
  });
});

describe('mergeNotes', () => {
  const base = { tags: ['a', 'b'], note: 'base' };
  it('applies tags added and removed on either side', () => {
    expect(mergeNotes(base, { tags: ['a', 'b', 'mine'], note: 'base' }, { tags: ['b', 'theirs'], note: 'base' }).tags).toEqual([
      'b',
      'theirs',
      'mine',
    ]);
  });
  it('takes the note of the side that changed it; keeps both when both did', () => {
    expect(mergeNotes(base, { tags: [], note: 'mine' }, { tags: [], note: 'base' }).note).toBe('mine');
    expect(mergeNotes(base, { tags: [], note: 'base' }, { tags: [], note: 'theirs' }).note).toBe('theirs');
    expect(mergeNotes(base, { tags: [], note: 'same' }, { tags: [], note: 'same' }).note).toBe('same');
    expect(mergeNotes(base, { tags: [], note: 'mine' }, { tags: [], note: 'theirs' }).note).toBe('theirs\n\nmine');
  });
});

describe('compareVersions', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });
});
