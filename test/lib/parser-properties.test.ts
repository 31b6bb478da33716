/**
 * Property-based tests: real seed text, mutated at random (lines shuffled,
 * dropped, duplicated, truncated, headings renamed, header lines removed,
 * Unicode oddities inserted), and random HTML. The parser must never throw and
 * whatever it returns must pass the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../lib/parse-decision';
import { ParseResultSchema } from '../../lib/schema';
import { htmlDocument, SEED_REFS, seedHtml, seedText } from '../helpers/seeds';

const ODDITIES = ['\u200B', '\u00A0', '\u2019', "'", '\u201C', '"', '\u200F', '\u202E', '\uFEFF', '\t', '  ', '\u00AD', '£', '(', ')', ':', '- ', '  1. '];

type Mutation =
  | { op: 'shuffle'; seed: number }
  | { op: 'drop'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'rename-headings'; to: string }
  | { op: 'strip-header' }
  | { op: 'insert'; at: number; what: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('shuffle' as const), seed: fc.integer() }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename-headings' as const), to: fc.string({ maxLength: 30 }) }),
  fc.record({ op: fc.constant('strip-header' as const) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(fc.constantFrom(...ODDITIES), fc.string({ maxLength: 40 })) }),
);

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
      return lines.map((l) => (/^[A-Z][^.]{0,60}$/.test(l) ? m.to : l)).join('\n');
    case 'strip-header':
      return text.replace(/^(Category|Decision|Decision date) :.*$/gm, '');
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.what + text.slice(at);
    }
  }
}

function check(input: string | Document): void {
  const result = parseDecision(input, { url: 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/23-017-456' });
  const parsed = ParseResultSchema.safeParse(result);
  if (!parsed.success) throw new Error(`schema: ${parsed.error.message.slice(0, 500)}`);
  // The entry point catches internal errors to protect the page; here they must not happen at all.
  if (!result.ok && result.reason === 'unreadable') throw new Error(result.message);
}

describe('the parser against mutated and random documents', () => {
  it('never throws on mutated seed text, and its output always passes the schema', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEED_REFS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (ref, mutations) => {
        check(mutations.reduce(mutate, seedText(ref)));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated seed HTML', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEED_REFS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (ref, mutations) => {
        check(htmlDocument(mutations.reduce(mutate, seedHtml(ref))));
      }),
      { numRuns: 100 },
    );
  });

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
        fc.constantFrom('The complaint', 'What I found', 'This is fault by the Council.', 'pay Mr X £250 within one month', '(Local Government Act 1974, section 26(1))', 'Back to top', ''),
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

  it('still reads a decision whose text is interleaved with zero-width and non-breaking spaces', () => {
    const text = seedText('20-003-139').replace(/ fault/g, '\u00A0fault').replace(/Council/g, 'Coun\u200Bcil');
    const result = parseDecision(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary.faults).toHaveLength(5);
  });
});
