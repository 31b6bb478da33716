/**
 * Upgrades: a database written by each shipped schema version opens with every
 * record intact, and a parser update re-reads saved cases from their stored
 * text without touching the user's tags, notes or saved dates.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { gzipText } from '../../lib/library/text-codec';
import { CaseEntrySchema, SavedCaseSchema, relatedKeyOf, statuteKey, type StoredCase } from '../../lib/library/saved-case';
import { parseText } from '../../lib/parser/parse-decision';
import { PARSER_VERSION, type DecisionSummary } from '../../lib/schema';
import { SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

let dbCount = 0;
const factory = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A row of version 1's `cases` table: the whole case, summary and gzip text included, in one record. */
type V1Row = Omit<StoredCase, 'card'>;

/**
 * A row as schema version 1 writes it, built here field by field (not with
 * today's code), so the test keeps describing version 1 when the code moves on.
 */
async function v1Row(summary: DecisionSummary, text: string, url: string, extra: Partial<V1Row> = {}): Promise<V1Row> {
  return {
    reference: summary.reference,
    relatedKey: relatedKeyOf(summary.reference),
    authority: summary.authority ?? '',
    outcomeKind: summary.outcome.kind,
    area: summary.category?.area ?? '',
    topic: summary.category?.topic ?? '',
    organisationKind: summary.organisationKind,
    year: summary.decisionDate ? Number(summary.decisionDate.slice(0, 4)) : 0,
    decisionDate: summary.decisionDate ?? '',
    totalPayments: summary.totalPayments,
    statuteKeys: [...new Set(summary.statutes.filter((s) => !s.jurisdiction).map(statuteKey))],
    url,
    savedAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    parserVersion: summary.parserVersion,
    summary,
    textGzip: await gzipText(text),
    textLength: text.length,
    tags: [],
    note: '',
    reparseError: null,
    ...extra,
  };
}

const V1_STORES = {
  cases:
    'reference, relatedKey, savedAt, decisionDate, totalPayments, authority, outcomeKind, area, organisationKind, year, *tags, *statuteKeys',
};

/** Writes rows with version 1's schema, closes, and opens the database with today's `LensDatabase`. */
async function upgradedFromV1(rows: unknown[]): Promise<LensDatabase> {
  const name = `migration-${++dbCount}`;
  const idb = factory();
  const old = new Dexie(name, idb);
  old.version(1).stores(V1_STORES);
  await old.table('cases').bulkPut(rows);
  old.close();
  const db = new LensDatabase(name, idb);
  await db.open();
  return db;
}

