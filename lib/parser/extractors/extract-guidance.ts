/**
 * Named guidance a decision relies on ("Working Together to Safeguard Children", the SEND Code
 * of Practice), one item per document with the sentences that name it.
 *
 * Two sources: a table of documents decisions cite often, matched wherever they are named
 * (quoted or not, any case) and shown under one title however they are written; and a quoted
 * title that guidance words introduce ("statutory guidance ‘X’", "guidance called “X”").
 * Generic mentions ("relevant law and guidance", "the statutory guidance") name no document
 * and are not reported. A council's own policies and guidance are its local rules, not
 * guidance in this sense, and are skipped.
 *
 * All matching is indexOf plus fixed, bounded scans: linear in the sentence length.
 */
import type { Evidence, Guidance } from '../../schema';
import { checkpoint, runSteps, type Steps } from '../steps';
import type { SentenceRef } from '../sentences/sentence-index';
import { evidenceOf } from '../sentences/sentence-index';
import { KNOWN_GUIDANCE } from '../vocabulary/known-guidance';
import { SENTENCE_WORDS } from '../sentences/sentence-words';

/**
 * Lower case with straight quotes and hyphens, one code unit for one: positions in the folded
 * text are positions in the sentence, so a quote found in one is a quote in the other.
 */
function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\u2018' || c === '\u2019' || c === '\u02BC') out += "'";
    else if (c === '\u201C' || c === '\u201D') out += '"';
    else if (c === '\u2013' || c === '\u2014') out += '-';
    else if (c === '\u00A0') out += ' ';
    else {
      const l = c.toLowerCase();
      out += l.length === 1 ? l : c;
    }
  }
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** First whole-word occurrence of `needle` in `hay`, or -1. */
function findWord(hay: string, needle: string): number {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!isWordChar(hay[at - 1]) && !isWordChar(hay[at + needle.length])) return at;
  }
  return -1;
}

const QUOTE_PAIRS: Record<string, string> = { '\u2018': '\u2019', '\u201C': '\u201D', '"': '"' };
const MAX_TITLE = 150;

