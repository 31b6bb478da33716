/** Sentence refs for the extractors' tests, indexed as `indexSentences` would index them. */
import type { SentenceRef } from '../../lib/parser/sentences/sentence-index';
import { sentenceWords } from '../../lib/parser/sentences/sentence-words';
import { splitSentences } from '../../lib/parser/sentences/sentences';

/** One sentence of a findings section, with the words its index entry would record. */
export function ref(sentence: string, paragraph: number | null = 1, block = 0, position = 0): SentenceRef {
  return { sentence, paragraph, block, position, role: 'findings', heading: null, depth: 0, words: sentenceWords.scan(sentence) };
}

/** One block per paragraph text, numbered from `first`, split into sentences. */
export function paras(texts: string[], first = 1): SentenceRef[] {
  return texts.flatMap((text, i) => splitSentences(text).map((s, position) => ref(s, first + i, i, position)));
}
