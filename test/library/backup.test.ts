/**
 * The JSON backup: export, wipe, import gives the same library; a bad file is
 * refused whole, with what is wrong and where, and changes nothing; cases
 * already saved are merged without losing either side's tags and notes.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { gunzipText } from '../../lib/library/text-codec';
import { BACKUP_VERSION, BackupV1Schema, type Backup, type SavedCase } from '../../lib/library/saved-case';
import { exportBackupBlob, importBackupFile } from '../../lib/library/backup-stream';
import { SEED_REFS, SEED_URLS, readRepoFile, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

let dbCount = 0;
function freshDb(): LensDatabase {
  return new LensDatabase(`backup-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

function clock(start = Date.UTC(2026, 10, 22, 9, 0, 0)) {
  let t = start;
  return () => new Date((t += 60_000));
}

function seed(ref: SeedRef, tags: string[] = [], note = '') {
  return { summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref], tags, note };
}

/** Records with their text decoded: the gzip bytes are an encoding, not the content. */
async function readable(db: LensDatabase) {
  const store = new CaseStore(db);
  const { cases, corrupted } = await store.full();
  expect(corrupted).toEqual([]);
  return Promise.all(cases.map(async (c: SavedCase) => ({ ...c, text: await gunzipText((await db.texts.get(c.reference))!.textGzip) })));
}

async function library(): Promise<{ db: LensDatabase; store: CaseStore }> {
  const db = freshDb();
  const store = new CaseStore(db, clock());
  await store.save(seed('19-015-077', ['contact', 'Wales'], 'Like my client.\n\nSee para 12.'));
  await store.save(seed('18-009-360', ['payment'], ''));
  await store.save(seed('23-017-456', [], 'Core group timings = useful; "quoted", with commas'));
  return { db, store };
}

describe('export, wipe, import', () => {
  it('gives back identical records', async () => {
    const { db, store } = await library();
    const before = await readable(db);
    const backup = await store.exportBackup();

    expect(backup).toMatchObject({ format: 'ombudsman-lens-backup', version: 1, exportedAt: expect.any(String) });
    expect(BackupV1Schema.safeParse(backup).success).toBe(true);
    expect(backup.cases.map((c) => c.reference)).toEqual(['18 009 360', '19 015 077', '23 017 456']);
    expect(backup.cases[1]!.text).toBe(seedText('19-015-077'));

    // Through JSON, as a file would go.
    const file = JSON.parse(JSON.stringify(backup)) as unknown;
    await Promise.all([db.cases.clear(), db.summaries.clear(), db.texts.clear()]);
    expect(await db.cases.count()).toBe(0);
    expect(await store.importBackup(file)).toEqual({ ok: true, added: 3, merged: 0 });
    expect(await readable(db)).toEqual(before);

    // And into a different browser's empty library.
    const elsewhere = freshDb();
    expect(await new CaseStore(elsewhere).importBackup(JSON.stringify(backup))).toEqual({ ok: true, added: 3, merged: 0 });
    expect(await readable(elsewhere)).toEqual(before);
  });

  it('exports only the given cases when asked', async () => {
    const { store } = await library();
    const { cases } = await store.list();
    const backup = await store.exportBackup(cases.filter((c) => c.tags.includes('payment')).map((c) => c.reference));
    expect(backup.cases.map((c) => c.reference)).toEqual(['18 009 360']);
  });

  it('importing the same backup again changes nothing but counts the merges', async () => {
    const { db, store } = await library();
    const backup = await store.exportBackup();
    const before = await readable(db);
    expect(await store.importBackup(backup)).toEqual({ ok: true, added: 0, merged: 3 });
    expect(await readable(db)).toEqual(before);
  });
});

