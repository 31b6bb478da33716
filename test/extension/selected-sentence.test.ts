/**
 * "Add from selection": a selection in the page mapped to one sentence of the parsed statement, on
 * the seed page 20 003 139 (paragraph 16: "It has apologised, which I consider is an appropriate
 * remedy for the injustice caused to Mr X.").
 */
import { describe, expect, it } from 'vitest';
import { sentenceOfSelection } from '../../entrypoints/content/selected-sentence';
import { readDecisionPage } from '../../lib/parser/parse-decision';
import { SEED_URLS, htmlDocument, seedHtml } from '../helpers/seeds';

const reading = readDecisionPage(htmlDocument(seedHtml('20-003-139')), { url: SEED_URLS['20-003-139'] });
if (!reading.ok) throw new Error('seed page not read');
const { doc, elements } = reading;

/** A selection of `text` inside the page element of block `block`, as the browser reports one. */
function selecting(block: number, text: string): Selection {
  const el = elements[block]!;
  return {
    rangeCount: 1,
    isCollapsed: false,
    toString: () => text,
    getRangeAt: () => ({ startContainer: el.firstChild ?? el }),
  } as unknown as Selection;
}

const block = doc.blocks.findIndex((b) => b.text.includes('It has apologised, which I consider'));

describe('the selected sentence', () => {
  it('a few words of a sentence give the whole sentence, its block and its paragraph number', () => {
    expect(doc.blocks[block]!.paragraph).toBe(16);
    expect(sentenceOfSelection(selecting(block, 'apologised, which I   consider'), doc, elements)).toEqual({
      block,
      paragraph: 16,
      sentence: 'It has apologised, which I consider is an appropriate remedy for the injustice caused to Mr X.',
    });
  });

  it('nothing selected, or a selection outside the statement, is explained in words', () => {
    expect(sentenceOfSelection(null, doc, elements)).toMatch(/^Select a sentence/);
    const outside = {
      ...selecting(block, 'Back to top'),
      getRangeAt: () => ({ startContainer: htmlDocument('<p>x</p>').body }),
    } as unknown as Selection;
    expect(sentenceOfSelection(outside, doc, elements)).toMatch(/not in the decision’s statement/);
    expect(sentenceOfSelection(selecting(block, 'words that are not in this paragraph at all'), doc, elements)).toMatch(
      /could not be matched/,
    );
  });
});
