/**
 * CSV and CSL-JSON exports of saved cases, and the backup's file name.
 * Expected cells are read off the seed texts by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { LIBRARY_CSV_COLUMNS, backupFileName, casesToCslJson, casesToCsv, casesToCsvFile } from '../../lib/library/exports';
import type { SavedCase } from '../../lib/library/saved-case';
import { CSV_COLUMNS } from '../../lib/summary-csv';
import { SEED_REFS, SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';
import { savedCase } from '../helpers/saved-cases';
import { citationFields } from '../../lib/case-citation/fields';
import { citeCase } from '../../lib/case-citation/cite';
import { parseCsv } from '../helpers/csv';

let cases: SavedCase[];

beforeAll(async () => {
  let t = Date.UTC(2026, 10, 22, 9, 30);
  const store = new CaseStore(new LensDatabase('exports', { indexedDB: new IDBFactory(), IDBKeyRange }), () => new Date((t += 60_000)));
  const save = async (ref: SeedRef, tags: string[], note: string, suffix = '') => {
    const summary = summaryOf(seedText(ref), SEED_URLS[ref]);
    summary.reference += suffix;
    const saved = await store.save({ summary, text: seedText(ref), url: SEED_URLS[ref], tags, note });
    if (!saved.ok) throw new Error(saved.message);
  };
  await save('19-015-077', ['contact', '=SUM(A1)'], 'Says "no fault", see para 12,\nthen PSOW.');
  await save('18-009-360', [], '+44 20 7946 0000 call back');
  await save('20-003-139', ['joint'], '', 'a');
  await save('20-003-139', ['joint'], '', 'b');
  cases = (await store.full()).cases;
});

describe('casesToCsv', () => {
  it('writes the summary columns, then tags, note, savedAt and related, one row per case, LF line ends', () => {
    const csv = casesToCsv(cases);
    expect(csv.includes('\r')).toBe(false);
    expect(csv.endsWith('\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS, 'tags', 'note', 'savedAt', 'related', 'corrected']);
    expect(LIBRARY_CSV_COLUMNS.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(header!.length);
  });

  it('fills the cells of 19 015 077 and 18 009 360 as read off the seeds', () => {
    const [header, ...rows] = parseCsv(casesToCsv(cases));
    const cell = (ref: string, column: string) => rows.find((r) => r[0] === ref)![header!.indexOf(column)];
    expect(cell('19 015 077', 'authority')).toBe('Stoke-on-Trent City Council');
    expect(cell('19 015 077', 'decisionDate')).toBe('2021-02-08');
    expect(cell('19 015 077', 'outcome.kind')).toBe('not-upheld');
    expect(cell('19 015 077', 'totalPayments')).toBe('0');
    expect(cell('18 009 360', 'outcome.label')).toBe('Upheld');
    expect(cell('18 009 360', 'totalPayments')).toBe('500');
    expect(cell('18 009 360', 'url')).toBe(SEED_URLS['18-009-360']);
    expect(cell('18 009 360', 'savedAt')).toMatch(/^2026-11-22T09:3\d:00\.000Z$/);
  });

  it("as the popup's file, starts with a byte order mark (for Excel) and is otherwise the same text", () => {
    const file = casesToCsvFile(cases);
    expect(file.charCodeAt(0)).toBe(0xfeff);
    expect(file.slice(1)).toBe(casesToCsv(cases));
    // UTF-8 bytes EF BB BF, then the header.
    expect([...new TextEncoder().encode(file).slice(0, 12)]).toEqual([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('reference')]);
    expect(casesToCsv(cases).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('quotes commas, quotes and newlines, and defuses formula-like text', () => {
    const csv = casesToCsv(cases);
    // The note: quoted, inner quotes doubled, the newline kept inside the quotes.
    expect(csv).toContain('"Says ""no fault"", see para 12,\nthen PSOW."');
    // A tag list starting "contact" is safe; a note starting "+" would run in a spreadsheet.
    expect(csv).toContain(',contact; =SUM(A1),');
    expect(csv).toContain(",'+44 20 7946 0000 call back,");
    const [header, ...rows] = parseCsv(csv);
    const row = rows.find((r) => r[0] === '19 015 077')!;
    expect(row[header!.indexOf('note')]).toBe('Says "no fault", see para 12,\nthen PSOW.');
  });

  it('a tag list that starts like a formula is prefixed', () => {
    const tagged = cases.map((c) => (c.reference === '19 015 077' ? { ...c, tags: ['=HYPERLINK("x")'] } : c));
    expect(casesToCsv(tagged)).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('lists the other pages of a joint case as related', () => {
    const [header, ...rows] = parseCsv(casesToCsv(cases));
    const related = (ref: string) => rows.find((r) => r[0] === ref)![header!.indexOf('related')];
    expect(related('20 003 139a')).toBe('20 003 139b');
    expect(related('20 003 139b')).toBe('20 003 139a');
    expect(related('19 015 077')).toBe('');
    // Exporting one page alone still names the other when the library is given.
    const alone = parseCsv(
      casesToCsv(
        cases.filter((c) => c.reference === '20 003 139a'),
        cases,
      ),
    );
    expect(alone[1]![header!.indexOf('related')]).toBe('20 003 139b');
  });

  it('an empty selection is just the header', () => {
    expect(casesToCsv([])).toBe(`${LIBRARY_CSV_COLUMNS.join(',')}\n`);
  });
});

describe('casesToCslJson', () => {
  const CSL_FIELDS = new Set(['id', 'type', 'title', 'authority', 'number', 'issued', 'accessed', 'URL', 'abstract', 'note']);

  it('makes a legal_case for 19 015 077 with the fields Zotero reads', () => {
    const item = casesToCslJson(cases).find((i) => i.id === '19 015 077')!;
    expect(item).toMatchObject({
      id: '19 015 077',
      type: 'legal_case',
      title: 'Stoke-on-Trent City Council',
      authority: 'Local Government and Social Care Ombudsman',
      number: '19 015 077',
      issued: { 'date-parts': [[2021, 2, 8]] },
      accessed: { 'date-parts': [[2026, 11, 22]] },
      URL: SEED_URLS['19-015-077'],
      note: 'Cited as: Stoke-on-Trent City Council [2021] LGSCO 19 015 077 (8 February 2021)\n\nTags: contact; =SUM(A1)\n\nSays "no fault", see para 12,\nthen PSOW.',
    });
    expect(item.abstract).toMatch(/^Ms V says the Council failed to act appropriately/);
  });

  it('uses only CSL-JSON variables, and leaves out what is unknown', () => {
    const items = casesToCslJson(cases);
    for (const item of items) for (const key of Object.keys(item)) expect(CSL_FIELDS.has(key)).toBe(true);
    const herts = items.find((i) => i.id === '18 009 360')!;
    expect(herts.issued).toEqual({ 'date-parts': [[2019, 8, 21]] });
    expect(herts.note).toBe(
      'Cited as: Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)\n\n+44 20 7946 0000 call back',
    );
    const stoke = cases.find((c) => c.reference === '19 015 077')!;
    const undated = casesToCslJson([
      { ...stoke, tags: [], note: '', summary: { ...stoke.summary, decisionDate: null, summary: null } },
    ])[0]!;
    expect('issued' in undated || 'abstract' in undated).toBe(false);
    expect(undated.note).toBe('Cited as: Stoke-on-Trent City Council LGSCO 19 015 077');
    // Survives JSON, as the file is written.
    expect(JSON.parse(JSON.stringify(items))).toEqual(items);
  });
});

describe('the Zotero item and the citation carry the same fields', () => {
  it.each(SEED_REFS)('%s', async (ref) => {
    const saved = savedCase(ref, { tags: ['t'], note: 'n' });
    const [item] = casesToCslJson([saved], '{reference} / {organisation}');
    const fields = citationFields(saved.summary);
    // Organisation, reference, decision date and address: the CSL item's own fields are the citation's.
    expect(item!.title).toBe(fields.organisation);
    expect(item!.number).toBe(fields.reference);
    expect(item!.authority).toBe(fields.ombudsman);
    expect(item!.URL).toBe(fields.url);
    const [y, m, d] = item!.issued!['date-parts'][0];
    expect(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).toBe(fields.isoDate);
    // Extra holds the citation in the person's template, then the tags and note.
    expect(item!.note).toBe(`Cited as: ${fields.reference} / ${fields.organisation}\n\nTags: t\n\nn`);
    // And the site form is made of the same values.
    const site = citeCase(saved.summary, { form: 'site', template: '' });
    expect(site).toBe(`${item!.title} (${item!.number}), ${item!.authority}, ${fields.date} <${item!.URL}>`);
  });

  it('names a case without a title line by its reference, as the citations do', () => {
    const saved = savedCase('19-015-077');
    const [item] = casesToCslJson([{ ...saved, summary: { ...saved.summary, authority: null } }]);
    expect(item!.title).toBe('19 015 077');
  });
});

describe('backupFileName', () => {
  it('is dated in local time', () => {
    expect(backupFileName(new Date(2026, 10, 22, 23, 59))).toBe('ombudsman-lens-backup-2026-11-22.jsonl');
    expect(backupFileName(new Date(2027, 0, 5))).toBe('ombudsman-lens-backup-2027-01-05.jsonl');
  });
});
