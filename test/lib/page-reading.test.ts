/**
 * The page parse in two steps (the content script paints the headline, then the
 * findings): the steps together must give exactly the one-step parse, and the
 * headline must already be the summary's header.
 */
import { describe, expect, it } from 'vitest';
import { analyseReading, parseDocumentWithElements, readDecisionPage } from '../../lib/parse-decision';
import { htmlDocument, readRepoFile, SEED_REFS, SEED_URLS, seedHtml } from '../helpers/seeds';

describe('reading a page, then analysing it', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: gives the one-step parse, and a headline that is the summary's header`, () => {
      const url = SEED_URLS[ref];
      const reading = readDecisionPage(htmlDocument(seedHtml(ref)), { url });
      if (!reading.ok) throw new Error(reading.message);
      const oneStep = parseDocumentWithElements(htmlDocument(seedHtml(ref)), { url });
      if (!oneStep.result.ok) throw new Error(oneStep.result.message);
      expect(analyseReading(reading)).toEqual(oneStep.result);
      expect(reading.doc).toEqual(oneStep.doc);
      expect(reading.elements.map((el) => el.textContent)).toEqual(oneStep.elements.map((el) => el.textContent));

      const s = oneStep.result.summary;
      expect(reading.headline).toEqual({
        reference: s.reference,
        url,
        title: s.title,
        authority: s.authority,
        category: s.category,
        outcome: s.outcome,
        decisionDate: s.decisionDate,
        layout: s.layout,
      });
    });
  }

  it('reads the header of 23 020 284 as the page prints it', () => {
    const reading = readDecisionPage(htmlDocument(seedHtml('23-020-284')), { url: SEED_URLS['23-020-284'] });
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.headline).toMatchObject({
      reference: '23 020 284',
      outcome: { label: 'Not upheld', kind: 'not-upheld', inferred: false },
      decisionDate: '2024-10-20',
    });
  });

  it('gives the not-a-decision message for a page that is not one, in the first step', () => {
    const reading = readDecisionPage(htmlDocument(readRepoFile('test/fixtures/not-a-decision.html')));
    expect(reading).toMatchObject({ ok: false, reason: 'not-a-decision' });
  });

  it('reports a failure of the analysis as unreadable, never throws', () => {
    const reading = readDecisionPage(htmlDocument(seedHtml('19-015-077')));
    if (!reading.ok) throw new Error(reading.message);
    const broken = { ...reading, doc: { ...reading.doc, blocks: null as never } };
    expect(analyseReading(broken)).toMatchObject({ ok: false, reason: 'unreadable', message: expect.stringMatching(/^The decision could not be read: /) });
  });
});
