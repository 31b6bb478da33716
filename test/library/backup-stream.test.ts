/**
 * Backups a case at a time (lib/library/backup-stream.ts): 2,000 realistic cases
 * (the benchmark's generator, from the seed decisions) exported as version 2 lines
 * and imported into an empty library, with progress; a cancel half way through
 * leaves every case whole and a second import finishes the job; a bad case at
 * the end of a large file is found before anything is written; a file cut short
 * is told from a whole one; version 1 files go through the same import.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { backupLines, exportBackupBlob, importBackupFile, type ExportProgress, type ImportProgress } from '../../lib/library/backup-stream';
import { BACKUP_FORMAT, type BackupCase } from '../../lib/library/saved-case';
import { PARSER_VERSION } from '../../lib/schema';
import { generateCase } from '../../scripts/bench/library-generator';
import { SEED_REFS, SEED_URLS, readRepoFile, seedText, summaryOf } from '../helpers/seeds';

const CASES = 2_000;

let n = 0;
const freshDb = () => new LensDatabase(`backup-stream-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const clock = () => new Date(Date.UTC(2026, 11, 3, 12, 0, 0));

let generated: BackupCase[];
const yielded: string[] = [];
const exportProgress: ExportProgress[] = [];
let exported: string[];
let file: Blob;
let source: CaseStore;
let sourceDb: LensDatabase;

beforeAll(async () => {
  // As the benchmark does: the seed cases as the store itself exports them, varied case by case.
  const seeds = new CaseStore(freshDb(), clock);
  for (const ref of SEED_REFS) {
    const saved = await seeds.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
    if (!saved.ok) throw new Error(saved.message);
  }
  const templates = (await seeds.exportBackup()).cases;
  const payment = templates.flatMap((c) => c.summary.remedies).find((r) => r.kind === 'payment') ?? null;
  generated = Array.from({ length: CASES }, (_, i) => generateCase(templates[i % templates.length]!, i, payment));
  sourceDb = freshDb();
  source = new CaseStore(sourceDb, clock);
  const report = await source.importBackup({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: clock().toISOString(),
    parserVersion: '1.0.0',
    cases: generated,
  });
  expect(report).toEqual({ ok: true, added: CASES, merged: 0 });

  // The export every test below reads: its lines as yielded, the progress reported, and the lines as a file.
  for await (const line of backupLines(source, { onProgress: (p) => exportProgress.push(p), now: clock })) yielded.push(line);
  exported = yielded.map((l) => l.slice(0, -1));
  file = new Blob(yielded);
}, 240_000);

/**
 * Every row of the three tables, each as JSON (texts as their gzip bytes in base64): "the same library" is
 * compared on this. Strings, because a deep comparison of 2,000 summaries and byte arrays takes minutes.
 */
async function rows(db: LensDatabase): Promise<string[]> {
  const [cases, summaries, texts] = await Promise.all([db.cases.toArray(), db.summaries.toArray(), db.texts.toArray()]);
  return [
    ...cases.map((c) => JSON.stringify(c)),
    ...summaries.map((r) => JSON.stringify(r)),
    ...texts.map((t) => `${t.reference} ${Buffer.from(t.textGzip).toString('base64')}`),
  ];
}

async function expectSameLibrary(db: LensDatabase, expected: LensDatabase): Promise<void> {
  const [got, want] = [await rows(db), await rows(expected)];
  expect(got.length).toBe(want.length);
  const first = got.findIndex((row, i) => row !== want[i]);
  expect(first === -1 ? null : { got: got[first]!.slice(0, 400), want: want[first]!.slice(0, 400) }).toBeNull();
}

/** Counts per table: every case is three rows, so a case half written would show here. */
async function tableCounts(db: LensDatabase) {
  return [await db.cases.count(), await db.summaries.count(), await db.texts.count()];
}

describe('export, a case at a time', () => {
  it('yields the header, one line per case and the end line: no single string, no pretty-printing', () => {
    const [lines, progress] = [yielded, exportProgress];

    expect(lines).toHaveLength(CASES + 2);
    for (const line of lines) expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(lines[0]!)).toEqual({
      format: 'ombudsman-lens-backup',
      version: 2,
      exportedAt: '2026-12-03T12:00:00.000Z',
      parserVersion: PARSER_VERSION,
    });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, cases: CASES });
    // One string per case, in the library's order: the largest seed text is ~45,000 characters, a case line never the library.
    expect(lines.slice(1, -1).map((l) => (JSON.parse(l) as { reference: string }).reference)).toEqual(
      [...generated.map((c) => c.reference)].sort(),
    );
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(120_000);
    // Progress after every batch of 100, counting up to the whole library.
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: CASES / 100 }, (_, i) => (i + 1) * 100));
    expect(progress.at(-1)).toEqual({ done: CASES, total: CASES, cases: CASES, skipped: [] });
  });

  it('as a Blob: the same lines', async () => {
    const controller = new AbortController();
    const first = await exportBackupBlob(source, {
      references: generated.slice(0, 3).map((c) => c.reference),
      now: clock,
      signal: controller.signal,
    });
    expect(first.cases).toBe(3);
    const text = await first.blob.text();
    expect(text.split('\n')).toHaveLength(3 + 2 + 1);
    expect(text.startsWith('{"format":"ombudsman-lens-backup","version":2,')).toBe(true);
    expect(text.endsWith('{"end":true,"cases":3}\n')).toBe(true);
  });

  it('stops when cancelled, with an AbortError', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const exporting = exportBackupBlob(source, {
      signal: controller.signal,
      onProgress: (p) => {
        done.push(p.done);
        if (p.done >= 300) controller.abort();
      },
    });
    await expect(exporting).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toEqual([100, 200, 300]);
  }, 60_000);
});