describe('every backup format version ever written', () => {
  // Files written by earlier releases, committed as they were written: never regenerate one.
  const FILES = [
    { version: 1, release: '0.1.0', path: 'test/fixtures/backup-v1.json' },
    { version: 2, release: 'the release after 0.2 (JSON Lines, written a case at a time)', path: 'test/fixtures/backup-v2.jsonl' },
  ];

  /** The file as one object: version 1 is one; version 2 is a header line, case lines and an end line. */
  function read(raw: string): { version: number; cases: (Record<string, unknown> & { reference: string; text: string })[] } {
    if (raw.startsWith('{\n')) return JSON.parse(raw) as ReturnType<typeof read>;
    const lines = raw
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toEqual({ end: true, cases: lines.length - 2 });
    return { ...(lines[0] as { version: number }), cases: lines.slice(1, -1) as ReturnType<typeof read>['cases'] };
  }

  it.each(FILES)('imports a version $version file (written by $release) with every case intact', async ({ version, path }) => {
    const raw = readRepoFile(path);
    const file = read(raw);
    expect(file.version).toBe(version);
    const db = freshDb();
    const store = new CaseStore(db, clock());
    expect(await store.importBackup(raw)).toEqual({ ok: true, added: file.cases.length, merged: 0 });
    // And a case at a time, as the library page imports.
    expect(await importBackupFile(new CaseStore(freshDb(), clock()), new Blob([raw]))).toEqual({
      ok: true,
      added: file.cases.length,
      merged: 0,
      skipped: [],
    });

    const { cases, corrupted } = await store.full();
    expect(corrupted).toEqual([]);
    expect(cases.map((c) => c.reference)).toEqual(file.cases.map((c) => c.reference));
    for (const written of file.cases) {
      const c = cases.find((x) => x.reference === written.reference)!;
      const { text, ...fields } = written;
      expect(c).toMatchObject(fields);
      expect(await store.text(c.reference)).toBe(text);
    }
    // Hand-checked against the file: the user's words, with curly quotes and a dash, came through.
    const contact = cases.find((c) => c.reference === '19 015 077')!;
    expect(contact.tags).toEqual(['contact', 'Wales']);
    expect(contact.note).toBe('Like my client’s case.\n\nSee paragraph 12 — “fault”.');
    expect(await store.text('18 009 360')).toBe(seedText('18-009-360'));
  });

  it('the current exports are among those versions', async () => {
    const { store } = await library();
    expect(FILES.map((f) => f.version)).toContain((await store.exportBackup()).version);
    const { blob } = await exportBackupBlob(store);
    const header = JSON.parse((await blob.text()).split('\n')[0]!) as { version: number };
    expect(header.version).toBe(BACKUP_VERSION);
    expect(FILES.map((f) => f.version)).toContain(header.version);
  });
});

describe('a bad file is refused, saying what is wrong and where, and nothing is written', () => {
  async function refused(file: unknown) {
    const { db, store } = await library();
    const before = await readable(db);
    const report = await store.importBackup(file);
    expect(report.ok).toBe(false);
    expect(await readable(db)).toEqual(before);
    if (report.ok) throw new Error('expected a refusal');
    return report;
  }

  async function goodBackup(): Promise<Backup> {
    const store = new CaseStore(freshDb(), clock());
    for (const ref of SEED_REFS) await store.save(seed(ref, ['imported']));
    return JSON.parse(JSON.stringify(await store.exportBackup())) as Backup;
  }

  it('not a JSON object', async () => {
    expect((await refused([1, 2, 3])).message).toMatch(/not an Ombudsman Lens backup: it holds a list/);
    expect((await refused(null)).message).toMatch(/not an Ombudsman Lens backup/);
    expect((await refused(42)).message).toMatch(/holds a number/);
    expect((await refused('{"format": "ombudsman-lens-backup",')).message).toMatch(/not JSON/);
  });

  it('wrong format', async () => {
    const file = { ...(await goodBackup()), format: 'zotero-rdf' };
    const report = await refused(file);
    expect(report.message).toContain('"format" is "zotero-rdf"');
    expect(report.problems).toEqual(['format: expected "ombudsman-lens-backup"']);
  });

  it('wrong version', async () => {
    const newer = await refused({ ...(await goodBackup()), version: 3 });
    expect(newer.message).toMatch(/version is 3; this extension reads backup versions 1, 2\. It was made by a newer version/);
    const text = await refused({ ...(await goodBackup()), version: '1' });
    expect(text.message).toContain('version is "1"');
    const missing = await refused({ format: 'ombudsman-lens-backup', cases: [] });
    expect(missing.message).toContain('version is missing');
  });

  it('one bad case among good ones: the whole file is refused and the message names the case', async () => {
    const file = await goodBackup();
    (file.cases[1]!.summary as { reference: unknown }).reference = '19/015/077';
    const report = await refused(file);
    expect(report.message).toContain('cases[1].summary.reference');
    expect(report.message).toContain('nothing was changed');
    expect(report.problems[0]).toMatch(/^cases\[1\]\.summary\.reference: /);
  });

  it('several problems are all listed, each with its path', async () => {
    const file = await goodBackup();
    (file.cases[0] as { tags: unknown }).tags = ['ok', 7];
    delete (file.cases[3] as { text?: string }).text;
    const report = await refused(file);
    expect(report.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cases\[0\]\.tags\[1\]: /), expect.stringMatching(/^cases\[3\]\.text: /)]),
    );
    expect(report.message).toMatch(/and 1 more problem/);
  });

  it("a statute link to anywhere but legislation.gov.uk (it would sit behind the statute's name)", async () => {
    const file = await goodBackup();
    const index = file.cases.findIndex((c) => c.summary.statutes.some((s) => s.url !== null));
    const statute = file.cases[index]!.summary.statutes.findIndex((s) => s.url !== null);
    file.cases[index]!.summary.statutes[statute]!.url = 'javascript:alert(document.cookie)';
    const report = await refused(file);
    expect(report.problems).toEqual([
      expect.stringMatching(new RegExp(`^cases\\[${index}\\]\\.summary\\.statutes\\[${statute}\\]\\.url: `)),
    ]);
  });

  it('a case whose reference does not match its summary', async () => {
    const file = await goodBackup();
    file.cases[2]!.reference = '99 999 999';
    const report = await refused(file);
    expect(report.problems).toEqual(['cases[2].reference: "99 999 999" does not match summary.reference "20 003 139"']);
  });
});

