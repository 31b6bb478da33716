/**
 * Sentence splitting tuned to Ombudsman statements.
 *
 * A single left-to-right scan (no backtracking patterns), so time stays linear in
 * the paragraph length. It does not split inside brackets or quotes, after the
 * titles used for pseudonyms ("Mr X", "Ms V"), or after "s." / "para." style
 * abbreviations; it does split after a statute citation in brackets that is
 * followed by a new sentence ("... as amended) In this case, ...").
 */

import { HONORIFICS } from '../vocabulary/honorifics';

const ABBREVIATIONS = new Set([
  // "Mr", "Mrs", "Dr"...: the titles pseudonyms take (vocabulary/honorifics), one word each.
  ...HONORIFICS.filter((row) => !row.title.includes(' ')).map((row) => row.title.toLowerCase()),
  'prof',
  'st',
  'no',
  'nos',
  'para',
  'paras',
  's',
  'ss',
  'sch',
  'reg',
  'regs',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'cf',
  'vs',
  'v',
  'ltd',
  'co',
  'inc',
  'art',
  'sec',
]);

/** Longer than any of ABBREVIATIONS: the word before a full stop is read no further. */
const MAX_ABBREVIATION = 5;
/**
 * What the scan stops at: brackets and sentence ends. The regex engine finds them (test, then
 * lastIndex: no match object); a loop in script visiting every character was the slow part.
 */
const STOP = /[.?!()[\]]/g;

/** Whether the word that ends at `end` is one of ABBREVIATIONS; a longer word is not read in full. */
function isAbbreviation(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && end - start <= MAX_ABBREVIATION && isWordChar(text.charCodeAt(start - 1))) start--;
  return end - start <= MAX_ABBREVIATION && ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}

/** [A-Za-z.], by character code: a regex test per character was slow. */
function isWordChar(c: number): boolean {
  return c === 0x2e || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Whether a sentence can start with the character: [A-Z0-9\u2018\u201C"'(£], by character code (a regex test per candidate was slow). */
function startsNewSentence(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2018 ||
    c === 0x201c ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x28 ||
    c === 0xa3
  );
}

/** A closing quote or bracket absorbed after a full stop: [\u2019\u201D"')\]]. */
function isCloser(c: number): boolean {
  return c === 0x2019 || c === 0x201d || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;
}

export function splitSentences(paragraph: string): string[] {
  const text = paragraph;
  const out: string[] = [];
  let depth = 0; // bracket depth
  let start = 0;
  const n = text.length;
  for (STOP.lastIndex = 0; STOP.test(text);) {
    const i = STOP.lastIndex - 1;
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) {
      depth--;
      // "(Local Government Act 1974, section 34(3), as amended) In this case, ..."
      if (depth === 0 && text[i + 1] === ' ' && /[A-Z]/.test(text[i + 2] ?? '')) {
        const open = text.lastIndexOf('(', i);
        const inner = open >= 0 ? text.slice(open, i) : '';
        if (/Act \d{4}/.test(inner)) {
          push(out, text.slice(start, i + 1).trim());
          start = i + 1;
        }
      }
      continue;
    }
    if (depth > 0) continue;
    if (c !== '.' && c !== '?' && c !== '!') continue;
    // Absorb closing quotes and brackets right after the full stop.
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j < n && text[j] !== ' ') continue;
    let k = j;
    while (k < n && text[k] === ' ') k++;
    if (k >= n) break;
    if (!startsNewSentence(text.charCodeAt(k))) continue;
    // No rule for initials: decisions name people by single letters ("left alone with W. This is fault").
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(out, text.slice(start, j).trim());
    start = k;
    STOP.lastIndex = k;
  }
  push(out, text.slice(start).trim());
  return out;
}

function push(out: string[], sentence: string): void {
  if (sentence.length > 0) out.push(sentence);
}
