/**
 * How a decision states a finding of fault, as data, and the words that make such a wording no
 * finding: a negation ("I have not found the Council at fault") or a hypothesis ("If there has
 * been fault..."); someone else's view is vocabulary/reported-speech. The fault extractor builds its
 * patterns from these rows once, at load.
 *
 * `words`: pieces of text every match of the row's pattern holds (in the sentence's matchKey). The
 * sentence index finds them in every sentence (sentences/sentence-words), and the fault extractor
 * runs no pattern on a sentence without one, so a row's pattern can match only through its words.
 * Every row has an example from a real decision where one was found; test/lib/vocabulary-rows.test.ts
 * runs each through the parser (with the word gate) and checks a fault is read from it, and that
 * its match holds one of its words.
 */

export interface FaultFindingRow {
  pattern: RegExp;
  words: readonly string[];
  example: string;
}

/** Statements of fault. All bounded, no nested quantifiers. */
export const FAULT_FINDINGS: readonly FaultFindingRow[] = [
  { pattern: /\bat fault\b/, words: ['fault'], example: 'The Council was at fault in that it did not advise Mr X of his appeal rights.' },
  {
    pattern: /\b(?:is|was|were|are|been|be)\s+(?:[a-z]+\s+){0,2}?fault\b(?!s)/,
    words: ['fault'],
    example: 'But there was fault in how the Council then undertook that assessment.',
  },
  {
    pattern: /\bfind(?:s|ing)?\s+(?:further\s+|some\s+)?fault\b/,
    words: ['fault'],
    example: 'I find fault with the Council for the delay in holding the conference.',
  },
  {
    pattern: /\bfound\s+(?:further\s+|some\s+)?fault\b/,
    words: ['fault'],
    example: 'I have seen no good reason for these delays, so I have found fault with the Council.',
  },
  {
    pattern: /\bfinding of fault\b/,
    words: ['fault'],
    example: 'That was wrong and justifies a finding of fault against the Council.',
  },
  {
    pattern: /\bpoor administrative practice\b/,
    words: ['poor admin'],
    example:
      'However, it was poor administrative practice for the Council to have imposed such a sanction without reference to any policy used for such purposes.',
  },
  {
    pattern: /\b(?:is|was|amounts? to|constitutes?|found)\s+maladministration\b/,
    words: ['maladmin'],
    example: 'The Council’s failure to review the plan for two years was maladministration.',
  },
  {
    pattern: /\bservice failure by the\b/,
    words: ['failure by'],
    example: 'This was a service failure by the Care Provider, which caused Mrs Y distress.',
  },
];

export interface NotAFindingRow {
  /** What the words make of a fault's wording in the clause before it. */
  kind: 'negation' | 'hypothesis';
  /** Whole words, in a matchKey ("n't" ends a word). */
  words: readonly string[];
  /** A sentence whose fault wording is no finding, by one of the row's words. */
  example: string;
}

export const NOT_A_FINDING: readonly NotAFindingRow[] = [
  {
    kind: 'negation',
    words: ['no', 'not', 'nor', 'never', 'cannot', 'neither'],
    example: 'I am not finding the Council at fault for providing incomplete evidence to Council 2.',
  },
  { kind: 'negation', words: ["n't"], example: 'I don’t find the Council at fault for the way it ran the meeting.' },
  {
    kind: 'hypothesis',
    words: ['if', 'whether', 'unless', 'alleged', 'allegation', 'may', 'might', 'could', 'would'],
    example: 'If we were to investigate this complaint, it is likely that we would find fault.',
  },
];

/** The words of the rows of a kind, as an alternation's source (n't has no \b before it). */
export function notAFindingSource(kind: NotAFindingRow['kind']): string {
  const words = NOT_A_FINDING.filter((r) => r.kind === kind).flatMap((r) => r.words);
  const whole = words.filter((w) => !w.startsWith("n'"));
  const endings = words.filter((w) => w.startsWith("n'"));
  return [`\\b(?:${whole.join('|')})\\b`, ...endings.map((w) => `${w}\\b`)].join('|');
}
