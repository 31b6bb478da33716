/**
 * Text clean-up shared by both front ends. Decision pages mix curly and straight
 * apostrophes, non-breaking spaces and (in copies) zero-width characters; matching
 * is done on normalised text, but what is shown to a reader keeps the page's quotes.
 */
import { CHARACTERS_TO_CLEAN, characterClass, INVISIBLE_CHARACTERS } from '../vocabulary/characters-to-clean';

/**
 * What `cleanText` changes inside a text: two plain spaces, and every character of
 * vocabulary/characters-to-clean (the other spaces, the invisible characters). Two spaces first:
 * that order scans faster.
 */
const NOT_CLEAN = new RegExp(` {2}|[${characterClass(CHARACTERS_TO_CLEAN)}]`);
/** The invisible characters, which `cleanText` drops. */
const INVISIBLE = new RegExp(`[${characterClass(INVISIBLE_CHARACTERS)}]`, 'g');
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { NOT_CLEAN, INVISIBLE };

/** Whether `cleanText` gives the text back as it is: one scan, where cleaning takes two. */
export function isClean(text: string): boolean {
  return !NOT_CLEAN.test(text) && !text.startsWith(' ') && !text.endsWith(' ');
}

/** Collapse whitespace (including NBSP) and drop invisible format characters. */
export function cleanText(text: string): string {
  // Most text is clean already (every sentence, most paragraphs as the page has them), or clean
  // but for spaces at either end (text read from markup ends with the source's line breaks and
  // indentation). Then the trimmed text is the answer: trim removes exactly what \s matches, and
  // a clean middle has no space next to its ends to merge with. One scan instead of three.
  const trimmed = text.trim();
  if (isClean(trimmed)) return trimmed;
  return (
    text
      .replace(INVISIBLE, '')
      // Every run of spaces (\s covers NBSP and the other Unicode spaces) becomes one plain
      // space. A lone plain space is left alone rather than replaced by itself: matching each
      // one was the costliest part of the parse. Runs start at a space followed by more, or at
      // any other space.
      .replace(/ \s+|[^\S ]\s*/g, ' ')
      .trim()
  );
}

/** The punctuation `foldKey` folds: quotes and primes to ' and ", dashes to -. */
const FOLDED = /[\u2018\u2019\u02BC\u2032\u201C\u201D\u2033\u2013\u2014]/g;

function plain(c: number): string {
  return c === 0x2013 || c === 0x2014 ? '-' : c === 0x201c || c === 0x201d || c === 0x2033 ? '"' : "'";
}

/**
 * `matchKey` of text already through `cleanText`. One scan for all the folded characters, pieces
 * joined by hand: three `replace` passes, or one with a replacer function, cost up to 60 % more
 * over a whole decision. None of them has a lower case, so lower-casing first changes nothing.
 */
export function foldKey(clean: string): string {
  const lower = clean.toLowerCase();
  let out = '';
  let last = 0;
  FOLDED.lastIndex = 0;
  for (let m = FOLDED.exec(lower); m; m = FOLDED.exec(lower)) {
    out += lower.slice(last, m.index) + plain(lower.charCodeAt(m.index));
    last = m.index + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

/** For matching only: straight apostrophes and quotes, lower case. */
export function matchKey(text: string): string {
  return foldKey(cleanText(text));
}
