/**
 * The rows the popup remembers for its next opening are read back only when they are what the
 * list would show: the same order, and entries that pass the library's own schema.
 */
import { describe, expect, it } from 'vitest';
import { rememberedRows, rememberRows } from '../../lib/library/remembered-rows';
import { CaseEntrySchema, type CaseEntry } from '../../lib/library/saved-case';
import { savedCase } from '../helpers/saved-cases';

/** A seed as the list holds it: the entry without its summary. */
function entry(ref: Parameters<typeof savedCase>[0]): CaseEntry {
  const { summary: _summary, ...rest } = savedCase(ref, { tags: ['housing'], note: 'Asked for £300.' });
  return CaseEntrySchema.parse(rest);
}

const NEWEST_FIRST = { sortKey: 'decisionDate', sortDir: 'desc' } as const;

describe('rememberedRows', () => {
  it('reads back the rows, tags and note included, in the order they were remembered in', () => {
    const rows = [entry('23-017-456'), entry('19-015-077')];
    const back = rememberedRows(rememberRows(NEWEST_FIRST, rows), NEWEST_FIRST);
    expect(back?.map((c) => c.reference)).toEqual(['23 017 456', '19 015 077']);
    expect(back?.[0]?.tags).toEqual(['housing']);
    expect(back?.[0]?.note).toBe('Asked for £300.');
    expect(back?.[0]?.card.title).toBe(rows[0]!.card.title);
  });

  it('reads nothing remembered in another order, nor an empty list', () => {
    const raw = rememberRows(NEWEST_FIRST, [entry('23-017-456')]);
    expect(rememberedRows(raw, { sortKey: 'decisionDate', sortDir: 'asc' })).toBeNull();
    expect(rememberedRows(raw, { sortKey: 'savedAt', sortDir: 'desc' })).toBeNull();
    expect(rememberedRows(rememberRows(NEWEST_FIRST, []), NEWEST_FIRST)).toBeNull();
  });

  it('reads nothing from text that is not JSON, is missing, or holds a row the library would refuse', () => {
    expect(rememberedRows('{"sortKey":', NEWEST_FIRST)).toBeNull();
    expect(rememberedRows(null, NEWEST_FIRST)).toBeNull();
    const bad = JSON.parse(rememberRows(NEWEST_FIRST, [entry('23-017-456')])) as { cases: { url: string }[] };
    bad.cases[0]!.url = 'javascript:alert(1)';
    expect(rememberedRows(JSON.stringify(bad), NEWEST_FIRST)).toBeNull();
  });
});