/** Opening quote marks. */
const OPENERS = /[\u2018\u201C"]/g;
const LETTER = /\p{L}/u;

/** Quoted spans: [open, close] indices of the quote marks. */
function quotedSpans(s: string): [number, number][] {
  // exec from lastIndex, not matchAll: that copies the pattern for every sentence.
  OPENERS.lastIndex = 0;
  let m = OPENERS.exec(s);
  if (!m) return []; // most sentences: nothing more to set up
  // One forward scan. For each kind of closing mark, the next usable one found so far is kept and
  // reused while it is still ahead (the scan only moves right), so all the indexOf calls together
  // read the text once per kind: each opening mark costs O(1) however many unclosed quotes a page
  // throws at us.
  // -2: not looked for yet; -1: none left.
  const ahead: Record<string, number> = { '\u2019': -2, '\u201D': -2, '"': -2 };
  const closeAfter = (close: string, from: number): number => {
    let at = ahead[close]!;
    if (at !== -1 && at < from) {
      at = s.indexOf(close, from);
      // ’ followed by a letter is an apostrophe ("Children’s"), not the closing quote.
      while (at >= 0 && close === '\u2019' && LETTER.test(s[at + 1] ?? '')) at = s.indexOf(close, at + 1);
      ahead[close] = at;
    }
    return at;
  };
  const out: [number, number][] = [];
  let resume = 0; // after the last span: marks inside it are not openers
  for (; m; m = OPENERS.exec(s)) {
    const i = m.index;
    if (i < resume) continue;
    // A straight double quote opens only at the start of a word.
    if (s[i] === '"' && isWordChar(s[i - 1])) continue;
    const found = closeAfter(QUOTE_PAIRS[s[i]!]!, i + 1);
    if (found < 0 || found - i > MAX_TITLE + 1) continue;
    out.push([i, found]);
    resume = found + 1;
  }
  return out;
}

// What may come just before a quoted title for it to be a guidance document's title.
const INTRO =
  /\b(guidance|code of practice|code|publication|document|circular|leaflet|booklet)(?:,)?(?: (?:called|entitled|titled|named|known as))?[ ,]*$/;
// "...the ‘X’ guidance": what may follow instead.
const OUTRO = /^ (?:statutory )?(?:guidance|code of practice)\b/;
// The council's own rules: "the Council's guidance ‘X’", "its guidance document ‘X’".
const OWN = /(?:\b(?:council|authority|school|provider|trust|home)'s|\b(?:its|their))(?: own)?(?: [a-z-]+)? $/;
const POLICY = /\bpolicy\b/;

const CAPITAL_FIRST = /^[A-Z]/;
const STOP = /[.!?;]/;
const SPACES = /\s+/;

function looksLikeTitle(t: string): boolean {
  if (!CAPITAL_FIRST.test(t)) return false;
  if (STOP.test(t)) return false;
  const words = t.split(SPACES).length;
  return words >= 2 && words <= 14;
}

interface Acc {
  title: string;
  order: number;
  evidence: Evidence[];
  sentences: Set<number>;
}

export function extractGuidance(sentences: SentenceRef[]): Guidance[] {
  return runSteps(guidanceSteps(sentences));
}

/** `extractGuidance` in steps (see steps.ts). */
export function* guidanceSteps(sentences: SentenceRef[]): Steps<Guidance[]> {
  const found = new Map<string, Acc>();
  let order = 0;

  const add = (title: string, ref: SentenceRef, idx: number): void => {
    const key = fold(title);
    let acc = found.get(key);
    if (!acc) {
      acc = { title, order: order++, evidence: [], sentences: new Set() };
      found.set(key, acc);
    }
    if (!acc.sentences.has(idx)) {
      acc.sentences.add(idx);
      acc.evidence.push(evidenceOf(ref));
    }
  };

  // A plain loop, not forEach: the body runs for every sentence, and most leave at the first test.
  for (let idx = 0; idx < sentences.length; idx++) {
    if (checkpoint(idx)) yield;
    const ref = sentences[idx]!;
    const s = ref.sentence;
    // Most sentences name no known document and quote nothing, as their index entry says (see
    // sentence-words). The words are found where the sentence's matchKey has them, and so where
    // its fold does: the same lower case, quotes, dashes and spaces.
    const named = (ref.words & SENTENCE_WORDS.guidance) !== 0;
    const spans = (ref.words & SENTENCE_WORDS.quote) !== 0 ? quotedSpans(s) : null;
    if (!named && spans === null) continue;
    // Folded when first needed: most quotes are not titles, and need no fold.
    let f: string | undefined;
    const hits: { pos: number; title: string; end: number }[] = [];
    if (named) {
      for (const g of KNOWN_GUIDANCE) {
        for (const alias of g.aliases) {
          const at = g.exactCase ? findWord(s, alias) : findWord((f ??= fold(s)), alias);
          if (at >= 0) {
            hits.push({ pos: at, title: g.title, end: at + alias.length });
            break;
          }
        }
      }
    }

    if (spans !== null) {
      for (const [open, close] of spans) {
        const inner = s.slice(open + 1, close).trim();
        // A known document inside the quotes is already counted under its own title.
        if (hits.some((h) => h.pos >= open && h.pos < close)) continue;
        if (!looksLikeTitle(inner)) continue;
        const before = (f ??= fold(s)).slice(Math.max(0, open - 80), open);
        const intro = INTRO.exec(before);
        const outro = OUTRO.test(f.slice(close + 1, close + 40));
        if (!intro && !outro) continue;
        const lead = intro ? before.slice(0, intro.index) : before;
        if (OWN.test(lead) || POLICY.test(fold(inner))) continue;
        hits.push({ pos: open, title: inner, end: close });
      }
    }

    hits.sort((x, y) => x.pos - y.pos);
    for (const h of hits) add(h.title, ref, idx);
  }

  return [...found.values()]
    .sort((x, y) => x.order - y.order)
    .map((acc) => ({
      title: acc.title,
      paragraphs: [...new Set(acc.evidence.map((e) => e.paragraph).filter((p): p is number => p !== null))].sort((x, y) => x - y),
      evidence: acc.evidence,
    }));
}
