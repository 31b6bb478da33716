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
import { evidenceOf } from './sentence-index';

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

/** Quoted spans: [open, close] indices of the quote marks. */
function quotedSpans(s: string): [number, number][] {
  // Next usable closing mark of each kind at or after every index, built right to left, so
  // each opening mark costs O(1) however many unclosed quotes a page throws at us.
  const n = s.length;
  const next: Record<string, Int32Array> = {
    '\u2019': new Int32Array(n + 1),
    '\u201D': new Int32Array(n + 1),
    '"': new Int32Array(n + 1),
  };
  for (const k of Object.keys(next)) next[k]![n] = -1;
  for (let i = n - 1; i >= 0; i--) {
    const c = s[i]!;
    for (const k of Object.keys(next)) {
      const arr = next[k]!;
      // ’ followed by a letter is an apostrophe ("Children’s"), not the closing quote.
      const closes = c === k && !(k === '\u2019' && /\p{L}/u.test(s[i + 1] ?? ''));
      arr[i] = closes ? i : arr[i + 1]!;
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  while (i < n) {
    const close = QUOTE_PAIRS[s[i]!];
    // A straight double quote opens only at the start of a word.
    if (close === undefined || (s[i] === '"' && isWordChar(s[i - 1]))) {
      i++;
      continue;
    }
    const found = next[close]![i + 1]!;
    if (found < 0 || found - i > MAX_TITLE + 1) {
      i++;
      continue;
    }
    out.push([i, found]);
    i = found + 1;
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

function looksLikeTitle(t: string): boolean {
  if (!/^[A-Z]/.test(t)) return false;
  if (/[.!?;]/.test(t)) return false;
  const words = t.split(/\s+/).length;
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

  sentences.forEach((ref, idx) => {
    const s = ref.sentence;
    const f = fold(s);
    const hits: { pos: number; title: string; end: number }[] = [];
    for (const g of KNOWN_GUIDANCE) {
      for (const alias of g.aliases) {
        const at = g.exactCase ? findWord(s, alias) : findWord(f, alias);
        if (at >= 0) {
          hits.push({ pos: at, title: g.title, end: at + alias.length });
          break;
        }
      }
    }

    for (const [open, close] of quotedSpans(s)) {
      const inner = s.slice(open + 1, close).trim();
      // A known document inside the quotes is already counted under its own title.
      if (hits.some((h) => h.pos >= open && h.pos < close)) continue;
      if (!looksLikeTitle(inner)) continue;
      const before = f.slice(Math.max(0, open - 80), open);
      const intro = INTRO.exec(before);
      const outro = OUTRO.test(f.slice(close + 1, close + 40));
      if (!intro && !outro) continue;
      const lead = intro ? before.slice(0, intro.index) : before;
      if (OWN.test(lead) || /\bpolicy\b/.test(fold(inner))) continue;
      hits.push({ pos: open, title: inner, end: close });
    }

    hits.sort((x, y) => x.pos - y.pos);
    for (const h of hits) add(h.title, ref, idx);
  });

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
