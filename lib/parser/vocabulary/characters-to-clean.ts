/**
 * The characters `cleanText` changes, as data: the spaces other than the plain one (each becomes
 * a plain space, runs of them one) and the invisible format characters copies carry (dropped).
 * text-normalise builds its patterns from these rows, and read-document its test for a visible
 * character, so the list is written once. Every row has an example sentence with the character in
 * it; test/lib/vocabulary-rows.test.ts runs each through the parser and checks it reads as the sentence
 * without it.
 *
 * The spaces are exactly what a regex's \s matches besides the plain space and U+FEFF (which \s
 * counts as a space, but is a byte order mark or a zero-width no-break space: dropped); the test
 * checks that against every code unit, so `cleanText`'s \s and these rows cannot diverge.
 */

export interface CharacterRow {
  /** The first and last code point of the range (the same for one character). */
  from: number;
  to: number;
  name: string;
  /** What `cleanText` makes of it: a plain space, or nothing. */
  becomes: 'space' | 'nothing';
  /** A sentence with the character in it, as a copy of a page has it. */
  example: string;
}

export const CHARACTERS_TO_CLEAN: readonly CharacterRow[] = [
  {
    from: 0x09,
    to: 0x0d,
    name: 'tab, line feed, vertical tab, form feed, carriage return',
    becomes: 'space',
    example: 'The Council was at fault.\tThis caused Miss B injustice.',
  },
  { from: 0xa0, to: 0xa0, name: 'no-break space', becomes: 'space', example: 'The Council was at\u00A0fault.' },
  { from: 0xad, to: 0xad, name: 'soft hyphen', becomes: 'nothing', example: 'The Coun\u00ADcil was at fault.' },
  { from: 0x1680, to: 0x1680, name: 'ogham space mark', becomes: 'space', example: 'The Council was at\u1680fault.' },
  { from: 0x2000, to: 0x200a, name: 'en quad to hair space', becomes: 'space', example: 'The Council was\u2009at fault.' },
  {
    from: 0x200b,
    to: 0x200f,
    name: 'zero-width space, non-joiner and joiner, left-to-right and right-to-left marks',
    becomes: 'nothing',
    example: 'The Council was at fa\u200Bult.',
  },
  { from: 0x2028, to: 0x2029, name: 'line and paragraph separators', becomes: 'space', example: 'The Council was at\u2028fault.' },
  {
    from: 0x202a,
    to: 0x202e,
    name: 'bidirectional embeddings and overrides',
    becomes: 'nothing',
    example: 'The \u202ACouncil was at fault.',
  },
  { from: 0x202f, to: 0x202f, name: 'narrow no-break space', becomes: 'space', example: 'The Council was at\u202Ffault.' },
  { from: 0x205f, to: 0x205f, name: 'medium mathematical space', becomes: 'space', example: 'The Council was at\u205Ffault.' },
  {
    from: 0x2060,
    to: 0x2064,
    name: 'word joiner and the invisible operators',
    becomes: 'nothing',
    example: 'The Council was at\u2060 fault.',
  },
  { from: 0x3000, to: 0x3000, name: 'ideographic space', becomes: 'space', example: 'The Council was at\u3000fault.' },
  {
    from: 0xfeff,
    to: 0xfeff,
    name: 'zero-width no-break space (byte order mark)',
    becomes: 'nothing',
    example: '\uFEFFThe Council was at fault.',
  },
];

const hex = (c: number): string => `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The rows' characters as the inside of a regex character class ("\u00A0\u2000-\u200A..."). */
export function characterClass(rows: readonly CharacterRow[]): string {
  return rows.map((r) => (r.from === r.to ? hex(r.from) : `${hex(r.from)}-${hex(r.to)}`)).join('');
}

/** The invisible characters: `cleanText` drops them. */
export const INVISIBLE_CHARACTERS = CHARACTERS_TO_CLEAN.filter((r) => r.becomes === 'nothing');
