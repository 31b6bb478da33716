/**
 * Every sentence of the statement with where it sits: the unit all extractors read,
 * so each item they produce can carry its paragraph, block and sentence as evidence.
 */
import type { DecisionDoc, SectionRole } from '../model';
import { splitSentences } from './sentences';
import type { Evidence } from '../../schema';
import { foldKey } from '../front-ends/text-normalise';
import { sentenceWords } from './sentence-words';
import { checkpoint, runSteps, type Steps } from '../steps';

export interface SentenceRef {
  sentence: string;
  /** Reader-visible paragraph number (items carry their paragraph's). */
  paragraph: number | null;
  block: number;
  /** Position of the sentence within its block. */
  position: number;
  role: SectionRole;
  /** The sub-heading, or failing that the section heading, the block sits under. */
  heading: string | null;
  /** The block's list depth (0 for a paragraph). */
  depth: number;
  /** `keyOf`'s cache: the sentence's matchKey, once computed. */
  key?: string;
  /**
   * Which of `SENTENCE_WORDS`' groups have a word in the sentence (read as its matchKey has it):
   * extractors skip sentences without theirs.
   */
  words: number;
}

export function indexSentences(doc: DecisionDoc): SentenceRef[] {
  return runSteps(indexSentenceSteps(doc));
}

/** `indexSentences` in steps (see steps.ts): a checkpoint every few blocks. */
export function* indexSentenceSteps(doc: DecisionDoc): Steps<SentenceRef[]> {
  const out: SentenceRef[] = [];
  const { blocks, sections } = doc;
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    if (checkpoint(blockIndex)) yield;
    const block = blocks[blockIndex]!;
    const section = block.section >= 0 ? sections[block.section] : undefined;
    const role = section?.role ?? 'preamble';
    const heading = section?.heading ?? null;
    const sentences = splitSentences(block.text);
    for (let position = 0; position < sentences.length; position++) {
      const sentence = sentences[position]!;
      out.push({
        sentence,
        paragraph: block.paragraph,
        block: blockIndex,
        position,
        role,
        heading,
        depth: block.depth,
        words: sentenceWords.scan(sentence),
        // Set by keyOf; present from the start so every ref keeps one shape.
        key: undefined,
      });
    }
  }
  return out;
}

/**
 * The sentence's matchKey, made when an extractor first asks and kept: several read it. A sentence
 * is a trimmed piece of a block's clean text, so clean itself: it is folded, not cleaned again.
 */
export function keyOf(ref: SentenceRef): string {
  return (ref.key ??= foldKey(ref.sentence));
}

export function evidenceOf(ref: SentenceRef): Evidence {
  return { paragraph: ref.paragraph, block: ref.block, sentence: ref.sentence };
}
