/**
 * The words each extractor cannot match without, found in every sentence by one scan when the
 * sentences are indexed (`SentenceRef.words`). An extractor skips a sentence without its bit: most
 * sentences lack every word, and a bit test costs nothing where a pattern re-reads the sentence.
 *
 * The scan reads the sentence as it is, with the characters below counted as what its matchKey
 * has for them, so it finds every word the key has (and may find more: a key word is only a
 * necessary condition). Each group must hold a word of every match its extractor can make:
 * test/lib/sentence-words.test.ts checks that against the extractors' patterns.
 */
import { KNOWN_GUIDANCE } from '../vocabulary/known-guidance';
import { FAULT_FINDINGS } from '../vocabulary/fault-findings';
import { INJUSTICE_ROWS } from '../vocabulary/injustice';
import { REGULATORS } from '../vocabulary/regulators';
import { wordScanner } from './word-scan';

export const SENTENCE_WORDS = {
  /** A known guidance document's name (extract-guidance). */
  guidance: 1,
  /** A statement of fault's word (vocabulary/fault-findings). */
  fault: 2,
  /** A word of an injustice verdict (vocabulary/injustice: remedied, injustice, the harms). */
  verdict: 4,
  /** A regulator's name (vocabulary/regulators). */
  regulator: 8,
  /** A section or schedule reference (extract-statutes' ANCHOR): "section", "s.", "sch", "s" and a digit. */
  statuteAnchor: 16,
  /** An opening quote mark (extract-guidance's quoted titles): ‘ “ ". Not folded like the rest. */
  quote: 32,
} as const;

/**
 * Each group's words. The vocabulary's groups are its rows' own `words`, so a row cannot be added
 * without the words its gate lets through (test/lib/vocabulary.test.ts checks every row's example
 * passes its gate); the statute anchor and the quote marks are no vocabulary.
 */
export const SENTENCE_WORD_GROUPS: Readonly<Record<number, readonly string[]>> = {
  [SENTENCE_WORDS.guidance]: KNOWN_GUIDANCE.flatMap((g) => g.aliases.map((a) => a.toLowerCase())),
  [SENTENCE_WORDS.fault]: wordsOf(FAULT_FINDINGS),
  [SENTENCE_WORDS.verdict]: wordsOf(INJUSTICE_ROWS),
  [SENTENCE_WORDS.regulator]: wordsOf(REGULATORS),
  [SENTENCE_WORDS.statuteAnchor]: ['section', 's.', 'sch', 's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'],
  [SENTENCE_WORDS.quote]: ['\u2018', '\u201C', '"'],
};

/** The rows' words, each once. */
function wordsOf(rows: readonly { words: readonly string[] }[]): string[] {
  return [...new Set(rows.flatMap((row) => row.words))];
}

/**
 * What the matchKey makes of a sentence's characters, where the result is in a word above, besides
 * lower case for A-Z (the scanner's own): U+212A KELVIN SIGN lowers to "k", U+0130 to "i" and a
 * combining dot, and dashes become "-". The key's quotes are folded too, but no word above holds
 * a quote other than the raw opening marks.
 */
const KEY_FOLDS: Readonly<Record<string, string>> = { '\u212A': 'k', '\u0130': 'i', '\u2013': '-', '\u2014': '-' };

export const sentenceWords = wordScanner(SENTENCE_WORD_GROUPS, KEY_FOLDS);
