/**
 * A re-parse after a parser update (case-reparse.ts), with the real parser on the seeds' stored
 * texts: what one re-read gives, and the rows a batch of outcomes leaves (a new summary with the
 * person's tags and note kept; the old summary kept with why; a case deleted or re-read meanwhile
 * left alone). `CaseStore.reparseAll` around it is tested in case-store.test.ts and record-checks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { reparseOutcome, reparsedBatch, type ReparseOutcome } from '../../lib/library/case-reparse';
import { rowsOf } from '../../lib/library/case-rows';
import type { CaseEntry } from '../../lib/library/saved-case';
import { parseDecision } from '../../lib/parser/parse-decision';
import { PARSER_VERSION } from '../../lib/schema';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';
import { storedCase } from '../helpers/saved-cases';

const NOW = new Date(Date.UTC(2026, 0, 20, 9, 0, 0));
const parse = (text: string, url: string) => parseDecision(text, { url });

/** A saved entry whose summary came from an older parser. */
async function oldEntry(ref: SeedRef, extra: Partial<CaseEntry> = {}): Promise<CaseEntry> {
  return { ...rowsOf(await storedCase(ref)).entry, parserVersion: '0.0.1', ...extra };
}

describe('reparseOutcome', () => {
  it("reads the stored text with the parser: the seed's summary", async () => {
    const entry = await oldEntry('19-015-077');
    expect(reparseOutcome(seedText('19-015-077'), entry, parse)).toEqual({
      summary: summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']),
    });
  });

  it('says why when the text could not be read, the parser throws, or the text is of another decision', async () => {
    const entry = await oldEntry('19-015-077');
    expect(reparseOutcome('', entry, parse)).toEqual({ error: 'The stored text of this decision could not be read.' });
    const throwing = () => {
      throw new Error('parser fell over');
    };
    expect(reparseOutcome(seedText('19-015-077'), entry, throwing)).toEqual({ error: 'parser fell over' });
    expect(reparseOutcome(seedText('23-020-284'), entry, parse)).toEqual({
      error: 'Re-parsing gave reference 23 020 284, not 19 015 077.',
    });
  });
});

describe('reparsedBatch', () => {
  it("writes each new summary with the person's tags and note, keeps the old one with why, and leaves alone a case gone or done", async () => {
    const renewed = await oldEntry('19-015-077', { tags: ['s47'], note: 'Kept through the update.' });
    const done = rowsOf(await storedCase('23-020-284')).entry;
    const unreadable = await oldEntry('18-009-360', { tags: ['distress'] });
    const tooLate = await oldEntry('20-003-139');
    const outcomes = new Map<string, ReparseOutcome>([
      ['19 015 077', reparseOutcome(seedText('19-015-077'), renewed, parse)],
      ['23 020 284', reparseOutcome(seedText('23-020-284'), done, parse)],
      ['18 009 360', { error: 'The stored text of this decision could not be read.' }],
      ['20 003 139', { summary: { ...summaryOf(seedText('20-003-139'), SEED_URLS['20-003-139']), decisionDate: '2099-01-01' } }],
      ['20 003 139a', { error: 'never looked at: deleted meanwhile' }],
    ]);
    // As re-read in the write's transaction: 23 020 284 was re-read meanwhile by another run, 20 003 139a deleted.
    const rows = [renewed, done, unreadable, tooLate, undefined];

    const batch = reparsedBatch(outcomes, rows, PARSER_VERSION, NOW);
    expect(batch.reparsed).toBe(1);
    expect(batch.failed).toEqual(['18 009 360', '20 003 139']);
    expect(batch.entries.map((e) => e.reference)).toEqual(['19 015 077', '18 009 360', '20 003 139']);
    expect(batch.summaries.map((s) => s.reference)).toEqual(['19 015 077']);

    const [fresh, kept, refused] = batch.entries;
    expect(fresh).toMatchObject({ parserVersion: PARSER_VERSION, tags: ['s47'], note: 'Kept through the update.', reparseError: null });
    expect(fresh!.updatedAt).toBe(NOW.toISOString());
    expect(kept).toMatchObject({ parserVersion: '0.0.1', tags: ['distress'] });
    expect(kept!.reparseError).toBe(
      `Parser ${PARSER_VERSION} could not read the stored text, so the summary from parser 0.0.1 is kept: The stored text of this decision could not be read.`,
    );
    expect(refused!.reparseError).toMatch(
      /is kept: Re-parse of 20 003 139 not saved: summary\.decisionDate: 2099-01-01 is later than 2027-01-21, a year from today\.$/,
    );
  });
});
