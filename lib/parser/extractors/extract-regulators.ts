/**
 * Regulators the decision is shared with (the rows of vocabulary/regulators), read from a
 * sentence that says the decision is shared.
 */
import type { Regulator } from '../../schema';
import { keyOf, type SentenceRef } from '../sentences/sentence-index';
import { SENTENCE_WORDS } from '../sentences/sentence-words';
import { REGULATORS } from '../vocabulary/regulators';
import { checkpoint, runSteps, type Steps } from '../steps';

export function extractRegulators(sentences: SentenceRef[]): Regulator[] {
  return runSteps(regulatorSteps(sentences));
}

/** `extractRegulators` in steps (see steps.ts). */
export function* regulatorSteps(sentences: SentenceRef[]): Steps<Regulator[]> {
  const out: Regulator[] = [];
  let read = 0;
  for (const ref of sentences) {
    if (checkpoint(read++)) yield;
    // No regulator named (found when the sentence was indexed): nothing to read.
    if ((ref.words & SENTENCE_WORDS.regulator) === 0) continue;
    const key = keyOf(ref);
    if (!/\bshar(?:e|es|ed|ing)\b/.test(key) || !/\b(?:decision|decisions|statement|report)\b/.test(key)) continue;
    for (const { name, pattern } of REGULATORS) {
      if (pattern.test(key) && !out.some((r) => r.name === name)) {
        out.push({ name, paragraph: ref.paragraph, block: ref.block, text: ref.sentence });
      }
    }
  }
  return out;
}
