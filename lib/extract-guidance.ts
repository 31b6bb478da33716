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
import type { Evidence, Guidance } from './schema';
import type { SentenceRef } from './sentence-index';
import { evidenceOf, keyOf } from './sentence-index';

interface KnownGuidance {
  title: string;
  /** Lower case, straight quotes; matched as whole words. */
  aliases: readonly string[];
  /** For titles whose words are also ordinary prose: match only as capitalised. */
  exactCase?: boolean;
}

export const KNOWN_GUIDANCE: readonly KnownGuidance[] = [
  { title: 'Working Together to Safeguard Children', aliases: ['working together to safeguard children'] },
  // The full title runs on ("...: Social Care Complaints and Representations for Children,
  // Young People and Others"); both are the same document.
  { title: 'Getting the Best from Complaints', aliases: ['getting the best from complaints'] },
  {
    title: 'Care and Support Statutory Guidance',
    aliases: [
      'care and support statutory guidance',
      'care act statutory guidance',
      'care act 2014 statutory guidance',
      'statutory guidance to the care act',
      'statutory guidance for the care act',
      'statutory guidance on the care act',
    ],
  },
  {
    title: 'SEND Code of Practice',
    aliases: [
      'send code of practice',
      'special educational needs and disability code of practice',
      'special educational needs and disability (send) code of practice',
      'sen and disability code of practice',
    ],
  },
  { title: 'Guidance on Remedies', aliases: ['guidance on remedies'] },
  {
    title: 'Homelessness Code of Guidance for Local Authorities',
    aliases: ['homelessness code of guidance', 'statutory guidance on homelessness'],
  },
  { title: 'Guidance on Good Practice', aliases: ['Guidance on Good Practice'], exactCase: true },
  { title: 'Principles of Good Administrative Practice', aliases: ['principles of good administrative practice'] },
  { title: 'Effective Complaint Handling for Local Authorities', aliases: ['effective complaint handling for local authorities'] },
  { title: 'School Admissions Code', aliases: ['school admissions code'] },
  { title: 'School Admission Appeals Code', aliases: ['school admission appeals code'] },
  {
    title: 'Home to School Travel and Transport Guidance',
    aliases: ['home to school travel and transport guidance', 'home-to-school travel and transport guidance'],
  },
  {
    title: 'Mental Capacity Act Code of Practice',
    aliases: ['mental capacity act code of practice', 'mental capacity act 2005 code of practice'],
  },
  {
    title: 'Mental Health Act Code of Practice',
    aliases: ['mental health act code of practice', 'mental health act 1983 code of practice'],
  },
];

/**
 * Any alias anywhere in a lower-cased sentence (an exact-case alias in a sentence is also in its
 * lower case): a necessary condition for any known-document hit. Literals only: linear.
 */
const ANY_ALIAS = new RegExp(
  KNOWN_GUIDANCE.flatMap((g) => g.aliases.map((a) => a.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('|'),
);

/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { ANY_ALIAS };

/**
 * Lower case with straight quotes and hyphens, one code unit for one: positions in the folded
 * text are positions in the sentence, so a quote found in one is a quote in the other.
 */
function fold(s: string): string {
  // Whole-string toLowerCase keeps one code unit for one, as the per-character loop below does,
  // except for İ (two units), a final Σ (context) and astral letters (a pair lowercased
  // together): only text with one of those takes the slow loop.
  if (!/[\u0130\u03A3\uD800-\uDFFF]/.test(s)) {
    return s
      .toLowerCase()
      .replace(/[\u2018\u2019\u02BC]/g, "'")
      .replace(/[\u201C\u201D]/g, '"')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\u00A0/g, ' ');
  }
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

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/**
 * Whether the code unit at i (none outside the string) is a letter or digit, and with
 * `letterAt` a letter. ASCII, almost every character here, is settled by its code; the rest
 * goes to the pattern, one code unit as before (a lone surrogate is neither).
 */
function wordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN outside the string: neither test below holds
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return c >= 128 && WORD_CHAR.test(s[i]!);
}

function letterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return c >= 128 && LETTER.test(s[i]!);
}

/** First whole-word occurrence of `needle` in `hay`, or -1. */
function findWord(hay: string, needle: string): number {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!wordAt(hay, at - 1) && !wordAt(hay, at + needle.length)) return at;
  }
  return -1;
}

const MAX_TITLE = 150;

/** Opening quote marks. */
const OPENERS = /[\u2018\u201C"]/g;

/** Quoted spans: [open, close] indices of the quote marks; null for none (most sentences). */
function quotedSpans(s: string): [number, number][] | null {
  // exec from lastIndex, not matchAll: that copies the pattern for every sentence.
  OPENERS.lastIndex = 0;
  let m = OPENERS.exec(s);
  if (!m) return null; // nothing more to set up
  // One forward scan. For each kind of closing mark, the next usable one found so far is kept and
  // reused while it is still ahead (the scan only moves right), so all the indexOf calls together
  // read the text once per kind: each opening mark costs O(1) however many unclosed quotes a page
  // throws at us. One variable per kind, read by char code: no object keyed by mark to build
  // and look up per sentence.
  // -2: not looked for yet; -1: none left.
  let single = -2; // ’
  let double = -2; // ”
  let straight = -2; // "
  let out: [number, number][] | null = null;
  let resume = 0; // after the last span: marks inside it are not openers
  for (; m; m = OPENERS.exec(s)) {
    const i = m.index;
    if (i < resume) continue;
    const open = s.charCodeAt(i);
    let found: number;
    if (open === 0x2018) {
      if (single !== -1 && single < i + 1) {
        single = s.indexOf('\u2019', i + 1);
        // ’ followed by a letter is an apostrophe ("Children’s"), not the closing quote.
        while (single >= 0 && letterAt(s, single + 1)) single = s.indexOf('\u2019', single + 1);
      }
      found = single;
    } else if (open === 0x201c) {
      if (double !== -1 && double < i + 1) double = s.indexOf('\u201D', i + 1);
      found = double;
    } else {
      // A straight double quote opens only at the start of a word.
      if (wordAt(s, i - 1)) continue;
      if (straight !== -1 && straight < i + 1) straight = s.indexOf('"', i + 1);
      found = straight;
    }
    if (found < 0 || found - i > MAX_TITLE + 1) continue;
    (out ??= []).push([i, found]);
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
    const ref = sentences[idx]!;
    const s = ref.sentence;
    // Most sentences name no known document and quote nothing: one scan for any alias in the
    // sentence's matchKey (computed once for several extractors) rules them out before folding.
    // The key holds every alias the fold holds: the same lower case, quotes, dashes and spaces,
    // and the invisible characters it also drops cannot sit inside an alias.
    const named = ANY_ALIAS.test(keyOf(ref));
    const spans = quotedSpans(s);
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
      paragraphs: [...new Set(acc.evidence.map((e) => e.paragraph).filter((p): p is number => p !== null))].sort(
        (x, y) => x - y,
      ),
      evidence: acc.evidence,
    }));
}
