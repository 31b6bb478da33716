/**
 * Property-based tests: real seed text, mutated at random (lines shuffled,
 * dropped, duplicated, truncated, headings renamed, header lines removed,
 * Unicode oddities inserted or sprinkled throughout, lines blown up into huge
 * paragraphs, empty lines), real seed HTML mutated as text and as a tree (deep
 * nesting, empty elements, renamed headings, huge paragraphs, elements dropped,
 * duplicated and shuffled, Unicode oddities in every text node), and random
 * HTML. The parser must never throw and whatever it returns must pass the
 * schema; invisible characters and other spaces alone must not change what it reads.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../lib/parser/parse-decision';
import { readDocument } from '../../lib/parser/front-ends/read-document';
import { readText } from '../../lib/parser/front-ends/read-text';
import { isClean } from '../../lib/parser/front-ends/text-normalise';
import { ParseResultSchema } from '../../lib/schema';
import { htmlDocument, SEED_REFS, seedHtml, seedText } from '../helpers/seeds';

const ODDITIES = [
  '\u200B',
  '\u00A0',
  '\u2019',
  "'",
  '\u201C',
  '"',
  '\u200F',
  '\u202E',
  '\uFEFF',
  '\t',
  '  ',
  '\u00AD',
  '£',
  '(',
  ')',
  ':',
  '- ',
  '  1. ',
];
/** Zero-width, direction and other format characters: the parser's clean-up drops them. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202C', '\u202E', '\u2060', '\uFEFF', '\u00AD'];
const SPACES = ['\u00A0', '\u2002', '\u2009', '\u202F', '\u3000', '  '];
const QUOTE_SWAP: Record<string, string> = { "'": '\u2019', '\u2019': "'", '\u2018': "'", '"': '\u201C', '\u201C': '"', '\u201D': '"' };
/** What headings are called on other pages, and what a careless page might put there. */
const HEADINGS = [
  'WHAT I FOUND',
  'What I found:',
  'What we found',
  'Findings',
  'My findings.',
  'Analysis',
  'Assessment',
  'Final decision',
  'FINAL DECISION',
  'Decision',
  'Agreed action',
  'Recommended actions',
  'Recommendations',
  'Summary',
  'The complaint',
  'The complaints:',
  "The Ombudsmen's role and powers",
  'What I have not investigated',
  'Back to top',
  'Print this page',
  'Investigator\u2019s decision on behalf of the Ombudsman',
  '',
];
const heading = fc.oneof(fc.constantFrom(...HEADINGS), fc.string({ maxLength: 30 }));
/** Lines with nothing in them, or only a list marker: the text's empty elements. */
const EMPTY_LINES = ['', '   ', '\u00A0', '\u200B', '1.', '  1. ', '-', '\u2022', ':', 'Back to top'];

type Mutation =
  | { op: 'shuffle'; seed: number }
  | { op: 'drop'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'rename-headings'; to: string }
  | { op: 'strip-header' }
  | { op: 'insert'; at: number; what: string }
  | { op: 'retitle'; at: number; to: string }
  | { op: 'sprinkle'; seed: number }
  | { op: 'inflate'; at: number; times: number }
  | { op: 'blank'; at: number; what: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('shuffle' as const), seed: fc.integer() }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename-headings' as const), to: fc.string({ maxLength: 30 }) }),
  fc.record({ op: fc.constant('strip-header' as const) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.oneof(fc.constantFrom(...ODDITIES), fc.string({ maxLength: 40 })),
  }),
  fc.record({ op: fc.constant('retitle' as const), at: fc.nat(), to: heading }),
  fc.record({ op: fc.constant('sprinkle' as const), seed: fc.integer() }),
  fc.record({ op: fc.constant('inflate' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 200 }) }),
  fc.record({ op: fc.constant('blank' as const), at: fc.nat(), what: fc.constantFrom(...EMPTY_LINES) }),
);

/** A small deterministic generator: n => an integer in [0, n). */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

/**
 * Some spaces become other spaces and invisible characters fall between letters; with `quotes`,
 * straight and curly quotes also swap (which a reader sees, so only for never-throws).
 */
function sprinkle(text: string, seed: number, quotes: boolean): string {
  const next = rng(seed);
  return text.replace(/(?<=\S) (?=\S)|(?<=\p{L})(?=\p{L})|['"\u2018\u2019\u201C\u201D]/gu, (m) => {
    if (m === ' ') return next(3) === 0 ? SPACES[next(SPACES.length)]! : ' ';
    if (m === '') return next(10) === 0 ? INVISIBLE[next(INVISIBLE.length)]! : '';
    return quotes && next(2) === 0 ? QUOTE_SWAP[m]! : m;
  });
}

