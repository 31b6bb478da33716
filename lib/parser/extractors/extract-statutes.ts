/**
 * Legislation cited in a decision: the Ombudsman's own powers (jurisdiction boilerplate) and
 * the law of the case, one item per provision with the sentences that cite it.
 *
 * Everything here is a left-to-right scan for anchors ("Act", "section", "s.", "Schedule")
 * followed by small sticky patterns with bounded repetition, so the cost is linear in the
 * text: decision pages are untrusted input and a crafted page must not hang the browser.
 *
 * Rules chosen where the wording leaves a choice:
 * - Which Act a section belongs to, in this order: the Act right after it ("section 47 of the
 *   Children Act 1989"); the Act that opens the same bracket ("(Local Government Act 1974,
 *   section 33ZA, as amended, and Health Service Commissioners Act 1993, section 18ZA)": the
 *   nearest Act before the section inside that bracket); the Act right before it ("Children
 *   Act 1989, section 20"). Otherwise the section is bare, and is given to the most recently
 *   mentioned non-jurisdiction Act in the same or the two preceding paragraphs ("Section 17
 *   refers to services..." after the Children Act was discussed); failing that, to the one Act
 *   whose same section the decision has already cited (a later "section 47 enquiries"). A bare
 *   section that neither rule places is dropped: an Act is never guessed.
 * - "section 3 of the policy" (a section of something that is not an Act) is not a citation.
 * - "Schedule 5/5A, paragraph 1/3": schedules and paragraphs pair up by position (Schedule 5
 *   paragraph 1 and Schedule 5A paragraph 3: the same exclusion in the two schemes; Schedule 5
 *   paragraph 1 is the court-proceedings one the sentence is about), and the paragraph is held
 *   in `subsection` as "paragraph 1". With one schedule, each paragraph is
 *   its own item; when the counts do not pair up, the paragraphs are left out (subsection null)
 *   rather than attached to the wrong schedule.
 * - "34(B)" is s.34B (a bracketed capital right after the number belongs to the number);
 *   a first-level "(i)" is the Ombudsman's repeated typo for "(1)".
 * - Whole-Act items (section null) only for Acts with no section cited anywhere in the
 *   decision: once a section is cited, a bare mention of the Act adds nothing a reader needs,
 *   and attaching it to one of the sections would be a guess.
 */
import { ACTS, actNameKey, canonicalActName, isJurisdictionAct, isKnownActName, lookupAct, provisionUrl } from './acts';
import type { Evidence, Statute } from '../../schema';
import { checkpoint, runSteps, type Steps } from '../steps';
import type { SentenceRef } from '../sentences/sentence-index';
import { evidenceOf } from '../sentences/sentence-index';
import { SENTENCE_WORDS } from '../sentences/sentence-words';

interface Mention {
  /** Span of the Act's name as written, year included (for back-references, "1989 Act"). */
  start: number;
  end: number;
  title: string;
  jurisdiction: boolean;
  /** A section list was attached to this mention, so it is not a whole-Act citation. */
  linked: boolean;
}

interface Item {
  kind: 'section' | 'schedule';
  num: string;
  sub: string | null;
}

interface List {
  start: number;
  end: number;
  items: Item[];
  /** May a bare list be resolved from context? Not for "S13A"-style shorthand, which is too easily a code. */
  resolvable: boolean;
}

interface Acc {
  act: string;
  section: string | null;
  subsection: string | null;
  text: string;
  jurisdiction: boolean;
  order: number;
  evidence: Evidence[];
  sentences: Set<number>;
}

const WS = '[ \\u00A0]';

// Capitalised words that start sentences or clauses and so can sit just before an Act's name
// without being part of it ("Under Localism Act 2011").
const LEADING_NOISE = new Set(
  (
    'a an the under in by from see and of with to per section sections schedule part also both whereas ' +
    'although unlike as for then this that these those its his her their our any each if when where while ' +
    'following after before since because using via through within about on at once but or so yet not no ' +
    'only even neither either chapter paragraph regulation'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'and', 'for', 'to', 'in', 'on']);
// Only a tail starting with one of these can be a table name: saves a lookup per word.
const KNOWN_FIRST_WORDS = new Set(ACTS.flatMap((a) => [a.name, ...a.aliases]).map((n) => actNameKey(n.split(' ')[0]!)));

