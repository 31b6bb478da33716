/**
 * Regulators the decision is shared with: Ofsted under an information sharing
 * agreement, the CQC under a memorandum of agreement (three wordings seen).
 */
import type { Regulator } from '../../schema';
import { keyOf, type SentenceRef } from '../sentences/sentence-index';
import { SENTENCE_WORDS } from '../sentences/sentence-words';

const REGULATORS: ReadonlyArray<[Regulator['name'], RegExp]> = [
  ['Ofsted', /\bofsted\b|office for standards in education/],
  ['CQC', /\bcqc\b|care quality commission/],
];

export function extractRegulators(sentences: SentenceRef[]): Regulator[] {
  const out: Regulator[] = [];
  for (const ref of sentences) {
    // No regulator named (found when the sentence was indexed): nothing to read.
    if ((ref.words & SENTENCE_WORDS.regulator) === 0) continue;
    const key = keyOf(ref);
    if (!/\bshar(?:e|es|ed|ing)\b/.test(key) || !/\b(?:decision|decisions|statement|report)\b/.test(key)) continue;
    for (const [name, pattern] of REGULATORS) {
      if (pattern.test(key) && !out.some((r) => r.name === name)) {
        out.push({ name, paragraph: ref.paragraph, block: ref.block, text: ref.sentence });
      }
    }
  }
  return out;
}
