/**
 * The merge rules on their own (merge-rules.ts), on seed decisions as the library stores them: a
 * case from two sources keeps the library's summary, text and address whatever the other side
 * claims, and both sides' tags and notes; a damaged saved copy gives way but keeps the person's
 * words; a save over a saved case keeps its first save time, tags, note and corrections.
 * (joinNotes, mergeNotes and compareVersions are tested in case-store.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { mergeCases, mergeInto, savedOver } from '../../lib/library/merge-rules';
import { rowsOf, salvage } from '../../lib/library/case-rows';
import type { Correction } from '../../lib/library/corrections';
import { gunzipText } from '../../lib/library/text-codec';
import { SEED_URLS, seedText } from '../helpers/seeds';
import { storedCase } from '../helpers/saved-cases';

const SAVED_AT = '2025-03-01T10:00:00.000Z';
const toNotUpheld: Correction = { field: 'outcome', from: 'upheld', to: 'not-upheld', at: '2025-04-01T09:00:00.000Z' };

/** The library's copy of 18 009 360 (Upheld, decided 21 Aug 2019), with a tag, a note and a correction. */
function library() {
  return storedCase('18-009-360', { tags: ['distress'], note: 'Pay £500 by 21 Sep.', corrections: [toNotUpheld] });
}

/** The same case from a backup that claims a newer parser, a later update and another address. */
async function incoming() {
  const record = await storedCase('18-009-360', {
    url: `${SEED_URLS['18-009-360']}?from=backup`,
    savedAt: '2024-06-01T08:00:00.000Z',
    updatedAt: '2026-01-10T08:00:00.000Z',
    tags: ['appeal', 'distress'],
    note: 'From the old laptop.',
  });
  return { ...record, parserVersion: '99.0.0', summary: { ...record.summary, parserVersion: '99.0.0', title: 'Forged title' } };
}

describe('mergeCases', () => {
  it("keeps the library's summary, text and address whatever the incoming copy claims, and both sides' tags and notes", async () => {
    const mine = await library();
    const theirs = await incoming();
    const merged = mergeCases(mine, theirs);
    expect(merged.summary.title).not.toBe('Forged title');
    expect(merged.summary).toEqual(mine.summary);
    expect(merged.parserVersion).toBe(mine.parserVersion);
    expect(merged.url).toBe(SEED_URLS['18-009-360']);
    expect(await gunzipText(merged.textGzip)).toBe(seedText('18-009-360'));
    expect(merged.tags).toEqual(['distress', 'appeal']);
    expect(merged.note).toBe('Pay £500 by 21 Sep.\n\nFrom the old laptop.');
    expect(merged.corrections).toEqual([toNotUpheld]);
    // The first save and the last update, whichever side they come from.
    expect(merged.savedAt).toBe('2024-06-01T08:00:00.000Z');
    expect(merged.updatedAt).toBe('2026-01-10T08:00:00.000Z');
  });
});

describe('mergeInto (a case coming in, against what the library holds under its reference)', () => {
  it('nothing saved: the incoming case as it is, counted as added', async () => {
    const theirs = await incoming();
    expect(mergeInto({ entry: undefined, summary: undefined, text: undefined }, theirs)).toEqual({ record: theirs, merged: false });
  });

  it("a whole saved copy: merged into the library's copy", async () => {
    const mine = await library();
    const { entry, summary, text } = rowsOf(mine);
    const result = mergeInto({ entry, summary, text }, await incoming());
    expect(result.merged).toBe(true);
    expect(result.record.summary).toEqual(mine.summary);
    expect(result.record.tags).toEqual(['distress', 'appeal']);
  });

  it('a damaged saved copy gives way to the incoming one, keeping the saved tags, note, corrections and first save time', async () => {
    const mine = await library();
    const theirs = await incoming();
    // The entry's card is gone and its summary row lost: the saved copy cannot be read whole.
    const { card: _lost, ...entry } = rowsOf(mine).entry;
    const result = mergeInto(
      { entry: { ...entry, savedAt: '2023-02-01T08:00:00.000Z' }, summary: undefined, text: rowsOf(mine).text },
      theirs,
    );
    expect(result.merged).toBe(true);
    expect(result.record.summary.title).toBe('Forged title');
    expect(result.record.url).toBe(`${SEED_URLS['18-009-360']}?from=backup`);
    expect(result.record.tags).toEqual(['distress', 'appeal']);
    expect(result.record.note).toBe('Pay £500 by 21 Sep.\n\nFrom the old laptop.');
    expect(result.record.corrections).toEqual([toNotUpheld]);
    expect(result.record.savedAt).toBe('2023-02-01T08:00:00.000Z');
  });
});

describe('savedOver (a save from the page)', () => {
  it('a case not saved yet: saved now, with the tags and note given', async () => {
    const page = await storedCase('19-015-077');
    const at = '2026-01-15T12:00:00.000Z';
    const draft = savedOver(null, { ...page, tags: ['s47'], note: 'Read again.' }, at);
    expect(draft).toMatchObject({
      reference: '19 015 077',
      savedAt: at,
      updatedAt: at,
      tags: ['s47'],
      note: 'Read again.',
      corrections: [],
    });
    expect(draft.reparseError).toBeNull();
  });

  it("saved again: the page's new summary, the first save time, the person's tags, note and corrections kept", async () => {
    const mine = await library();
    const page = await incoming();
    const at = '2026-01-15T12:00:00.000Z';
    const draft = savedOver(salvage(rowsOf(mine).entry), { ...page, tags: ['appeal'], note: 'Pay £500 by 21 Sep.' }, at);
    expect(draft.summary.title).toBe('Forged title');
    expect(draft.url).toBe(`${SEED_URLS['18-009-360']}?from=backup`);
    expect(draft.savedAt).toBe(SAVED_AT);
    expect(draft.updatedAt).toBe(at);
    expect(draft.tags).toEqual(['distress', 'appeal']);
    // The same note again does not grow the note.
    expect(draft.note).toBe('Pay £500 by 21 Sep.');
    expect(draft.corrections).toEqual([toNotUpheld]);
  });
});
