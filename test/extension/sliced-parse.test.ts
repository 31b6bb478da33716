/**
 * The sidebar's parse in slices (entrypoints/content/sliced.ts over the parser's steps,
 * lib/parser/steps.ts) gives exactly what the one-call parse gives, gives the page turns
 * between its slices, and reads a page too long to read whole only as far as its limit.
 * No clock is read here: the slices end by a clock the tests drive.
 */
import { describe, expect, it } from 'vitest';
import { analyseReadingSteps, parseDecision, readDecisionPage, readDecisionPageSteps } from '../../lib/parser/parse-decision';
import { analyse, analyseSteps } from '../../lib/parser/analyse';
import { headlineFields } from '../../lib/parser/extractors/headline';
import { readText } from '../../lib/parser/front-ends/read-text';
import { runSteps } from '../../lib/parser/steps';
import type { ParseResult } from '../../lib/schema';
import { runSliced, SLICE_MS, type SliceOptions } from '../../entrypoints/content/sliced';
import { partialReadingMessage, READ_IN_ONE_TASK_ELEMENTS, readingSliceMs } from '../../entrypoints/content/page-limit';
import { inflateDecisionPage } from '../../scripts/bench/big-page';
import { htmlDocument, SEED_REFS, SEED_URLS, seedHtml, seedText } from '../helpers/seeds';
import { loadCorpus } from '../corpus/score';

/** A slice ends at every checkpoint (the clock moves on a millisecond each time it is read); turns are counted. */
function everyCheckpoint(): SliceOptions & { turns: () => number } {
  let t = 0;
  let turns = 0;
  return {
    sliceMs: 1,
    now: () => t++,
    yieldToPage: () => {
      turns++;
      return Promise.resolve();
    },
    turns: () => turns,
  };
}

/** The content script's way: the page read in slices, then analysed in slices. */
async function slicedParse(document: Document, url: string, options: SliceOptions): Promise<ParseResult> {
  const reading = await runSliced(readDecisionPageSteps(document, { url }), options);
  return reading.ok ? runSliced(analyseReadingSteps(reading), options) : reading;
}

describe('the parse in slices', () => {
  it.each(SEED_REFS)('gives exactly the one-call parse on seed %s, with turns for the page between slices', async (ref) => {
    const url = SEED_URLS[ref];
    const slices = everyCheckpoint();
    const sliced = await slicedParse(htmlDocument(seedHtml(ref)), url, slices);
    const whole = parseDecision(htmlDocument(seedHtml(ref)), { url });
    expect(whole.ok).toBe(true);
    expect(sliced).toEqual(whole);
    // Every seed has more than 64 sentences (STEP): each of the five extractors' passes over them pauses at least once.
    expect(slices.turns()).toBeGreaterThanOrEqual(5);
  });

  it('gives exactly the one-call analysis on every decision of the corpus', async () => {
    let compared = 0;
    for (const c of loadCorpus()) {
      const doc = readText(c.text);
      if (!doc || doc.reference === null) continue;
      const headline = headlineFields(doc, null);
      const sliced = await runSliced(analyseSteps(doc, headline), everyCheckpoint());
      expect(sliced, c.label.file).toEqual(analyse(doc, null));
      compared++;
    }
    // The corpus's openings without a title line have no reference to analyse under.
    expect(compared).toBeGreaterThanOrEqual(70);
  });

  it('gives the page no turn while the slice lasts: a decision is read in one go when the clock does not run out', async () => {
    let turns = 0;
    const options: SliceOptions = {
      sliceMs: 10,
      now: () => 0,
      yieldToPage: () => {
        turns++;
        return Promise.resolve();
      },
    };
    const result = await slicedParse(htmlDocument(seedHtml('18-009-360')), SEED_URLS['18-009-360'], options);
    expect(result.ok && result.summary.faults.length).toBe(7);
    expect(turns).toBe(0);
  });

  it('pauses between the elements of a page as it reads it, and between the sentences as it analyses them', () => {
    const reading = readDecisionPageSteps(htmlDocument(seedHtml('18-009-360')), { url: SEED_URLS['18-009-360'] });
    let pauses = 0;
    let next = reading.next();
    for (; !next.done; next = reading.next()) pauses++;
    // 114 blocks of the statement, a checkpoint every 64 elements and list items visited.
    expect(pauses).toBeGreaterThan(0);
    const page = next.value;
    if (!page.ok) throw new Error(page.message);
    const analysis = analyseReadingSteps(page);
    let analysisPauses = 0;
    for (let step = analysis.next(); !step.done; step = analysis.next()) analysisPauses++;
    // The index reads 114 blocks (a checkpoint at block 64), the five extractors 398 sentences
    // each (checkpoints at 64, 128, ... 384: six): 1 + 5 × 6.
    expect(page.doc.blocks.length).toBe(114);
    expect(analysisPauses).toBe(31);
  });

  it('runs a parser error into an unreadable result, as the one-call parse does', async () => {
    const page = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url: SEED_URLS['18-009-360'] });
    if (!page.ok) throw new Error(page.message);
    // A headline whose outcome the analysis cannot read.
    const broken = { ...page, headline: null as never };
    const sliced = await runSliced(analyseReadingSteps(broken), everyCheckpoint());
    expect(sliced.ok).toBe(false);
    expect(sliced).toEqual(runSteps(analyseReadingSteps(broken)));
  });
});

