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
import { wordScanner } from './word-scan';

export const SENTENCE_WORDS = {
  /** A known guidance document's name (extract-guidance). */
  guidance: 1,
  /** A statement of fault's word (extract-faults' FAULT_PATTERNS). */
  fault: 2,
  /** A word of an injustice verdict (extract-faults: remedied, injustice, the weak words). */
  verdict: 4,
  /** A regulator's name (extract-regulators). */
  regulator: 8,
  /** A section or schedule reference (extract-statutes' ANCHOR): "section", "s.", "sch", "s" and a digit. */
  statuteAnchor: 16,
  /** An opening quote mark (extract-guidance's quoted titles): ‘ “ ". Not folded like the rest. */
  quote: 32,
} as const;

export const SENTENCE_WORD_GROUPS: Readonly<Record<number, readonly string[]>> = {
  [SENTENCE_WORDS.guidance]: KNOWN_GUIDANCE.flatMap((g) => g.aliases.map((a) => a.toLowerCase())),
  // A piece of each pattern is enough: a word here only has to be in every match.
  [SENTENCE_WORDS.fault]: words('fault|poor admin|maladmin|failure by'),
  // Remedied ("...remedy", "has remedied / resolved / put right", "already ...", "no further ..."),
  // injustice, and the weak words (distress, worry, time and trouble...).
  [SENTENCE_WORDS.verdict]: words(
    'remed|resolved|put right|already|no further|injustice|distress|anxi|upset|worr|frustrat|uncertain|trouble|opportunit|avoidable|outrage',
  ),
  [SENTENCE_WORDS.regulator]: words('ofsted|for standards|cqc|care quality'),
  [SENTENCE_WORDS.statuteAnchor]: words('section|s.|sch|s0|s1|s2|s3|s4|s5|s6|s7|s8|s9'),
  [SENTENCE_WORDS.quote]: words('\u2018|\u201C|"'),
};

function words(list: string): string[] {
  return list.split('|');
}

/**
 * What the matchKey makes of a sentence's characters, where the result is in a word above, besides
 * lower case for A-Z (the scanner's own): U+212A KELVIN SIGN lowers to "k", U+0130 to "i" and a
 * combining dot, and dashes become "-". The key's quotes are folded too, but no word above holds
 * a quote other than the raw opening marks.
 */
const KEY_FOLDS: Readonly<Record<string, string>> = { '\u212A': 'k', '\u0130': 'i', '\u2013': '-', '\u2014': '-' };

export const sentenceWords = wordScanner(SENTENCE_WORD_GROUPS, KEY_FOLDS);