const HEADING_LINE = /^[A-Z][^.]{0,60}$/;

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.op) {
    case 'shuffle':
      return shuffle(lines, m.seed).join('\n');
    case 'drop': {
      const at = m.at % lines.length;
      return [...lines.slice(0, at), ...lines.slice(at + m.count)].join('\n');
    }
    case 'duplicate': {
      const at = m.at % lines.length;
      const copy = lines.slice(at, at + m.count);
      return [...lines.slice(0, at), ...copy, ...copy, ...lines.slice(at + m.count)].join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'rename-headings':
      return lines.map((l) => (HEADING_LINE.test(l) ? m.to : l)).join('\n');
    case 'strip-header':
      return text.replace(/^(Category|Decision|Decision date) :.*$/gm, '');
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.what + text.slice(at);
    }
    case 'retitle': {
      const headings = lines.flatMap((l, i) => (HEADING_LINE.test(l) ? [i] : []));
      if (headings.length > 0) lines[headings[m.at % headings.length]!] = m.to;
      return lines.join('\n');
    }
    case 'sprinkle':
      return sprinkle(text, m.seed, true);
    case 'inflate': {
      const at = m.at % lines.length;
      // At most ~400 KB a line: two inflations of one line (200 × 200 copies, an 8 MB line of
      // 40,000 paragraphs) made one run in a few hundred take minutes in happy-dom. Pages that
      // large are the long-page tests' job (test/extension/sliced-parse.test.ts, e2e/long-page).
      const times = Math.max(1, Math.min(m.times, Math.floor(400_000 / Math.max(1, lines[at]!.length))));
      lines[at] = Array.from({ length: times }, () => lines[at]!.trim()).join(' ');
      return lines.join('\n');
    }
    case 'blank': {
      const at = m.at % (lines.length + 1);
      return [...lines.slice(0, at), m.what, ...lines.slice(at)].join('\n');
    }
  }
}

type TreeMutation =
  | { op: 'nest'; at: number; depth: number; tag: string }
  | { op: 'empty'; at: number; where: InsertPosition; html: string }
  | { op: 'retitle'; at: number; to: string }
  | { op: 'inflate'; at: number; times: number }
  | { op: 'remove'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'shuffle'; at: number; seed: number }
  | { op: 'sprinkle'; seed: number };

const EMPTY_ELEMENTS = [
  '<p></p>',
  '<li></li>',
  '<ol></ol>',
  '<ul><li></li></ul>',
  '<h2></h2>',
  '<h3> </h3>',
  '<div>&nbsp;</div>',
  '<span></span>',
  '<p><strong></strong></p>',
  '<table><tr><td></td></tr></table>',
  '<p>\u200B</p>',
  '<br>',
];

const treeMutation: fc.Arbitrary<TreeMutation> = fc.oneof(
  fc.record({
    op: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 1, max: 400 }),
    tag: fc.constantFrom('div', 'span', 'section', 'blockquote', 'b', 'ol', 'li'),
  }),
  fc.record({
    op: fc.constant('empty' as const),
    at: fc.nat(),
    where: fc.constantFrom<InsertPosition>('beforebegin', 'afterbegin', 'beforeend', 'afterend'),
    html: fc.constantFrom(...EMPTY_ELEMENTS),
  }),
  fc.record({ op: fc.constant('retitle' as const), at: fc.nat(), to: heading }),
  fc.record({ op: fc.constant('inflate' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 200 }) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.integer() }),
  fc.record({ op: fc.constant('sprinkle' as const), seed: fc.integer() }),
);

/**
 * The page in a happy-dom window of its own, closed after use: the shared window of
 * `htmlDocument` keeps every document it parsed (about 1.5 MB each), too many for hundreds of runs.
 */
