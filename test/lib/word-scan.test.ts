/**
 * The word scanner against the plain definition: a group's bit is set exactly when one of its
 * words occurs in the text, ASCII letters in either case, `sameAs` characters as their stand-ins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordScanner } from '../../lib/parser/sentences/word-scan';

/** What the scanner should find, by `includes` on the text with its characters replaced. */
function naive(groups: Record<number, string[]>, sameAs: Record<string, string>, text: string): number {
  const seen = [...text].map((c) => sameAs[c] ?? (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c)).join('');
  let bits = 0;
  for (const [bit, words] of Object.entries(groups)) if (words.some((w) => seen.includes(w))) bits |= Number(bit);
  return bits;
}

describe('wordScanner', () => {
  it('finds words that overlap, nest and end where another starts', () => {
    const scanner = wordScanner({ 1: ['he', 'she'], 2: ['hers'], 4: ['his'], 8: ['ushers'] });
    expect(scanner.scan('ushers')).toBe(1 | 2 | 8);
    expect(scanner.scan('this')).toBe(4);
    expect(scanner.scan('shis')).toBe(4); // "sh" then a fallback to "h", "hi", "his"
    expect(scanner.scan('HERS')).toBe(1 | 2);
    expect(scanner.scan('h e r s')).toBe(0);
    expect(scanner.scan('')).toBe(0);
  });

  it('reads sameAs characters as the ones they stand for, and no others', () => {
    const scanner = wordScanner({ 1: ['home-to-school'], 2: ['kit'] }, { '\u2013': '-', '\u212A': 'k' });
    expect(scanner.scan('Home\u2013to\u2013school')).toBe(1);
    expect(scanner.scan('home\u2014to-school')).toBe(0);
    expect(scanner.scan('\u212Ait')).toBe(2);
  });

  it('agrees with includes on random words and texts', () => {
    // A small alphabet, so that words overlap and recur in the texts often.
    const char = fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '-', '\u2013', '\u00E9');
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '-', '\u00E9'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit: char, maxLength: 40 }),
        (lists, text) => {
          const groups: Record<number, string[]> = {};
          lists.forEach((words, i) => (groups[1 << i] = words));
          const sameAs = { '\u2013': '-' };
          expect(wordScanner(groups, sameAs).scan(text)).toBe(naive(groups, sameAs, text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
