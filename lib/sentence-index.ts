/**
 * Every sentence of the statement with where it sits: the unit all extractors read,
 * so each item they produce can carry its paragraph, block and sentence as evidence.
 */
import type { DecisionDoc, SectionRole } from './model';
import { splitSentences } from './sentences';
import type { Evidence } from './schema';
import { foldKey, matchKey } from './text-normalise';

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
  const { blocks, sections } = doc;
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const section = block.section >= 0 ? sections[block.section] : undefined;
    const role = section?.role ?? 'preamble';
    const heading = section?.heading ?? null;
    const sentences = splitSentences(block.text);
    const key = blockKey(block.text, sentences);
    let at = 0;
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
        // Otherwise set by keyOf; present from the start so every ref keeps one shape.
        key: key?.slice(at, at + sentence.length),
      });
      at += sentence.length + 1;
    }
  }
  return out;
}

/**
 * The block's matchKey when its sentences' keys are pieces of it: one key per block costs far
 * less than one per sentence. A block's text is clean (see `Block`), so each sentence, a trimmed
 * piece of it, is too; the key is usable when lower case keeps every character in place ("İ"
 * becomes two), and each sentence starts one character after the one before, the first at 0: the
 * sentences are pieces of the text, in order and at least one apart, so their lengths add up to
 * the text's less the gaps only then.
 */
function blockKey(text: string, sentences: string[]): string | undefined {
  let length = -1;
  for (const sentence of sentences) length += sentence.length + 1;
  if (length !== text.length) return undefined;
  const key = foldKey(text);
  return key.length === text.length ? key : undefined;
}

/** The sentence's matchKey, computed once per sentence: several extractors read it. */
export function keyOf(ref: SentenceRef): string {
  return (ref.key ??= matchKey(ref.sentence));
}

export function evidenceOf(ref: SentenceRef): Evidence {
  return { paragraph: ref.paragraph, block: ref.block, sentence: ref.sentence };
}
