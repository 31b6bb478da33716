/** The fast paths of text clean-up give what the slow ones would. */
import { describe, expect, it } from 'vitest';
import { cleanText, foldKey, isClean, matchKey } from '../../lib/parser/front-ends/text-normalise';
import { indexSentences, keyOf } from '../../lib/parser/sentences/sentence-index';
import type { DecisionDoc } from '../../lib/parser/model';

/** cleanText without its fast path: the definition isClean must agree with. */
function slowClean(text: string): string {
  return text
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function docOf(...texts: string[]): DecisionDoc {
  return {
    title: 'X (20 000 000)',
    authority: 'X',
    reference: '20 000 000',
    header: { category: null, decision: null, decisionDate: null, satisfied: null },
    summary: null,
    layout: 'decision',
    sections: [],
    blocks: texts.map((text, i) => ({ kind: 'paragraph', text, paragraph: i + 1, depth: 0, marker: null, section: -1 })),
  };
}

describe('isClean', () => {
  it('is true exactly when cleanText would give the text back unchanged, for every UTF-16 code unit', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}b`, ` ${c}`, `a ${c}b`]) {
        if (isClean(text) !== (slowClean(text) === text) || cleanText(text) !== slowClean(text)) wrong.push(JSON.stringify(text));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rules out double spaces and spaces at either end', () => {
    expect(isClean('a b')).toBe(true);
    expect(isClean('a  b')).toBe(false);
    expect(isClean(' a')).toBe(false);
    expect(isClean('a ')).toBe(false);
    expect(isClean('')).toBe(true);
  });
});

describe('sentence keys', () => {
  it('are each sentence’s matchKey, made when an extractor first asks and then kept', () => {
    // Blocks are clean text, as both front ends make them (the property tests check that they do).
    const texts = [
      'The Council’s “review” was late – it apologised. Mr X complained. This is fault.',
      'İstanbul trip. ΣΟΦΙΑ ΣΑΣ. Next one.', // lower case lengthens İ; Σ depends on context
      'Two  spaces here. And\u00A0a no-break space. And a soft\u00ADhyphen.',
      '(Local Government Act 1974, section 34(3), as amended) In this case, the Council acted.',
      'A sentence with 𐐀 an astral letter. And ‘quotes’ too.',
    ];
    const refs = indexSentences(docOf(...texts.map(cleanText)));
    expect(refs.length).toBeGreaterThan(texts.length);
    for (const ref of refs) {
      expect(ref.key).toBeUndefined();
      const key = keyOf(ref);
      expect(key).toBe(matchKey(ref.sentence));
      expect(ref.key).toBe(key);
    }
  });

  it('foldKey is matchKey for clean text', () => {
    expect(foldKey('The Council’s “review” – late')).toBe(matchKey('The Council’s “review” – late'));
  });
});
