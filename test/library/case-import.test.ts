/**
 * A backup's cases turned into stored records (case-import.ts), on seed decisions: each checked
 * and compressed, a case listed twice merged within the batch, each merged with the library's rows
 * (added, merged, or refused past a limit), and a dry run that works out the same from the entries
 * alone. The store's transactions around these are tested in backup.test.ts and backup-stream.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mergeBatch, prepareBatch, preparedBytes, type ImportBatch } from '../../lib/library/case-import';
import { backupCaseOf } from '../../lib/library/case-export';
import { rowsOf, type LibraryRows } from '../../lib/library/case-rows';
import type { SavedCase, StoredCase } from '../../lib/library/saved-case';
import { gunzipText, gzipText } from '../../lib/library/text-codec';
import { seedText, type SeedRef } from '../helpers/seeds';
import { storedCase } from '../helpers/saved-cases';

const NOW = new Date(Date.UTC(2026, 0, 20, 9, 0, 0));

async function backupCase(ref: SeedRef, extra: Partial<SavedCase> = {}) {
  return backupCaseOf(await storedCase(ref, extra), seedText(ref));
}

/** The library's rows for these saved cases (undefined: not saved), in the order given. */
function libraryRows(saved: (StoredCase | undefined)[]): LibraryRows {
  const rows = saved.map((s) => (s ? rowsOf(s) : undefined));
  return { entries: rows.map((r) => r?.entry), summaries: rows.map((r) => r?.summary), texts: rows.map((r) => r?.text) };
}

const FIFTY_TAGS = Array.from({ length: 50 }, (_, i) => `tag-${i + 1}`);

describe('prepareBatch', () => {
  it('checks and compresses each case; a case listed twice is merged within the batch, at its first place', async () => {
    const batch: ImportBatch = [
      { index: 0, value: await backupCase('19-015-077', { tags: ['s47'] }) },
      { index: 1, value: await backupCase('23-020-284') },
      { index: 2, value: await backupCase('19-015-077', { tags: ['complaint'], note: 'Listed again.' }) },
    ];
    const prepared = await prepareBatch(batch, NOW, false);
    expect(prepared.problems).toEqual([]);
    expect([...prepared.incoming.keys()]).toEqual(['19 015 077', '23 020 284']);
    const twice = prepared.incoming.get('19 015 077')!;
    expect(twice.index).toBe(0);
    expect(twice.record.tags).toEqual(['s47', 'complaint']);
    expect(twice.record.note).toBe('Listed again.');
    expect(await gunzipText(twice.record.textGzip)).toBe(seedText('19-015-077'));
    expect(twice.record.textLength).toBe(seedText('19-015-077').length);
  });

  it('a case that fails its checks is named by its place in the file and left out', async () => {
    const wrong = { ...(await backupCase('23-020-284')), reference: '23 020 285' };
    const batch: ImportBatch = [
      { index: 4, value: await backupCase('19-015-077') },
      { index: 5, value: wrong },
    ];
    const prepared = await prepareBatch(batch, NOW, false);
    expect(prepared.problems).toEqual(['cases[5].reference: "23 020 285" does not match summary.reference "23 020 284"']);
    expect([...prepared.incoming.keys()]).toEqual(['19 015 077']);
  });

  it('a dry run finds the same problems without compressing anything', async () => {
    const wrong = { ...(await backupCase('23-020-284')), reference: '23 020 285' };
    const prepared = await prepareBatch(
      [
        { index: 0, value: await backupCase('19-015-077') },
        { index: 1, value: wrong },
      ],
      NOW,
      true,
    );
    expect(prepared.problems).toEqual(['cases[1].reference: "23 020 285" does not match summary.reference "23 020 284"']);
    expect(prepared.incoming.get('19 015 077')!.record.textGzip.byteLength).toBe(0);
  });

  it('counts the bytes a write adds once per case: its compressed text and its summary', async () => {
    const value = await backupCase('19-015-077');
    const once = await prepareBatch([{ index: 0, value }], NOW, false);
    const twice = await prepareBatch(
      [
        { index: 0, value },
        { index: 1, value },
      ],
      NOW,
      false,
    );
    const gzip = await gzipText(seedText('19-015-077'));
    expect(preparedBytes(once)).toBe(gzip.byteLength + JSON.stringify(once.incoming.get('19 015 077')!.record.summary).length);
    expect(preparedBytes(twice)).toBe(preparedBytes(once));
  });
});

describe('mergeBatch', () => {
  /** 20 003 139 new; 19 015 077 saved with a tag and note; 23 020 284 saved with fifty tags, so one more is past the limit. */
  async function scene() {
    const prepared = await prepareBatch(
      [
        { index: 0, value: await backupCase('20-003-139', { tags: ['joint'] }) },
        { index: 1, value: await backupCase('19-015-077', { tags: ['backup'], note: 'From the file.' }) },
        { index: 2, value: await backupCase('23-020-284', { tags: ['one-more'] }) },
      ],
      NOW,
      false,
    );
    const library = [
      undefined,
      await storedCase('19-015-077', {
        tags: ['saved'],
        note: 'Mine.',
        summary: { ...(await storedCase('19-015-077')).summary, title: 'As saved' },
      }),
      await storedCase('23-020-284', { tags: FIFTY_TAGS }),
    ];
    return { prepared, library };
  }

  it("adds a new case, merges a saved one into the library's copy, and names a merge past the tag limit", async () => {
    const { prepared, library } = await scene();
    const result = mergeBatch(prepared, libraryRows(library), false);
    expect(result.added).toBe(1);
    expect(result.merged).toBe(1);
    expect(result.problems).toEqual(['cases[2]: a case can have at most 50 tags; this one would have 51']);
    expect(result.writes.map((r) => r.reference)).toEqual(['20 003 139', '19 015 077']);
    const merged = result.writes[1]!;
    expect(merged.summary.title).toBe('As saved');
    expect(merged.tags).toEqual(['saved', 'backup']);
    expect(merged.note).toBe('Mine.\n\nFrom the file.');
    // The prepared batch is left as it was: a transaction run again starts from the same problems.
    expect(prepared.problems).toEqual([]);
  });

  it('a dry run, from the entries alone, counts and refuses the same', async () => {
    const { prepared, library } = await scene();
    const { entries } = libraryRows(library);
    const result = mergeBatch(prepared, { entries, summaries: [], texts: [] }, true);
    expect({ added: result.added, merged: result.merged, problems: result.problems }).toEqual({
      added: 1,
      merged: 1,
      problems: ['cases[2]: a case can have at most 50 tags; this one would have 51'],
    });
  });
});