describe('schema version 1 -> the current LensDatabase', () => {
  it('a database written by version 1 opens with every record intact and valid', async () => {
    const rows = await Promise.all(
      SEED_REFS.map((ref, i) =>
        v1Row(summaryOf(seedText(ref), SEED_URLS[ref]), seedText(ref), SEED_URLS[ref], {
          tags: i % 2 ? ['section 47', `tag ${i}`] : [],
          note: i === 0 ? 'A note with “curly quotes”, a newline\nand £ signs.' : '',
        }),
      ),
    );
    const db = await upgradedFromV1(rows);
    expect(db.verno).toBe(2);

    // The entries no longer carry the summary or the text; both moved to their own tables.
    const entries: unknown[] = await db.cases.toArray();
    expect(entries).toHaveLength(5);
    for (const row of entries) {
      expect(CaseEntrySchema.safeParse(row).success).toBe(true);
      expect(row).not.toHaveProperty('summary');
      expect(row).not.toHaveProperty('textGzip');
    }
    expect(await db.summaries.count()).toBe(5);
    expect(await db.texts.count()).toBe(5);

    // The indexes work on the upgraded database.
    expect(await db.cases.where('year').equals(2021).primaryKeys()).toEqual(['19 015 077', '20 003 139']);
    expect(await db.cases.where('tags').equals('section 47').count()).toBe(2);
    expect(await db.cases.where('authority').equals('Stoke-on-Trent City Council').count()).toBe(2);

    // Every field of every version-1 record reads back the same, the text byte for byte.
    const store = new CaseStore(db);
    const { cases, corrupted } = await store.full();
    expect(corrupted).toEqual([]);
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      expect(SavedCaseSchema.safeParse(c).success).toBe(true);
      const { textGzip: _gzip, ...v1 } = rows.find((r) => r.reference === c.reference)!;
      expect(c).toMatchObject(v1);
      const ref = SEED_REFS.find((r) => r.replace(/-/g, ' ') === c.reference)!;
      expect(await store.text(c.reference)).toBe(seedText(ref));
      // The list's card is made from the summary during the upgrade.
      expect(c.card.title).toBe(c.summary.title);
      expect(c.card.remedyKinds).toEqual([...new Set(c.summary.remedies.map((r) => r.kind))]);
    }
    db.close();
  });

  it('a damaged version-1 record does not stop the upgrade: it is reported, and its tags and note survive', async () => {
    const good = await v1Row(summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']), seedText('18-009-360'), SEED_URLS['18-009-360']);
    const { summary: _lost, ...damaged } = await v1Row(
      summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']),
      seedText('19-015-077'),
      SEED_URLS['19-015-077'],
      {
        tags: ['keep me'],
        note: 'Hand-edited, summary lost.',
      },
    );
    const db = await upgradedFromV1([good, damaged, { reference: 42, junk: true }]);
    const store = new CaseStore(db);
    const { cases, corrupted } = await store.list();
    expect(cases.map((c) => c.reference)).toEqual(['18 009 360']);
    expect(corrupted.map((c) => c.reference).sort()).toEqual(['(no reference)', '19 015 077']);
    const status = await store.status('19 015 077');
    expect(status).toEqual({
      ok: true,
      value: { saved: true, savedAt: '2025-03-01T10:00:00.000Z', tags: ['keep me'], note: 'Hand-edited, summary lost.' },
    });
    // Saving the decision again repairs it, keeping the tags and note.
    const repaired = await store.save({
      summary: summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']),
      text: seedText('19-015-077'),
      url: SEED_URLS['19-015-077'],
    });
    expect(repaired.ok && repaired.value.tags).toEqual(['keep me']);
    expect((await store.list()).corrupted.map((c) => c.reference)).toEqual(['(no reference)']);
    db.close();
  });
});

