/**
 * Copies of a decision without its title line (a scraper's, a republishing site's): accepted when
 * they have a decision statement, the reference taken from the address or the file name, the
 * organisation not named (`authority` null) and a warning saying so.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../lib/parser/parse-decision';
import { referenceFromAddress } from '../../lib/parser/extractors/reference';
import { readRepoFile, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const NO_TITLE_WARNING = 'No title line: the organisation is not named, and the reference was taken from the address.';

describe('a copy without its title line', () => {
  // short/22-003-275.txt as accountabilityindex.uk republishes it: no title, no Category or Decision line.
  const text = readRepoFile('test/corpus/short/22-003-275.txt');
  const url = 'https://www.accountabilityindex.uk/sources/lgo/decisions/lgo-22-003-275-city-of-bradford-metropolitan-district-council/';

  it('has no title line (the fixture is what the test says)', () => {
    expect(text).not.toMatch(/\(\d{2} \d{3} \d{3}[a-z]?\)/);
    expect(text.startsWith("The Ombudsman's final decision\nSummary: We will not investigate")).toBe(true);
  });

  it('is read, its reference from the address, its organisation not named, with a warning', () => {
    const s = summaryOf(text, url);
    expect(s.reference).toBe('22 003 275');
    expect(s.authority).toBeNull();
    expect(s.title).toBe('22 003 275');
    expect(s.warnings).toContain(NO_TITLE_WARNING);
    // "Summary: We will not investigate this complaint about the Council’s failure to provide information..."
    expect(s.outcome).toMatchObject({ kind: 'closed-after-initial-enquiries', inferred: true });
    expect(s.summary).toMatch(/^We will not investigate this complaint about the Council’s failure to provide information/);
  });

  it('takes the reference from a file name when there is no address', () => {
    const result = parseText(text, { fileName: 'decisions/22-003-275.txt' });
    expect(result.ok && result.summary.reference).toBe('22 003 275');
    expect(result.ok && result.summary.url).toBeNull();
  });

  it('is refused, saying what to give, when neither address nor file name holds a reference', () => {
    const result = parseText(text, { url: 'https://www.accountabilityindex.uk/sources/lgo/decisions/' });
    expect(result).toMatchObject({ ok: false, reason: 'not-a-decision' });
    expect(!result.ok && result.message).toMatch(/no title line.*give the page address/i);
  });

  it('a seed with its title line cut off reads as the seed does, but for the organisation', () => {
    const seed = seedText('20-003-139');
    const title = 'Stoke-on-Trent City Council (20 003 139)';
    expect(seed).toContain(`${title}\n`);
    const whole = summaryOf(seed, SEED_URLS['20-003-139']);
    const cut = summaryOf(seed.replace(`${title}\n`, ''), SEED_URLS['20-003-139']);
    expect(cut.authority).toBeNull();
    expect(cut.warnings).toEqual([NO_TITLE_WARNING, ...whole.warnings]);
    const { authority: _a, title: _t, warnings: _w, organisationKind: _k, ...rest } = cut;
    const { authority: _a2, title: _t2, warnings: _w2, organisationKind: _k2, ...wholeRest } = whole;
    expect(rest).toEqual(wholeRest);
  });

  it('text that is not a decision stays refused even with a decision address', () => {
    const notes = 'Notes on 22 003 275\nI read the decision today.\nIt was about a by-pass.';
    expect(parseText(notes, { url })).toMatchObject({ ok: false, reason: 'not-a-decision' });
  });
});

describe('referenceFromAddress', () => {
  it.each([
    ['https://www.lgo.org.uk/decisions/housing/other/22-002-919', '22 002 919'],
    ['https://www.lgo.org.uk/decisions/health/assessment-and-funding/19-018-519c?displaypref=1', '19 018 519c'],
    ['https://www.accountabilityindex.uk/sources/lgo/decisions/lgo-24-000-706-leicestershire-county-council/', '24 000 706'],
    ['22-003-275.txt', '22 003 275'],
    ['/home/me/saved/19-018-519c.html', '19 018 519c'],
  ])('%s gives %s', (address, reference) => {
    expect(referenceFromAddress(address)).toBe(reference);
  });

  it.each([
    'https://www.lgo.org.uk/decisions/housing',
    'https://www.lgo.org.uk/decisions/housing/other/122-002-9190',
    'https://22-003-275.example.com/decision',
    'https://www.lgo.org.uk/decisions?ref=22-003-275',
  ])('finds none in %s', (address) => {
    expect(referenceFromAddress(address)).toBeNull();
  });
});