describe('a page too long to read whole', () => {
  const url = SEED_URLS['18-009-360'];
  const whole = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url });
  if (!whole.ok) throw new Error(whole.message);
  const statementChars = whole.doc.blocks.reduce((n, b) => n + b.text.length, 0);

  it('is read as far as the limit: the first blocks, in order, and says it was cut', () => {
    const part = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url, maxChars: 10_000 });
    if (!part.ok) throw new Error(part.message);
    expect(part.cut).toBe(true);
    const read = part.doc.blocks.reduce((n, b) => n + b.text.length, 0);
    expect(read).toBeGreaterThanOrEqual(10_000);
    expect(read).toBeLessThan(statementChars);
    expect(part.doc.blocks).toEqual(whole.doc.blocks.slice(0, part.doc.blocks.length));
    // The headline is the page's header, read whole.
    expect(part.headline).toEqual(whole.headline);
  });

  it('is read whole, and not said to be cut, when the limit is above its length', () => {
    const all = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url, maxChars: statementChars + 1 });
    expect(all.ok && all.cut).toBe(false);
    expect(whole.cut).toBe(false);
    expect(all.ok && all.doc).toEqual(whole.doc);
  });

  it('read from its visible text (a copy in <pre>), is cut there too', () => {
    const pre = htmlDocument(
      `<!doctype html><html><body><pre>${seedText('18-009-360').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`,
    );
    const part = readDecisionPage(pre, { url, maxChars: 5_000 });
    if (!part.ok) throw new Error(part.message);
    expect(part.cut).toBe(true);
    const all = readDecisionPage(
      htmlDocument(
        `<!doctype html><html><body><pre>${seedText('18-009-360').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`,
      ),
      { url },
    );
    expect(all.ok && all.cut).toBe(false);
    expect(all.ok && all.doc.blocks.length).toBeGreaterThan(part.doc.blocks.length);
  });

  it('is said in words: the limit, how much was read and the last paragraph read', () => {
    const part = readDecisionPage(htmlDocument(seedHtml('18-009-360')), { url, maxChars: 10_000 });
    if (!part.ok) throw new Error(part.message);
    const read = part.doc.blocks.reduce((n, b) => n + b.text.length, 0);
    const last = part.doc.blocks.at(-1)!.paragraph!;
    expect(partialReadingMessage(part.doc, 10_000)).toBe(
      `This page is too long to read whole (over 10,000 characters). What is shown here was found in the first ${read.toLocaleString('en-GB')} characters, up to paragraph ${last}; the rest of the page was not read.`,
    );
  });
});

describe('which pages are read in one task', () => {
  it.each(SEED_REFS)('seed %s, a decision page: in one task, with no pause for the page', (ref) => {
    const document = htmlDocument(seedHtml(ref));
    expect(document.getElementsByTagName('*').length).toBeLessThan(READ_IN_ONE_TASK_ELEMENTS / 2);
    expect(readingSliceMs(document)).toBe(Infinity);
  });

  it("the bench's 1 MB page: in slices from the start", () => {
    const big = htmlDocument(inflateDecisionPage(seedHtml('18-009-360'), 1_000_000).html);
    expect(big.getElementsByTagName('*').length).toBeGreaterThan(2 * READ_IN_ONE_TASK_ELEMENTS);
    expect(readingSliceMs(big)).toBe(SLICE_MS);
  });
});
