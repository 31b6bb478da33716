/**
 * A saved case's three rows read back (case-rows.ts) and turned into backup cases (case-export.ts),
 * on seed decisions: a whole case put together, a damaged one reported or skipped and never
 * thrown, one deleted meanwhile left out, and what survives of a damaged entry's tags and note.
 */
import { describe, expect, it } from 'vitest';
import { entriesOf, rowsOf, salvage, savedCasesOf, storedOf } from '../../lib/library/case-rows';
import { backupCasesOf } from '../../lib/library/case-export';
import { MAX_NOTE_CHARS, MAX_TAGS } from '../../lib/messages';
import { seedText } from '../helpers/seeds';
import { storedCase } from '../helpers/saved-cases';

describe('storedOf and rowsOf', () => {
  it('a case split into its rows is put together again as it was', async () => {
    const record = await storedCase('19-015-077', { tags: ['s47'], note: 'A note.' });
    const { entry, summary, text } = rowsOf(record);
    expect(entry).not.toHaveProperty('summary');
    expect(entry).not.toHaveProperty('textGzip');
    expect(storedOf(entry, summary, text)).toEqual(record);
  });

  it('null when the entry is missing, or the summary or text row is', async () => {
    const { entry, summary, text } = rowsOf(await storedCase('19-015-077'));
    expect(storedOf(undefined, summary, text)).toBeNull();
    expect(storedOf(entry, undefined, text)).toBeNull();
    expect(storedOf(entry, summary, undefined)).toBeNull();
  });
});

describe('salvage', () => {
  it("reads a damaged entry's save time, tags and note; anything unreadable is left out", async () => {
    const { card: _lost, ...entry } = rowsOf(await storedCase('18-009-360', { tags: ['distress'], note: 'Pay £500.' })).entry;
    expect(salvage(entry)).toEqual({ savedAt: '2025-03-01T10:00:00.000Z', tags: ['distress'], note: 'Pay £500.', corrections: [] });
    expect(salvage({ ...entry, tags: 'distress', note: 7 })).toMatchObject({ tags: [], note: '' });
    // Past the limits a person can reach: a note or tag list a save would refuse is not carried into a merge.
    const tooMany = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag-${i}`);
    expect(salvage({ ...entry, tags: tooMany, note: 'x'.repeat(MAX_NOTE_CHARS + 1) })).toMatchObject({ tags: [], note: '' });
    expect(salvage('not a record')).toEqual({ savedAt: null, tags: [], note: '', corrections: [] });
  });
});

describe('entriesOf and savedCasesOf', () => {
  it('lists the valid entries and reports each damaged one by its reference', async () => {
    const whole = rowsOf(await storedCase('19-015-077')).entry;
    const { card: _lost, ...damaged } = rowsOf(await storedCase('23-020-284')).entry;
    const { cases, corrupted } = entriesOf([whole, damaged, 'junk']);
    expect(cases).toEqual([whole]);
    expect(corrupted.map((c) => c.reference)).toEqual(['23 020 284', '(no reference)']);
    expect(corrupted[0]!.problem).toMatch(/^card: /);
  });

  it('full cases for the references asked: one deleted meanwhile is left out, one without its summary reported', async () => {
    const a = rowsOf(await storedCase('19-015-077'));
    const b = rowsOf(await storedCase('23-020-284'));
    const { cases, corrupted } = savedCasesOf(
      ['19 015 077', '20 003 139', '23 020 284'],
      [a.entry, undefined, b.entry],
      [a.summary, undefined, undefined],
    );
    expect(cases.map((c) => c.reference)).toEqual(['19 015 077']);
    expect(cases[0]!.summary).toEqual(a.summary.summary);
    expect(corrupted.map((c) => c.reference)).toEqual(['23 020 284']);
    expect(corrupted[0]!.problem).toMatch(/^summary: /);
  });
});

describe('backupCasesOf', () => {
  it("gives each case's own fields and its decoded text; skips one whose text is damaged; leaves out one deleted", async () => {
    const a = rowsOf(await storedCase('19-015-077', { tags: ['s47'] }));
    const b = rowsOf(await storedCase('23-020-284'));
    const damagedText = { reference: '23 020 284', textGzip: new Uint8Array([31, 139, 0]) };
    const { cases, skipped } = await backupCasesOf(['19 015 077', '20 003 139', '23 020 284'], {
      entries: [a.entry, undefined, b.entry],
      summaries: [a.summary, undefined, b.summary],
      texts: [a.text, undefined, damagedText],
    });
    expect(skipped).toEqual(['23 020 284']);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.text).toBe(seedText('19-015-077'));
    expect(cases[0]!.tags).toEqual(['s47']);
    expect(cases[0]!.summary).toEqual(a.summary.summary);
    // What an import recomputes is not in the file.
    expect(cases[0]).not.toHaveProperty('card');
    expect(cases[0]).not.toHaveProperty('textLength');
    expect(cases[0]).not.toHaveProperty('corrections');
  });
});
