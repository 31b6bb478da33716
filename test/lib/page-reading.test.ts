/**
 * The page parse in two steps (the content script paints the headline, then the
 * findings): the steps together must give exactly the one-step parse, and the
 * headline must already be the summary's header.
 */
import { describe, expect, it } from 'vitest';
import { analyseReading, parseDocumentWithElements, readDecisionPage } from '../../lib/parser/parse-decision';
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
    expect(analyseReading(broken)).toMatchObject({
      ok: false,
      reason: 'unreadable',
      message: expect.stringMatching(/^The decision could not be read: /),
    });
  });
});

/**
 * The header is found from the start of each text node (read-document's headerCandidates), not by
 * asking every element for its text: the Decision line of 18 009 360, marked up the ways a page
 * or a copy of one may mark it up, must still be read.
 */
describe('the Decision line, however it is marked up', () => {
  const DECISION_LINE = '<div class="field"><span class="label">Decision :</span> <span class="value">Upheld</span></div>';
  const headlineWith = (line: string) => {
    const html = seedHtml('18-009-360');
    expect(html).toContain(DECISION_LINE);
    const reading = readDecisionPage(htmlDocument(html.replace(DECISION_LINE, line)), { url: SEED_URLS['18-009-360'] });
    if (!reading.ok) throw new Error(reading.message);
    return reading.headline;
  };
  const READ = { label: 'Upheld', kind: 'upheld', inferred: false };

  it.each([
    ['as the site prints it', DECISION_LINE],
    [
      'after invisible characters and other spaces',
      '<div class="field"><span class="label">\u200B\u00A0\u2060 Decision :</span> <span class="value">Upheld</span></div>',
    ],
    [
      'after an element holding only invisible text',
      '<div class="field">\n  <span>\u200B</span>\n  <span class="label">Decision :</span> <span class="value">Upheld</span></div>',
    ],
    [
      'after a comment, in lower case',
      '<div class="field"><!-- field --><span class="label">decision :</span> <span class="value">Upheld</span></div>',
    ],
    [
      'split across text nodes',
      '<div class="field"><span class="label">Deci<b></b>sion<i> </i>:</span> <span class="value">Upheld</span></div>',
    ],
    [
      'with an invisible character inside the label',
      '<div class="field"><span class="label">Deci\u00ADsion :</span> <span class="value">Upheld</span></div>',
    ],
    ['as one paragraph', '<p>Decision: Upheld</p>'],
    ['as a bare label and the next element', '<div><strong>DECISION</strong></div><div>Upheld</div>'],
    ['as a definition list', '<dl><dt>Decision</dt><dd>Upheld</dd></dl>'],
    [
      'deep inside wrappers',
      '<div><div><section><div class="field"><span class="label">Decision :</span> <span class="value">Upheld</span></div></section></div></div>',
    ],
  ])('%s', (_name, line) => {
    const headline = headlineWith(line);
    expect(headline.outcome).toMatchObject(READ);
    expect(headline.decisionDate).toBe('2019-08-21');
  });

  it('is not read from a sentence that only starts like one (nor when there is none)', () => {
    for (const line of [
      '<p>Decision making in this case was slow.</p>',
      '<div class="field"><span class="label">Decisions</span> <span class="value">Upheld</span></div>',
      '',
    ]) {
      expect(headlineWith(line).outcome.inferred).toBe(true);
    }
  });
});
