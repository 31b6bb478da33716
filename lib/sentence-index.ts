/**
 * Every sentence of the statement with where it sits: the unit all extractors read,
 * so each item they produce can carry its paragraph, block and sentence as evidence.
 */
import type { DecisionDoc, SectionRole } from './model';
import { splitSentences } from './sentences';
import type { Evidence } from './schema';
import { matchKey } from './text-normalise';

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
}

export function indexSentences(doc: DecisionDoc): SentenceRef[] {
  const out: SentenceRef[] = [];
  doc.blocks.forEach((block, blockIndex) => {
    const section = block.section >= 0 ? doc.sections[block.section] : undefined;
    const sentences = splitSentences(block.text);
    sentences.forEach((sentence, position) => {
      out.push({
        sentence,
        paragraph: block.paragraph,
        block: blockIndex,
        position,
        role: section?.role ?? 'preamble',
        heading: section?.heading ?? null,
        depth: block.depth,
      });
    });
  });
  return out;
}

/** The sentence's matchKey, computed once per sentence: several extractors read it. */
export function keyOf(ref: SentenceRef): string {
  return (ref.key ??= matchKey(ref.sentence));
}

export function evidenceOf(ref: SentenceRef): Evidence {
  return { paragraph: ref.paragraph, block: ref.block, sentence: ref.sentence };
}