async function withPage(html: string, use: (doc: Document) => void): Promise<void> {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    use(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

function textNodes(node: Node): Node[] {
  return Array.from(node.childNodes).flatMap((c) => (c.nodeType === 3 ? [c] : textNodes(c)));
}

/** Applies a mutation to the page's tree, below <body>. */
function mutateTree(doc: Document, m: TreeMutation): void {
  const all = Array.from(doc.body.querySelectorAll('*'));
  const pick = (els: Element[], at: number) => els[at % els.length];
  switch (m.op) {
    case 'nest': {
      const el = pick(all, m.at);
      if (!el) return;
      const outer = doc.createElement(m.tag);
      let inner = outer;
      for (let i = 1; i < m.depth; i++) inner = inner.appendChild(doc.createElement(m.tag));
      el.replaceWith(outer);
      inner.appendChild(el);
      return;
    }
    case 'empty':
      (pick(all, m.at) ?? doc.body).insertAdjacentHTML(m.where, m.html);
      return;
    case 'retitle': {
      const el = pick(
        all.filter((e) => /^(H[1-6]|STRONG)$/.test(e.tagName.toUpperCase())),
        m.at,
      );
      if (el) el.textContent = m.to;
      return;
    }
    case 'inflate': {
      const el = pick(
        all.filter((e) => /^(P|LI)$/.test(e.tagName.toUpperCase())),
        m.at,
      );
      if (el) el.textContent = `${el.textContent ?? ''} `.repeat(m.times);
      return;
    }
    case 'remove':
      pick(all, m.at)?.remove();
      return;
    case 'duplicate': {
      const el = pick(all, m.at);
      el?.after(el.cloneNode(true));
      return;
    }
    case 'shuffle': {
      const el = pick(
        all.filter((e) => e.children.length > 1),
        m.at,
      );
      if (el) for (const child of shuffle(Array.from(el.children), m.seed)) el.appendChild(child);
      return;
    }
    case 'sprinkle': {
      let seed = m.seed;
      for (const node of textNodes(doc.body)) node.nodeValue = sprinkle(node.nodeValue ?? '', seed++, true);
      return;
    }
  }
}

function check(input: string | Document): void {
  const result = parseDecision(input, { url: 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/23-017-456' });
  const parsed = ParseResultSchema.safeParse(result);
  if (!parsed.success) throw new Error(`schema: ${parsed.error.message.slice(0, 500)}`);
  // The entry point catches internal errors to protect the page; here they must not happen at all.
  if (!result.ok && result.reason === 'unreadable') throw new Error(result.message);
  // The sentence index takes each block's text to be clean (see `Block`): both front ends must make it so.
  const doc = typeof input === 'string' ? readText(input) : readDocument(input)?.doc;
  for (const block of doc?.blocks ?? []) {
    if (!isClean(block.text)) throw new Error(`a block's text is not clean: ${JSON.stringify(block.text.slice(0, 120))}`);
  }
}

describe('the parser against mutated and random documents', () => {
  // Explicit timeouts: a thousand documents take longer than vitest's default 5 s on a busy machine.
  it(
    'never throws on mutated seed text, its output always passes the schema, and every block it reads is clean text',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...SEED_REFS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (ref, mutations) => {
          check(mutations.reduce(mutate, seedText(ref)));
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('never throws on mutated seed HTML', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEED_REFS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (ref, mutations) =>
        withPage(mutations.reduce(mutate, seedHtml(ref)), check),
      ),
      { numRuns: 200 },
    );
  });

  it(
    'never throws on seed HTML with deep nesting, empty elements, renamed headings, huge paragraphs, elements dropped, duplicated and shuffled, and Unicode oddities',
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...SEED_REFS), fc.array(treeMutation, { minLength: 1, maxLength: 5 }), (ref, mutations) =>
          withPage(seedHtml(ref), (doc) => {
            for (const m of mutations) mutateTree(doc, m);
            check(doc);
          }),
        ),
        { numRuns: 300 },
      );
    },
  );

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'grapheme' }), (text) => check(`Some Council (21 000 001)\n${text}`)),
      { numRuns: 300 },
    );
  });

  it('never throws on random nested HTML, deep nesting and huge paragraphs', () => {
    const tag = fc.constantFrom('div', 'ol', 'ul', 'li', 'p', 'h2', 'h3', 'span', 'strong', 'section', 'article', 'table', 'td');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(
          'The complaint',
          'What I found',
          'This is fault by the Council.',
          'pay Mr X £250 within one month',
          '(Local Government Act 1974, section 26(1))',
          'Back to top',
          '',
        ),
        fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 })).map(([t, kids]) => `<${t}>${kids.join('')}</${t}>`),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (nodes) => {
        check(htmlDocument(`<html><body><h1>Some Council (21 000 001)</h1><div id="article">${nodes.join('')}</div></body></html>`));
      }),
      { numRuns: 200 },
    );
    const deep = `${'<div>'.repeat(3000)}text${'</div>'.repeat(3000)}`;
    check(htmlDocument(`<h1>Some Council (21 000 001)</h1><div id="article"><h2>The complaint</h2>${deep}</div>`));
    const huge = 'The Council was at fault. '.repeat(20_000);
    check(htmlDocument(`<h1>Some Council (21 000 001)</h1><div id="article"><h2>What I found</h2><ol><li>${huge}</li></ol></div>`));
  });

  it('reads the same decision from text with invisible characters and other spaces sprinkled through it', { timeout: 60_000 }, () => {
    const clean = new Map(SEED_REFS.map((ref) => [ref, JSON.stringify(parseDecision(seedText(ref)))]));
    fc.assert(
      fc.property(fc.constantFrom(...SEED_REFS), fc.integer(), (ref, seed) => {
        expect(JSON.stringify(parseDecision(sprinkle(seedText(ref), seed, false)))).toBe(clean.get(ref));
      }),
      { numRuns: 200 },
    );
  });

  it('reads the same decision from HTML with invisible characters and other spaces in its text nodes', { timeout: 60_000 }, async () => {
    const url = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/23-017-456';
    const clean = new Map(SEED_REFS.map((ref) => [ref, JSON.stringify(parseDecision(htmlDocument(seedHtml(ref)), { url }))]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEED_REFS), fc.integer(), (ref, seed) =>
        withPage(seedHtml(ref), (doc) => {
          for (const node of textNodes(doc.body)) node.nodeValue = sprinkle(node.nodeValue ?? '', seed++, false);
          expect(JSON.stringify(parseDecision(doc, { url }))).toBe(clean.get(ref));
        }),
      ),
      { numRuns: 100 },
    );
  });

  it('still reads a decision whose text is interleaved with zero-width and non-breaking spaces', () => {
    const text = seedText('20-003-139')
      .replace(/ fault/g, '\u00A0fault')
      .replace(/Council/g, 'Coun\u200Bcil');
    const result = parseDecision(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary.faults).toHaveLength(5);
  });
});
