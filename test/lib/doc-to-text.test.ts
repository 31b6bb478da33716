/** The library's verbatim copy: written from the page, read back to the same summary. */
import { describe, expect, it } from 'vitest';
import { docToText } from '../../lib/parser/front-ends/doc-to-text';
import { parseDocumentWithElements } from '../../lib/parser/parse-decision';
import { htmlDocument, readRepoFile, SEED_REFS, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';
import { splitSentences } from '../../lib/parser/sentences/sentences';

function withoutBlocks(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'block' ? undefined : v)));
}

describe('the saved copy of a page', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: re-parses to the same summary as the page`, () => {
      const { result, doc } = parseDocumentWithElements(htmlDocument(seedHtml(ref)), { url: SEED_URLS[ref] });
      if (!result.ok || !doc) throw new Error('expected a decision');
      const copy = docToText(doc);
      expect(withoutBlocks(summaryOf(copy, SEED_URLS[ref]))).toEqual(withoutBlocks(result.summary));
    });
  }

  it('keeps every sentence of the decision, word for word', () => {
    const { doc } = parseDocumentWithElements(htmlDocument(seedHtml('18-009-360')));
    const copy = docToText(doc!);
    const original = seedText('18-009-360').split('Investigator')[0]!;
    for (const line of original.split('\n')) {
      const text = line
        .replace(/^\s*(\d+\.|•|-)\s+/, '')
        .replace(/\u00A0/g, ' ')
        .trim();
      if (!text || text === 'Back to top') continue;
      for (const sentence of splitSentences(text)) expect(copy).toContain(sentence.replace(/\s+/g, ' '));
    }
  });

  it('keeps a report as a report', () => {
    const { result, doc } = parseDocumentWithElements(htmlDocument(readRepoFile('test/fixtures/report-18-009-360.html')));
    if (!result.ok || !doc) throw new Error('expected a decision');
    expect(withoutBlocks(summaryOf(docToText(doc)))).toEqual(withoutBlocks(result.summary));
  });
});