// Words before "Act", read from a bounded window: the name can never be longer than this.
const NAME_WINDOW = 160;
const MAX_NAME_TOKENS = 14;
const TOKEN = /\([^()]{1,60}\)|[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9\u2019'-]*|\d+|\S/g;
const ACT_WORD = /\bAct\b(?!-)/g;
const YEAR_AFTER = new RegExp(`${WS}([12]\\d{3})(?!\\d)`, 'y');
const CODE_AFTER = new RegExp(`${WS}Code\\b`, 'y');

// Not inside a word ("Children's"), but after an opening quote, curly or straight ("'section 47'").
const ANCHOR = /(?<![\p{L}\p{N}]|[\p{L}\p{N}][\u2019'])(?:[Ss]ections?(?!\p{L})|[Ss]s?\.|Sch(?:edules?(?!\p{L})|\.)|[Ss](?=\d))/gu;
const KEYWORD = new RegExp(`(?:([Ss]ections?)|([Ss]s?\\.)|(Sch(?:edules?|\\.))|([Ss])(?=\\d))${WS}?`, 'y');
const SEC_NUM = /(\d{1,4})(?:([A-Z]{1,3})|\(([A-Z]{1,2})\))?/y;
const SCHED_NUM = /(\d{1,3}[A-Z]{0,2})/y;
const SUBS = /\((\d{1,3}[A-Z]{0,2}|[a-z]{1,4})\)/y;
const SEP = new RegExp(`(?:,?${WS}(?:and|or)${WS}|,${WS}|${WS}?[&/]${WS}?)`, 'y');
const PARA_INTRO = new RegExp(`,?${WS}(?:paragraphs?|paras?\\.?)${WS}?`, 'y');
const PARA_NUM = /(\d{1,3}[A-Za-z]?)(?![\dA-Za-z])/y;
const LINK_AFTER = new RegExp(`,?${WS}(of|to)${WS}(?:the${WS})?`, 'y');
const ACT_PRONOUN = new RegExp(`(?:(?:this|that|said|the)${WS})?Act\\b`, 'y');
const PREFIX_GAP = new RegExp(`(?:,${WS}?|${WS}\\(|${WS})`, 'y');
const BRACKET = /[()]/g;
const HEAD_GAP = new RegExp(`,${WS}?(?=\\d)`, 'y');
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = {
  YEAR_AFTER,
  CODE_AFTER,
  KEYWORD,
  SEP,
  PARA_INTRO,
  LINK_AFTER,
  ACT_PRONOUN,
  PREFIX_GAP,
  HEAD_GAP,
};

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}

/** A number ends cleanly: not "2.1" (a document's own numbering), not "1,950" (money). */
function endsNumber(s: string, i: number): boolean {
  const c = s[i];
  if (isAlnum(c)) return false;
  if ((c === '.' || c === ',') && /\d/.test(s[i + 1] ?? '')) return false;
  return true;
}

function isCapitalWord(t: string): boolean {
  return /^[A-Z\u00C0-\u00DE]/.test(t);
}

interface Context {
  /** Titles cited so far, by name key and by year: for "the Housing Act" and "the 1996 Act". */
  byName: Map<string, Set<string>>;
  byYear: Map<number, Set<string>>;
}

function remember(ctx: Context, nameKey: string, year: number, title: string): void {
  const a = ctx.byName.get(nameKey) ?? new Set<string>();
  a.add(title);
  ctx.byName.set(nameKey, a);
  const b = ctx.byYear.get(year) ?? new Set<string>();
  b.add(title);
  ctx.byYear.set(year, b);
}

function only<T>(set: Set<T> | undefined): T | null {
  if (!set || set.size !== 1) return null;
  for (const v of set) return v;
  return null;
}

/** Reads the Act named around the word "Act" at `a`, or null when no Act can be titled. */
function readMention(s: string, a: number, ctx: Context): Mention | null {
  let end = a + 3;
  let year: number | null = null;
  const y = sticky(YEAR_AFTER, s, end);
  if (y) {
    year = Number(y[1]);
    end = y.index + y[0].length;
  }
  // "the Mental Health Act Code of Practice" names a code, not the Act.
  if (sticky(CODE_AFTER, s, end)) return null;

  const from = Math.max(0, a - NAME_WINDOW);
  const windowText = s.slice(from, a);
  const tokens: { text: string; start: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(windowText); m; m = TOKEN.exec(windowText)) {
    tokens.push({ text: m[0], start: from + m.index });
  }

  const last = tokens[tokens.length - 1];
  // "the 1989 Act": a back-reference to the one Act of that year cited earlier.
  if (year === null && last && /^[12]\d{3}$/.test(last.text) && last.start + 4 >= a - 1) {
    const title = only(ctx.byYear.get(Number(last.text)));
    if (!title) return null;
    return mentionOf(last.start, a + 3, title);
  }

  // Walk back over the words that can belong to a name.
  const name: { text: string; start: number }[] = [];
  for (let i = tokens.length - 1; i >= 0 && name.length < MAX_NAME_TOKENS; i--) {
    const t = tokens[i]!;
    // Another Act's own word ends the name: "Act Act" is not a title.
    if (t.text === 'the' || t.text === 'The' || t.text === 'Act') break;
    if (t.text === ',' || CONNECTORS.has(t.text)) name.unshift(t);
    else if (t.text.startsWith('(') && /^\([A-Z][A-Za-z\u2019' ,-]*\)$/.test(t.text)) name.unshift(t);
    else if (isCapitalWord(t.text)) name.unshift(t);
    else break;
  }
  const lastName = name[name.length - 1];
  if (!lastName || lastName.text === ',' || CONNECTORS.has(lastName.text)) return null;
  // The run must end just before "Act" (one space): "Care  Act" across markup is fine, a
  // comma or a word we stopped on is not.
  if (s.slice(lastName.start + lastName.text.length, a).trim() !== '') return null;

  // Plain reading: from the last comma on, without leading connectors and clause openers.
  let p = 0;
  for (let i = 0; i < name.length; i++) if (name[i]!.text === ',') p = i + 1;
  while (p < name.length) {
    const t = name[p]!.text;
    if (t === ',' || CONNECTORS.has(t) || LEADING_NOISE.has(t.toLowerCase())) p++;
    else break;
  }
  // Table reading: the longest tail that is a known name, which may cross a comma
  // ("Housing Grants, Construction and Regeneration").
  let q = -1;
  for (let i = 0; i < name.length; i++) {
    const t = name[i]!;
    if (!isCapitalWord(t.text) || !KNOWN_FIRST_WORDS.has(actNameKey(t.text))) continue;
    if (isKnownActName(s.slice(t.start, a))) {
      q = i;
      break;
    }
  }
  // A known tail only wins when it is at least as long as the plain reading: "National Health
  // Service and Community Care Act 1990" is not the Care Act.
  const startIdx = q >= 0 && q <= p ? q : p;
  const first = name[startIdx];
  if (!first || !isCapitalWord(first.text)) return null;
  const written = s.slice(first.start, a).trim().replace(/\s+/g, ' ');
  const canonical = canonicalActName(written);
  const actName = canonical ?? `${written} Act`;
  const nameKey = actNameKey(actName);

  let title: string | null = null;
  if (year !== null) {
    title = `${actName} ${year}`;
    remember(ctx, nameKey, year, title);
  } else {
    // Yearless: the decision's own earlier citation first, then the table's safe defaults.
    const earlier = ctx.byName.get(nameKey);
    if (earlier && earlier.size > 0) title = only(earlier);
    else if (canonical) title = lookupAct(canonical, null)?.title ?? null;
  }
  if (!title) return null;
  return mentionOf(first.start, end, title);
}

function mentionOf(start: number, end: number, title: string): Mention {
  const m = /^(.*) (\d{4})$/.exec(title);
  const entry = m ? lookupAct(m[1]!, Number(m[2])) : null;
  return { start, end, title, jurisdiction: entry?.jurisdiction ?? false, linked: false };
}

/**
 * Parses "sections 26(1) and 26A(1)", "section 30(1B) and 34H(i)", "34B(8) and (9)",
 * "Schedule 5/5A, paragraph 1/3", "508B(1) and Schedule 35B" from `at`.
 */
function parseList(s: string, at: number, initial: Item['kind'] | null): List | null {
  const items: Item[] = [];
  let kind = initial;
  let i = at;
  let end = at;
  let resolvable = false;
  let scheduleRun: Item[] = [];
  for (let n = 0; n < 24; n++) {
    let j = i;
    const kw = sticky(KEYWORD, s, j);
    if (kw) {
      const next: Item['kind'] = kw[3] ? 'schedule' : 'section';
      if (next !== kind) scheduleRun = [];
      kind = next;
      if (n === 0 && !kw[4]) resolvable = true;
      j = kw.index + kw[0].length;
    }
    if (kind === null) break;
    let item: Item | null = null;
    if (kind === 'section') {
      const num = sticky(SEC_NUM, s, j);
      let base: string | null = null;
      if (num) {
        base = num[1]! + (num[2] ?? num[3] ?? '');
        j = num.index + num[0].length;
      } else if (!kw && items.length > 0 && s[j] === '(') {
        // "34B(8) and (9)": a bare subsection continues the previous section.
        base = items[items.length - 1]!.num;
      }
      if (base === null) break;
      let sub = '';
      for (let k = 0; k < 5; k++) {
        const m = sticky(SUBS, s, j);
        if (!m) break;
        let part = m[1]!;
        if (k === 0 && sub === '' && part === 'i') part = '1';
        sub += `(${part})`;
        j = m.index + m[0].length;
      }
      if (!num && sub === '') break;
      if (!endsNumber(s, j)) break;
      item = { kind, num: base, sub: sub || null };
    } else {
      const num = sticky(SCHED_NUM, s, j);
      if (!num) break;
      j = num.index + num[0].length;
      if (!endsNumber(s, j)) break;
      item = { kind, num: num[1]!, sub: null };
      scheduleRun.push(item);
    }
    items.push(item);
    end = j;
    if (item.kind === 'schedule') {
      const paras = readParagraphs(s, j);
      if (paras) {
        attachParagraphs(items, scheduleRun, paras.nums);
        end = paras.end;
        scheduleRun = [];
      }
    }
    const sep = sticky(SEP, s, end);
    if (!sep) break;
    i = sep.index + sep[0].length;
  }
  if (items.length === 0) return null;
  return { start: at, end, items, resolvable };
}

function readParagraphs(s: string, at: number): { nums: string[]; end: number } | null {
  const intro = sticky(PARA_INTRO, s, at);
  if (!intro) return null;
  const nums: string[] = [];
  let i = intro.index + intro[0].length;
  let end = i;
  for (let n = 0; n < 12; n++) {
    const m = sticky(PARA_NUM, s, i);
    if (!m) break;
    nums.push(m[1]!);
    end = m.index + m[0].length;
    const sep = sticky(SEP, s, end);
    if (!sep) break;
    i = sep.index + sep[0].length;
  }
  return nums.length > 0 ? { nums, end } : null;
}

/** Pairs "Schedule 5/5A, paragraph 1/3" by position; see the rules at the top. */
function attachParagraphs(items: Item[], run: Item[], paras: string[]): void {
  if (run.length === paras.length) {
    run.forEach((it, k) => (it.sub = `paragraph ${paras[k]}`));
  } else if (run.length === 1) {
    const only = run[0]!;
    only.sub = `paragraph ${paras[0]}`;
    for (const p of paras.slice(1)) items.push({ kind: 'schedule', num: only.num, sub: `paragraph ${p}` });
  }
}

interface Brackets {
  /** Each bracket's index, and the innermost unclosed "(" once it is read (-1 for none). */
  at: number[];
  innermost: number[];
  /** Each "(" to its ")". */
  close: Map<number, number>;
}

/** The sentence's round brackets: a few of them, where a map of every index was most of the cost. */
function bracketMap(s: string): Brackets {
  const at: number[] = [];
  const innermost: number[] = [];
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (BRACKET.lastIndex = 0; BRACKET.test(s);) {
    const i = BRACKET.lastIndex - 1;
    if (s[i] === '(') stack.push(i);
    else if (stack.length > 0) close.set(stack.pop()!, i);
    at.push(i);
    innermost.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
  }
  return { at, innermost, close };
}

/** The innermost "(" still open at index i, -1 for none: what the last bracket before i left. */
function enclosingAt(b: Brackets, i: number): number {
  let lo = 0;
  let hi = b.at.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b.at[mid]! < i) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans < 0 ? -1 : b.innermost[ans]!;
}

/** Index of the last mention starting before `pos` (mentions are sorted by start). */
function lastBefore(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export function extractStatutes(sentences: SentenceRef[]): Statute[] {
  return runSteps(statuteSteps(sentences));
}

/** `extractStatutes` in steps (see steps.ts). */
export function* statuteSteps(sentences: SentenceRef[]): Steps<Statute[]> {
  const ctx: Context = { byName: new Map(), byYear: new Map() };
  const items = new Map<string, Acc>();
  const wholeAct = new Map<string, Acc>();
  /** Acts cited by section, by "kind:num": for a later bare "section 47 enquiries". */
  const citedSections = new Map<string, Set<string>>();
  let lastNonJur: { title: string; unit: number } | null = null;
  let unit = -1;
  let previous: SentenceRef | null = null;
  let order = 0;

  const add = (
    ref: SentenceRef,
    idx: number,
    title: string,
    jurisdiction: boolean,
    item: Item | null,
    text: string,
    target: Map<string, Acc>,
  ): void => {
    const section = item === null ? null : item.kind === 'schedule' ? `Schedule ${item.num}` : item.num;
    const subsection = item?.sub ?? null;
    const key = `${title}\u0000${section ?? ''}\u0000${subsection ?? ''}`;
    let acc = target.get(key);
    if (!acc) {
      acc = { act: title, section, subsection, text, jurisdiction, order: order++, evidence: [], sentences: new Set() };
      target.set(key, acc);
    }
    if (!acc.sentences.has(idx)) {
      acc.sentences.add(idx);
      acc.evidence.push(evidenceOf(ref));
    }
    if (item) {
      const k = `${item.kind}:${item.num}`;
      const set = citedSections.get(k) ?? new Set<string>();
      set.add(title);
      citedSections.set(k, set);
    }
  };

  const readSentence = (ref: SentenceRef, idx: number): void => {
    const s = ref.sentence;
    // A unit is a numbered paragraph under one heading, or else one block.
    const sameUnit =
      previous !== null &&
      (ref.paragraph !== null
        ? ref.paragraph === previous.paragraph && ref.heading === previous.heading
        : previous.paragraph === null && ref.block === previous.block);
    if (!sameUnit) unit++;
    previous = ref;
    // Most sentences have no "Act" at all, which one indexOf settles more cheaply than a run of
    // the pattern; when there is one, the pattern starts there (no match can start before it).
    const firstAct = s.indexOf('Act');
    // Whether the sentence has an anchor's letters, found when it was indexed (see sentence-words).
    const anchored = (ref.words & SENTENCE_WORDS.statuteAnchor) !== 0;
    // Most sentences cite nothing: no Act and no anchor's letters.
    if (firstAct < 0 && !anchored) return;
    const mentions: Mention[] = [];
    if (firstAct >= 0) {
      ACT_WORD.lastIndex = firstAct;
      for (let m = ACT_WORD.exec(s); m; m = ACT_WORD.exec(s)) {
        const mention = readMention(s, m.index, ctx);
        if (mention) mentions.push(mention);
      }
    }
    // No Act and no anchor: nothing below would find anything.
    if (mentions.length === 0) {
      if (!anchored) return;
      ANCHOR.lastIndex = 0;
      if (!ANCHOR.test(s)) return;
    }
    const byStart = new Map<number, Mention>();
    for (const m of mentions) byStart.set(m.start, m);
    // For bare sections: the latest non-jurisdiction mention up to each mention of this sentence.
    const lastNonJurUpTo: (Mention | null)[] = [];
    let running: Mention | null = null;
    for (const m of mentions) {
      if (!m.jurisdiction) running = m;
      lastNonJurUpTo.push(running);
    }

    // Built when first asked for: most sentences that pass the test above have no bracket to place.
    let brackets: Brackets | null = null;
    const enclosing = (i: number): number => enclosingAt((brackets ??= bracketMap(s)), i);
    const groupText = (g: number, end: number): string => s.slice(g, ((brackets ??= bracketMap(s)).close.get(g) ?? end - 1) + 1);
    /** The mention that opens bracket group g, if the group starts with an Act. */
    const openers = new Map<number, Mention | undefined>();
    const opener = (g: number): Mention | undefined => {
      if (openers.has(g)) return openers.get(g);
      let i = g + 1;
      while (s[i] === ' ' || s[i] === '\u00A0') i++;
      const m = byStart.get(i);
      openers.set(g, m);
      return m;
    };

    const lists: { list: List; mention: Mention | null; text: string }[] = [];
    const consumed: [number, number][] = [];

    // "(Education Act 1996, 508B(1) and Schedule 35B)": numbers straight after an Act that opens a bracket.
    for (const m of mentions) {
      const g = enclosing(m.start);
      if (g < 0 || opener(g) !== m) continue;
      const gap = sticky(HEAD_GAP, s, m.end);
      if (!gap) continue;
      const list = parseList(s, gap.index + gap[0].length, 'section');
      if (!list) continue;
      m.linked = true;
      lists.push({ list, mention: m, text: groupText(g, list.end) });
      consumed.push([list.start, list.end]);
    }

    let ci = 0;
    ANCHOR.lastIndex = 0;
    for (let a = ANCHOR.exec(s); a; a = ANCHOR.exec(s)) {
      const at = a.index;
      while (ci < consumed.length && consumed[ci]![1] <= at) ci++;
      if (ci < consumed.length && consumed[ci]![0] <= at) continue;
      const list = parseList(s, at, null);
      if (!list) continue;
      ANCHOR.lastIndex = Math.max(list.end, at + 1);

      // 1. The Act right after: "section 47 of the Children Act 1989".
      const link = sticky(LINK_AFTER, s, list.end);
      if (link) {
        const pos = link.index + link[0].length;
        const after = byStart.get(pos);
        if (after) {
          after.linked = true;
          lists.push({ list, mention: after, text: s.slice(list.start, after.end) });
          continue;
        }
        // "section 3 of the policy": a section of something that is not an Act.
        if (link[1] === 'of' && !sticky(ACT_PRONOUN, s, pos)) continue;
      }
      const before = lastBefore(mentions, list.start);
      const prev = before >= 0 ? mentions[before]! : null;
      // 2. The Act that opens the same bracket, nearest first.
      const g = enclosing(list.start);
      if (prev && g >= 0 && enclosing(prev.start) === g && opener(g)) {
        prev.linked = true;
        lists.push({ list, mention: prev, text: groupText(g, list.end) });
        continue;
      }
      // 3. The Act right before: "Children Act 1989, section 20".
      if (prev) {
        const gap = sticky(PREFIX_GAP, s, prev.end);
        if (prev.end === list.start || (gap && gap.index + gap[0].length === list.start)) {
          prev.linked = true;
          // "Care Act 2014 (section 9)": keep the bracket balanced in the text shown.
          const shut = gap && gap[0].includes('(') && s[list.end] === ')' ? 1 : 0;
          lists.push({ list, mention: prev, text: s.slice(prev.start, list.end + shut) });
          continue;
        }
      }
      lists.push({ list, mention: null, text: s.slice(list.start, list.end) });
    }

    lists.sort((x, y) => x.list.start - y.list.start);

    // Emit in text order so "first appearance" follows the sentence.
    type Event = { pos: number; run: () => void };
    const events: Event[] = [];
    for (const entry of lists) {
      events.push({
        pos: entry.list.start,
        run: () => {
          const { list, text } = entry;
          let title: string | null = entry.mention?.title ?? null;
          let jurisdiction = entry.mention?.jurisdiction ?? false;
          if (!entry.mention) {
            if (!list.resolvable) return;
            const b = lastBefore(mentions, list.start);
            const here = b >= 0 ? lastNonJurUpTo[b] : null;
            if (here) title = here.title;
            else if (lastNonJur && lastNonJur.unit >= unit - 2) title = lastNonJur.title;
            else {
              const first = list.items[0]!;
              title = only(citedSections.get(`${first.kind}:${first.num}`));
              if (title) jurisdiction = isJurisdictionAct(title);
            }
          }
          if (!title) return;
          for (const item of list.items) add(ref, idx, title, jurisdiction, item, text, items);
        },
      });
    }
    for (const m of mentions) {
      events.push({
        pos: m.start,
        run: () => {
          if (!m.linked) add(ref, idx, m.title, m.jurisdiction, null, s.slice(m.start, m.end), wholeAct);
        },
      });
    }
    events.sort((x, y) => x.pos - y.pos);
    for (const e of events) e.run();

    const lastHere = lastNonJurUpTo[lastNonJurUpTo.length - 1];
    if (lastHere) lastNonJur = { title: lastHere.title, unit };
  };
  for (let idx = 0; idx < sentences.length; idx++) {
    if (checkpoint(idx)) yield;
    readSentence(sentences[idx]!, idx);
  }

  const withSections = new Set<string>();
  for (const acc of items.values()) withSections.add(acc.act);
  const all = [...items.values()];
  for (const acc of wholeAct.values()) if (!withSections.has(acc.act)) all.push(acc);
  all.sort((x, y) => x.order - y.order);

  return all.map((acc) => ({
    act: acc.act,
    section: acc.section,
    subsection: acc.subsection,
    text: acc.text,
    url: provisionUrl(acc.act, acc.section),
    paragraphs: [...new Set(acc.evidence.map((e) => e.paragraph).filter((p): p is number => p !== null))].sort((x, y) => x - y),
    jurisdiction: acc.jurisdiction,
    evidence: acc.evidence,
  }));
}