describe('re-parse after a parser update', () => {
  const NOT_A_DECISION = 'How to complain\n\nYou can complain to us online or by telephone.\n\nWe will tell you what happens next.';

  /** What a previous parser might have produced: the payments and faults it did not yet find. */
  function outOfDate(summary: DecisionSummary): DecisionSummary {
    return { ...summary, parserVersion: '0.9.0', faults: [], remedies: [], totalPayments: 0, statutes: [], warnings: ['old parser'] };
  }

  async function oldLibrary() {
    const rows: V1Row[] = [];
    for (const [i, ref] of SEED_REFS.entries()) {
      const summary = outOfDate(summaryOf(seedText(ref), SEED_URLS[ref]));
      rows.push(
        await v1Row(summary, seedText(ref), SEED_URLS[ref], {
          tags: [`mine-${i}`],
          note: `Note ${i}`,
          savedAt: `2025-0${i + 1}-01T00:00:00.000Z`,
        }),
      );
    }
    // A stored text that is not a decision (saved from a page that changed, say).
    const stray = outOfDate(summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']));
    stray.reference = '21 000 001';
    stray.title = 'Some Council (21 000 001)';
    rows.push(await v1Row(stray, NOT_A_DECISION, 'https://www.lgo.org.uk/how-to-complain', { tags: ['odd'], note: 'Check this one.' }));
    // A stored text of another decision under this reference.
    const swapped = outOfDate(summaryOf(seedText('23-020-284'), SEED_URLS['23-020-284']));
    swapped.reference = '23 020 285';
    rows.push(await v1Row(swapped, seedText('23-020-284'), SEED_URLS['23-020-284']));
    const db = await upgradedFromV1(rows);
    return { db, rows, store: new CaseStore(db, () => new Date(Date.UTC(2026, 10, 22))) };
  }

  const parse = (text: string, url: string) => parseText(text, { url });

  it('updates the summaries from the stored text and keeps tags, notes and saved dates', async () => {
    const { db, rows, store } = await oldLibrary();
    const result = await store.reparseAll(parse, PARSER_VERSION);
    expect(result.reparsed).toBe(5);
    expect(result.failed.sort()).toEqual(['21 000 001', '23 020 285']);

    const byRef = new Map((await store.full()).cases.map((c) => [c.reference, c]));
    for (const [i, ref] of SEED_REFS.entries()) {
      const record = byRef.get(ref.replace(/-/g, ' '))!;
      expect(record.parserVersion).toBe(PARSER_VERSION);
      expect(record.summary).toEqual(summaryOf(seedText(ref), SEED_URLS[ref]));
      expect(record.reparseError).toBeNull();
      expect(record.tags).toEqual([`mine-${i}`]);
      expect(record.note).toBe(`Note ${i}`);
      expect(record.savedAt).toBe(rows[i]!.savedAt);
    }
    // Hand-checked: 18 009 360 agrees "Pay Mr C £500" (seed line 166); the index field follows the new summary.
    expect(byRef.get('18 009 360')!.totalPayments).toBe(500);
    expect(await db.cases.where('totalPayments').above(0).primaryKeys()).toEqual(['18 009 360']);
    expect(byRef.get('20 003 139')!.statuteKeys).toContain('Children Act 1989 s.47');
  });

  it('a case whose re-parse fails keeps its old summary and says why', async () => {
    const { rows, store } = await oldLibrary();
    await store.reparseAll(parse, PARSER_VERSION);
    const byRef = new Map((await store.full()).cases.map((c) => [c.reference, c]));

    const stray = byRef.get('21 000 001')!;
    const oldStray = rows.find((r) => r.reference === '21 000 001')!;
    expect(stray.summary).toEqual(oldStray.summary);
    expect(stray.parserVersion).toBe('0.9.0');
    expect(stray.tags).toEqual(['odd']);
    expect(stray.note).toBe('Check this one.');
    expect(stray.reparseError).toBe(
      `Parser ${PARSER_VERSION} could not read the stored text, so the summary from parser 0.9.0 is kept: ${stray.reparseError!.split(' is kept: ')[1]}`,
    );
    expect(stray.reparseError).toMatch(/ is kept: This is not an Ombudsman decision page/);

    expect(byRef.get('23 020 285')!.reparseError).toContain('Re-parsing gave reference 23 020 284, not 23 020 285');
  });

  it('runs again only on what is still out of date', async () => {
    const { store } = await oldLibrary();
    await store.reparseAll(parse, PARSER_VERSION);
    const second = await store.reparseAll(parse, PARSER_VERSION);
    expect(second.reparsed).toBe(0);
    expect(second.failed.sort()).toEqual(['21 000 001', '23 020 285']);
  });

  it('a parser that throws is a failure of that case, not of the run', async () => {
    const { store } = await oldLibrary();
    const result = await store.reparseAll((text, url) => {
      if (text.includes('Hertfordshire')) throw new Error('boom');
      return parse(text, url);
    }, PARSER_VERSION);
    expect(result.reparsed).toBe(4);
    expect(result.failed.sort()).toEqual(['18 009 360', '21 000 001', '23 020 285']);
    const herts = (await store.full()).cases.find((c) => c.reference === '18 009 360')!;
    expect(herts.reparseError).toContain('boom');
    expect(herts.totalPayments).toBe(0);
  });
});
