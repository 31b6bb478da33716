/**
 * The sentence words are only a gate: an extractor that skips the sentences without its word must
 * find exactly what it finds reading every sentence. Checked on the seeds' sentences and on random
 * sentences built from the phrases the extractors look for, in odd cases, quotes and dashes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFaults } from '../../lib/parser/extractors/extract-faults';
import { extractGuidance } from '../../lib/parser/extractors/extract-guidance';
import { extractRegulators } from '../../lib/parser/extractors/extract-regulators';
import { extractStatutes } from '../../lib/parser/extractors/extract-statutes';
import { readText } from '../../lib/parser/front-ends/read-text';
import { indexSentences, type SentenceRef } from '../../lib/parser/sentences/sentence-index';
import { SENTENCE_WORD_GROUPS, SENTENCE_WORDS, sentenceWords } from '../../lib/parser/sentences/sentence-words';
import { cleanText, matchKey } from '../../lib/parser/front-ends/text-normalise';
import { SEED_REFS, seedText } from '../helpers/seeds';
import { ref } from '../helpers/sentence-refs';
import { FAULT_FINDINGS, NOT_A_FINDING } from '../../lib/parser/vocabulary/fault-findings';
import { INJUSTICE_ROWS } from '../../lib/parser/vocabulary/injustice';
import { REGULATORS } from '../../lib/parser/vocabulary/regulators';
import { KNOWN_GUIDANCE } from '../../lib/parser/vocabulary/known-guidance';
import { ACT_ROWS } from '../../lib/parser/vocabulary/acts';

/** Everything the gated extractors find: with the sentences' words, or with every bit set. */
function extracted(refs: SentenceRef[], gated: boolean): unknown {
  const copy = refs.map((r) => ({ ...r, key: undefined, words: gated ? r.words : -1 }));
  return {
    faults: extractFaults(copy),
    statutes: extractStatutes(copy),
    guidance: extractGuidance(copy),
    regulators: extractRegulators(copy),
  };
}

const PHRASES = [
  'The Council was at fault',
  'I find fault',
  'this was fault',
  'poor administrative practice',
  'was maladministration',
  'service failure by the Trust',
  'This caused Mr X injustice',
  'no injustice',
  'without causing any injustice',
  'distress and uncertainty',
  'time and trouble',
  'lost the opportunity',
  'has now remedied',
  'already apologised',
  'an appropriate remedy',
  'no further action is needed',
  'avoidable frustration',
  'if there was fault',
  'she said it was at fault',
  'Ofsted',
  'the CQC',
  'Care Quality Commission',
  'Office for Standards in Education',
  'we will share this decision',
  'section 17',
  'sections 20 and 21(1)',
  's.17',
  'ss.2',
  'S17(1)',
  'Schedule 2',
  'Sch. 2, paragraph 3',
  'the Care Act 2014',
  'Children Act 1989',
  'the Act',
  'Localism Act 2011, section 1',
  'Working Together to Safeguard Children',
  'statutory guidance \u2018Keeping Children Safe in Education\u2019',
  'guidance called \u201CThe Right Care\u201D',
  'the \u201CGuidance on Remedies\u201D',
  'Home\u2013to\u2013School Travel and Transport Guidance',
  'SEND Code of Practice',
  'the Council\u2019s guidance \u2018Our Own Way Here\u2019',
  'Mr X\u2019s \u201Cnotes\u201D',
  '"Care and support statutory guidance"',
];
/** ...and the example of every vocabulary row the gated extractors read. */
const ROW_EXAMPLES = [
  ...FAULT_FINDINGS.map((row) => row.example),
  ...NOT_A_FINDING.map((row) => row.example),
  ...INJUSTICE_ROWS.map((row) => row.example),
  ...REGULATORS.flatMap((row) => row.examples),
  ...KNOWN_GUIDANCE.map((row) => row.example),
  ...ACT_ROWS.map((row) => row.example),
];
/** Characters the key folds or drops, and ones that look like what the words hold. */
const ODD = [
  '\u0130',
  '\u212A',
  '\u2014',
  '\u2013',
  '\u2019',
  '\u2018',
  '\u201C',
  '\u201D',
  '"',
  "'",
  '.',
  '(',
  ')',
  ',',
  ';',
  ' ',
  '\u00A0',
  '\u200B',
];

const oddCase = (s: string, how: number): string =>
  how === 0 ? s : how === 1 ? s.toUpperCase() : how === 2 ? s.toLowerCase() : s.replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * Sentences as the indexer meets them: cut from block text, which both front ends clean (the
 * parser's property tests check every block is clean text), so the odd spaces and invisible
 * characters are already folded or gone. Uncleaned, "2014 \u200B statutory" would hold a guidance
 * title in its key but not in its text, a sentence no page can give.
 */
const sentence = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...PHRASES, ...ROW_EXAMPLES), fc.integer({ min: 0, max: 3 })).map(([p, how]) => oddCase(p, how)),
      fc.constantFrom(...ODD),
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => cleanText(parts.join(' ')))
  .filter((s) => s.length > 0);

describe('sentence words', () => {
  it.each(SEED_REFS)('change nothing the extractors find in %s', (ref) => {
    const doc = readText(seedText(ref))!;
    const refs = indexSentences(doc);
    const gated = extracted(refs, true);
    expect(gated).toEqual(extracted(refs, false));
    // And the seed has something for the gates to let through.
    expect((gated as { faults: unknown[] }).faults.length + (gated as { statutes: unknown[] }).statutes.length).toBeGreaterThan(0);
  });

  it('change nothing the extractors find in random sentences', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const refs = sentences.map((s, i) => ref(s, i + 1, i));
        expect(extracted(refs, true)).toEqual(extracted(refs, false));
      }),
      { numRuns: 1500 },
    );
  });

  it("find every word of the key's groups in the sentence as it is", () => {
    const keyed = Object.entries(SENTENCE_WORD_GROUPS).filter(([bit]) => Number(bit) !== SENTENCE_WORDS.quote);
    fc.assert(
      fc.property(sentence, (s) => {
        const key = matchKey(s);
        const words = sentenceWords.scan(s);
        for (const [bit, list] of keyed) if (list.some((w) => key.includes(w))) expect(words & Number(bit)).not.toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('leave most sentences of a decision out of each gate', () => {
    const refs = indexSentences(readText(seedText('18-009-360'))!);
    for (const bit of Object.values(SENTENCE_WORDS)) {
      expect(refs.filter((r) => r.words & bit).length).toBeLessThan(refs.length / 3);
    }
  });
});