describe('merge by reference', () => {
  it("keeps both sides' tags and notes, adds new cases, and keeps our summary whatever parser version the file claims", async () => {
    const { db, store } = await library();
    const ours = (await store.full()).cases.find((c) => c.reference === '19 015 077')!;

    // A colleague's backup: the same case with their tags and note, claiming a newer parser and a later update; plus a case we do not have.
    const theirs = new CaseStore(freshDb(), clock(Date.UTC(2027, 0, 1)));
    const newer = seed('19-015-077', ['Wales', 'PSOW'], 'Their view: no fault.');
    newer.summary = { ...newer.summary, parserVersion: '9.0.0', title: `${newer.summary.title} [re-read]` };
    await theirs.save(newer);
    await theirs.save(seed('20-003-139', ['theirs'], 'Apology only.'));
    const file = JSON.parse(JSON.stringify(await theirs.exportBackup())) as unknown;

    expect(await store.importBackup(file)).toEqual({ ok: true, added: 1, merged: 1 });
    const { cases } = await store.full();
    expect(cases.map((c) => c.reference)).toEqual(['18 009 360', '19 015 077', '20 003 139', '23 017 456']);

    const merged = cases.find((c) => c.reference === '19 015 077')!;
    expect(merged.tags).toEqual(['contact', 'Wales', 'PSOW']);
    expect(merged.note).toBe('Like my client.\n\nSee para 12.\n\nTheir view: no fault.');
    // "9.0.0" is only what the file says: the summary we read from the page stays.
    expect(merged.parserVersion).toBe(ours.parserVersion);
    expect(merged.summary).toEqual(ours.summary);
    expect(merged.summary.title).toBe('Stoke-on-Trent City Council (19 015 077)');
    // First saved: ours (2026) is earlier than theirs (2027); last updated: theirs.
    expect(merged.savedAt).toBe(ours.savedAt);
    expect(merged.updatedAt.startsWith('2027-01-01')).toBe(true);

    const added = cases.find((c) => c.reference === '20 003 139')!;
    expect(added.tags).toEqual(['theirs']);
    expect(added.note).toBe('Apology only.');
    expect(await store.text(added.reference)).toBe(seedText('20-003-139'));
    expect(await db.cases.count()).toBe(4);
  });

  it("keeps our summary when the backup's parser is older, still taking its tags and note", async () => {
    const { store } = await library();
    const ours = (await store.full()).cases.find((c) => c.reference === '18 009 360')!;
    const backup = await store.exportBackup([ours.reference]);
    const old = backup.cases[0]!;
    old.parserVersion = '0.9.0';
    old.summary = { ...old.summary, parserVersion: '0.9.0', remedies: [], totalPayments: 0 };
    old.tags = ['old-tag'];
    old.note = 'From the old laptop.';

    expect(await store.importBackup(backup)).toEqual({ ok: true, added: 0, merged: 1 });
    const merged = (await store.full()).cases.find((c) => c.reference === '18 009 360')!;
    expect(merged.summary).toEqual(ours.summary);
    expect(merged.totalPayments).toBe(500);
    expect(merged.tags).toEqual(['payment', 'old-tag']);
    expect(merged.note).toBe('From the old laptop.');
  });

  it('a backup listing a case twice is merged within itself', async () => {
    const store = new CaseStore(freshDb(), clock());
    const source = new CaseStore(freshDb(), clock());
    await source.save(seed('23-020-284', ['one'], 'First.'));
    const backup = await source.exportBackup();
    backup.cases.push({ ...backup.cases[0]!, tags: ['two'], note: 'Second.' });
    expect(await store.importBackup(backup)).toEqual({ ok: true, added: 1, merged: 0 });
    const record = (await store.list()).cases[0]!;
    expect(record.tags).toEqual(['one', 'two']);
    expect(record.note).toBe('First.\n\nSecond.');
  });

  it('refuses the whole import when a merge would pass the tag limit', async () => {
    const db = freshDb();
    const store = new CaseStore(db, clock());
    await store.save(
      seed(
        '23-020-284',
        Array.from({ length: 40 }, (_, i) => `ours-${i}`),
      ),
    );
    const before = await readable(db);
    const backup = await store.exportBackup();
    backup.cases[0]!.tags = Array.from({ length: 40 }, (_, i) => `theirs-${i}`);
    const report = await store.importBackup(backup);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.problems[0]).toBe('cases[0]: a case can have at most 50 tags; this one would have 80');
    expect(await readable(db)).toEqual(before);
  });
});