describe('export, then import into an empty library', () => {
  it('gives back the same library, with progress while checking and while writing', async () => {
    const db = freshDb();
    const progress: ImportProgress[] = [];
    const report = await importBackupFile(new CaseStore(db, clock), file, { onProgress: (p) => progress.push(p) });
    expect(report).toEqual({ ok: true, added: CASES, merged: 0, skipped: [] });

    const checking = progress.filter((p) => p.phase === 'checking');
    const writing = progress.filter((p) => p.phase === 'writing');
    // Checking reads the file through (bytes) before the first write.
    expect(progress.indexOf(writing[0]!)).toBeGreaterThan(progress.indexOf(checking.at(-1)!));
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: file.size, total: file.size, cases: CASES });
    for (let i = 1; i < checking.length; i++) expect(checking[i]!.done).toBeGreaterThanOrEqual(checking[i - 1]!.done);
    // Writing: a batch of 200 at a time, after a first report of 0.
    expect(writing.map((p) => p.done)).toEqual(Array.from({ length: CASES / 200 + 1 }, (_, i) => i * 200));
    expect(writing.every((p) => p.total === CASES)).toBe(true);

    await expectSameLibrary(db, sourceDb);
  }, 240_000);

  it('cancelled half way through writing: every case written is whole, and importing again finishes the job', async () => {
    const db = freshDb();
    const target = new CaseStore(db, clock);
    const controller = new AbortController();
    const report = await importBackupFile(target, file, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.done >= CASES / 2) controller.abort();
      },
    });
    expect(report).toEqual({
      ok: false,
      cancelled: true,
      message:
        'Import cancelled. 1,000 of 2,000 cases were imported before it stopped, each whole; the rest were not. Importing the file again finishes the import (cases already imported are merged, not doubled).',
      problems: [],
      added: 1_000,
      merged: 0,
    });
    expect(await tableCounts(db)).toEqual([1_000, 1_000, 1_000]);
    const { cases, corrupted } = await target.full();
    expect([cases.length, corrupted]).toEqual([1_000, []]);
    // The first 1,000 lines of the file, whole: a sample's text reads back as exported.
    const lines = exported;
    const sample = JSON.parse(lines[1_000]!) as { reference: string; text: string };
    expect(await target.text(sample.reference)).toBe(sample.text);
    expect(await target.text((JSON.parse(lines[1_001]!) as { reference: string }).reference)).toBe('');

    expect(await importBackupFile(target, file)).toEqual({ ok: true, added: 1_000, merged: 1_000, skipped: [] });
    await expectSameLibrary(db, sourceDb);
  }, 240_000);

  it('cancelled while checking: nothing is written', async () => {
    const db = freshDb();
    const controller = new AbortController();
    const report = await importBackupFile(new CaseStore(db, clock), file, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'checking' && p.cases >= 400) controller.abort();
      },
    });
    expect(report).toMatchObject({ ok: false, cancelled: true, message: 'Import cancelled: nothing was changed.', added: 0, merged: 0 });
    expect(await tableCounts(db)).toEqual([0, 0, 0]);
  }, 120_000);

  it('a bad case at the end of the file is found before anything is written', async () => {
    const lines = [...exported];
    const last = JSON.parse(lines[CASES]!) as BackupCase;
    lines[CASES] = JSON.stringify({ ...last, url: 'javascript:alert(1)' });
    const db = freshDb();
    const report = await importBackupFile(new CaseStore(db, clock), new Blob([lines.join('\n')]));
    expect(report).toMatchObject({ ok: false, cancelled: false, added: 0, merged: 0 });
    if (!report.ok) expect(report.problems).toEqual([`cases[${CASES - 1}].url: Invalid address: not a page on lgo.org.uk`]);
    expect(await tableCounts(db)).toEqual([0, 0, 0]);
  }, 120_000);

  it('a file cut short, or with a wrong count, is refused and nothing is written', async () => {
    const lines = exported;
    const db = freshDb();
    const store = new CaseStore(db, clock);

    const cut = await importBackupFile(store, new Blob([lines.slice(0, 11).join('\n')]));
    expect(cut).toMatchObject({ ok: false, problems: ["(file): it ends after 10 cases without the backup's end line"] });
    if (!cut.ok) expect(cut.message).toContain('the file is incomplete');

    const miscounted = await importBackupFile(store, new Blob([[...lines.slice(0, 3), '{"end":true,"cases":3}', ''].join('\n')]));
    expect(miscounted).toMatchObject({ ok: false, problems: ['line 4: the end line counts 3 cases; the file holds 2'] });

    const after = await importBackupFile(store, new Blob([[...lines.slice(0, 3), '{"end":true,"cases":2}', lines[3]].join('\n')]));
    expect(after).toMatchObject({ ok: false, problems: ['line 5: after the end line'] });

    const notJson = await importBackupFile(store, new Blob([[lines[0], '{"reference":', '{"end":true,"cases":1}'].join('\n')]));
    expect(notJson).toMatchObject({ ok: false, problems: [expect.stringMatching(/^line 2 \(cases\[0\]\): /)] });
    expect(await tableCounts(db)).toEqual([0, 0, 0]);
  }, 120_000);
});

describe('every version through the same import', () => {
  it('a version 1 file (test/fixtures/backup-v1.json, from 0.1.0) imports with its cases intact', async () => {
    const raw = readRepoFile('test/fixtures/backup-v1.json');
    const store = new CaseStore(freshDb(), clock);
    const progress: ImportProgress[] = [];
    const report = await importBackupFile(store, new Blob([raw]), { onProgress: (p) => progress.push(p) });
    const count = (JSON.parse(raw) as { cases: unknown[] }).cases.length;
    expect(report).toEqual({ ok: true, added: count, merged: 0, skipped: [] });
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: count, total: count, cases: count });
    // Hand-checked against the file: the user's words, with curly quotes and a dash, came through.
    const contact = (await store.list()).cases.find((c) => c.reference === '19 015 077')!;
    expect(contact.tags).toEqual(['contact', 'Wales']);
    expect(contact.note).toBe('Like my client’s case.\n\nSee paragraph 12 — “fault”.');
    expect(await store.text('18 009 360')).toBe(seedText('18-009-360'));
  });

  it('a file that is not a backup is refused in words', async () => {
    const store = new CaseStore(freshDb(), clock);
    expect(await importBackupFile(store, new Blob(['reference,title\n18 009 360,x\n']))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This file is not an Ombudsman Lens backup: it is not JSON/),
    });
    expect(await importBackupFile(store, new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x7b])]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not UTF-8 text|not JSON/),
    });
    expect(
      await importBackupFile(store, new Blob(['{"format":"ombudsman-lens-backup","version":3,"exportedAt":"x","parserVersion":"9"}\n'])),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/version is 3; this extension reads backup versions 1, 2\. It was made by a newer version/),
    });
  });
});

describe('batch boundaries', () => {
  /** The file's first `count` cases, with its header and an end line that counts them. */
  const firstCases = (count: number, change?: (lines: string[]) => void) => {
    const lines = [exported[0]!, ...exported.slice(1, count + 1), JSON.stringify({ end: true, cases: count })];
    change?.(lines);
    return new Blob([lines.join('\n')]);
  };

  it('a bad case in the middle of a batch is reported by its place, and nothing of any batch is written', async () => {
    // Batches of 200: case 299 sits in the middle of the second.
    const file = firstCases(600, (lines) => {
      const c = JSON.parse(lines[300]!) as BackupCase;
      lines[300] = JSON.stringify({ ...c, savedAt: '2026-02-30T10:00:00.000Z' });
    });
    const db = freshDb();
    const report = await importBackupFile(new CaseStore(db, clock), file, { batchSize: 200 });
    expect(report).toMatchObject({ ok: false, cancelled: false, added: 0, merged: 0 });
    if (!report.ok) expect(report.problems).toEqual(['cases[299].savedAt: Invalid time: not an ISO timestamp (yyyy-mm-ddThh:mm:ss.sssZ)']);
    expect(await tableCounts(db)).toEqual([0, 0, 0]);
  }, 120_000);

  it('a storage failure in the third batch stops the import in words; the two batches before stay, each case whole', async () => {
    const db = freshDb();
    let textWrites = 0;
    // The browser refusing the third batch's texts, as a full disk does: the batch's transaction is aborted with it.
    db.use({
      stack: 'dbcore',
      name: 'third-batch-fails',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'texts'
            ? table
            : {
                ...table,
                mutate: (request) =>
                  ++textWrites === 3
                    ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                    : table.mutate(request),
              };
        },
      }),
    });
    const report = await importBackupFile(new CaseStore(db, clock), firstCases(600), { batchSize: 200 });
    expect(report).toEqual({
      ok: false,
      cancelled: false,
      message:
        "The import stopped: the browser's storage for extensions is full. Free space on the disk, or export and delete old cases. " +
        '400 of 600 cases were imported before it stopped, each whole; the rest were not. Importing the file again finishes the import (cases already imported are merged, not doubled).',
      problems: [],
      added: 400,
      merged: 0,
    });
    // Entries, summaries and texts alike: the third batch's entries and summaries went with its texts.
    expect(await tableCounts(db)).toEqual([400, 400, 400]);
  }, 120_000);
});
