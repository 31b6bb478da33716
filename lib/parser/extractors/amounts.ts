/**
 * Sums of money in a sentence, in every way decisions and people write them. A wrong sum is worse
 * than none (it goes into totals and comparisons), so a number that could be read two ways, or
 * whose digits run on past what a wording knows ("£1.234", "£1,00", "£2bn"), gives no amount.
 *
 * Every wording is a row of AMOUNT_WORDINGS with an example sentence and what it must give;
 * test/lib/amounts.test.ts runs each row. Adding a wording is adding a row and its example.
 */

export interface Amount {
  /** In pounds, to the penny. */
  amount: number;
  /** Where the wording starts and ends in the sentence. */
  index: number;
  end: number;
}

/**
 * Digits as decisions write them: "500", "2000", "1,950", "2,500.50". The lookarounds refuse a
 * number that runs on ("1,00", "1.234", a digit before): read in part, it would be a wrong sum.
 */
const NUMBER = String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d]|[.,]\d)`;

/** Multipliers written after the digits: attached letters ("£1k", "£1.5m") or words ("£2 million"). */
const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6 };

function digits(whole: string, pence: string | undefined, multiplier = 1): number {
  const pounds = Number(whole.replace(/,/g, '')) + (pence ? Number(pence.padEnd(2, '0')) / 100 : 0);
  return Math.round(pounds * multiplier * 100) / 100;
}

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand', 'a']);

/** Longer than any sum in words a decision writes ("two thousand five hundred and seventy-five"). */
const LONGEST_WORDS = 80;

/**
 * The run of number words (and "and") that ends right before `end` in the sentence, and where it
 * starts: read word by word backwards. Null when there is none, or when it runs on past
 * LONGEST_WORDS (too long to be sure where it starts).
 */
export function wordsBefore(sentence: string, end: number): { words: string; index: number } | null {
  let index = end;
  for (;;) {
    const space = sentence.lastIndexOf(' ', index - 2);
    const raw = sentence.slice(space + 1, index - 1).toLowerCase();
    // "(five hundred pounds)": an opening bracket or quote starts the run.
    const opened = /^[(\u2018\u201C"']/.test(raw);
    const word = opened ? raw.slice(1) : raw;
    if (!word || !(word === 'and' || word.split('-').every((w) => NUMBER_WORDS.has(w)))) break;
    index = space + 1 + (opened ? 1 : 0);
    if (end - index > LONGEST_WORDS) return null;
    if (space < 0 || opened) break;
  }
  // A run starts with a number, not with "and".
  while (sentence.startsWith('and ', index) || sentence.startsWith('And ', index)) index += 4;
  return index < end ? { words: sentence.slice(index, end - 1), index } : null;
}

/**
 * A sum in words, "two hundred and fifty", "one thousand five hundred", "a hundred"; null when the
 * words are not one number written the usual way ("two three", "fifty twenty", "hundred thousand").
 */
export function wordsValue(words: string): number | null {
  const tokens = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and');
  let total = 0; // thousands already closed
  let hundreds = 0; // "two hundred" of the current group
  let small = 0; // below a hundred in the current group
  let last: 'a' | 'unit' | 'ten' | 'hundred' | 'thousand' | null = null;
  for (const word of tokens) {
    if (word === 'a') {
      if (last !== null) return null;
      small = 1;
      last = 'a';
    } else if (word in TENS) {
      if (small !== 0) return null;
      small = TENS[word]!;
      last = 'ten';
    } else if (word in UNITS) {
      // Only "twenty-five": a unit after a ten below twenty.
      if (small !== 0 && !(last === 'ten' && UNITS[word]! < 10)) return null;
      small += UNITS[word]!;
      last = 'unit';
    } else if (word === 'hundred') {
      if (small === 0 || small > 9 || hundreds !== 0) return null;
      hundreds = small * 100;
      small = 0;
      last = 'hundred';
    } else if (word === 'thousand') {
      if ((small === 0 && hundreds === 0) || total !== 0) return null;
      total = (hundreds + small) * 1000;
      hundreds = 0;
      small = 0;
      last = 'thousand';
    } else {
      return null;
    }
  }
  if (last === 'a' || last === null) return null;
  const value = total + hundreds + small;
  return value > 0 ? value : null;
}

// Not "£2 m": a spaced multiplier letter is too unsure to read either way.
const POUND_SIGN = new RegExp(String.raw`£\s?${NUMBER}(?![A-Za-z]|\s[kKmM]\b)`, 'g');
const POUND_SIGN_MULTIPLIED = new RegExp(String.raw`£\s?${NUMBER}(?:(k|m)|\s?(thousand|million))(?![A-Za-z])`, 'gi');
const POUNDS_AFTER = new RegExp(String.raw`${NUMBER}\s?pounds?\b`, 'gi');
const GBP = new RegExp(String.raw`\bGBP\s?${NUMBER}(?![A-Za-z])|${NUMBER}\s?GBP\b`, 'gi');
/** "pounds" after a space: the words before it are read by `wordsBefore`, not by a pattern (a run of number words would make one quadratic). */
const POUNDS_WORD = /\spounds?\b/gi;

const ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth';
/** The first payee of a list of sums ("pay the first family £300, ..."), before its sum. */
const FIRST_LISTED = new RegExp(String.raw`\bpay\s+(the\s+(?:${ORDINALS})\s+([a-z]+))\s*$`, 'i');
/** A later one, between two sums: ", the second", " and fourth". */
const NEXT_LISTED = new RegExp(String.raw`^(?:, ?|,? ?and )(?:the )?(${ORDINALS})$`, 'i');

/** For the ReDoS check (test/lib/regex-safety.test.ts). */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = {
  POUND_SIGN,
  POUND_SIGN_MULTIPLIED,
  POUNDS_AFTER,
  GBP,
  FIRST_LISTED,
  NEXT_LISTED,
};

export interface AmountWording {
  name: string;
  /** Global; its captures are what `value` reads. */
  pattern: RegExp;
  /** The sum, or null when the match is not one after all. */
  value: (m: RegExpExecArray) => number | null;
  /** Where the wording starts, when before the match (words read backwards from it). */
  start?: (m: RegExpExecArray) => number;
  example: string;
  /** What `readAmounts` gives for the example. */
  expected: number[];
}

export const AMOUNT_WORDINGS: readonly AmountWording[] = [
  {
    name: 'pound sign and digits, with thousands commas or pence',
    pattern: POUND_SIGN,
    value: (m) => digits(m[1]!, m[2]),
    example: 'The Council will pay Mrs X £1,950 for the lost provision, £509.81 arrears and £2000 for her distress.',
    expected: [1950, 509.81, 2000],
  },
  {
    name: 'pound sign, digits and a multiplier: k, m, thousand, million',
    pattern: POUND_SIGN_MULTIPLIED,
    value: (m) => digits(m[1]!, m[2], MULTIPLIERS[(m[3] ?? m[4])!.toLowerCase()]),
    example: 'It spent £1k on the review, £1.5m on the scheme and £2 million on the new home.',
    expected: [1000, 1500000, 2000000],
  },
  {
    name: 'digits then "pounds"',
    pattern: POUNDS_AFTER,
    value: (m) => digits(m[1]!, m[2]),
    example: 'The Council should pay Mr Y 500 pounds to remedy his distress.',
    expected: [500],
  },
  {
    name: 'GBP before or after the digits',
    pattern: GBP,
    value: (m) => (m[1] !== undefined ? digits(m[1], m[2]) : digits(m[3]!, m[4])),
    example: 'It agreed to pay GBP 500 to Ms Z and 250 GBP to her son.',
    expected: [500, 250],
  },
  {
    name: 'a sum in words then "pounds"',
    pattern: POUNDS_WORD,
    value: (m) => {
      const before = wordsBefore(m.input, m.index + 1);
      return before && wordsValue(before.words);
    },
    start: (m) => wordsBefore(m.input, m.index + 1)?.index ?? m.index,
    example: 'The Council will pay Mr X two hundred and fifty pounds, and one thousand pounds to his mother.',
    expected: [250, 1000],
  },
];

/**
 * Sentences where a careless reading would find a wrong sum: each must give exactly these amounts
 * (none, where nothing can be read for sure). test/lib/amounts.test.ts runs each row.
 */
export const AMOUNT_REFUSALS: ReadonlyArray<{ example: string; expected: number[]; why: string }> = [
  { example: 'It charged £1.234 for the call.', expected: [], why: 'three decimals: not pence' },
  { example: 'It owed £1,00 in fees.', expected: [], why: 'a thousands comma before two digits' },
  { example: 'The budget was £2bn.', expected: [], why: 'a multiplier this reader does not know' },
  { example: 'The budget was £2 m.', expected: [], why: 'a spaced multiplier letter' },
  { example: 'pay Mr X £500 (five hundred pounds) for his distress', expected: [500], why: 'a sum restated in words' },
  { example: 'Mrs X received two three pounds.', expected: [], why: 'words that are not one number' },
  {
    example: 'pay the first family £300, the second £100, the third £600 and fourth £500',
    expected: [300, 100, 600, 500],
    why: 'a comma after a sum is not a thousands comma',
  },
];

/** Every sum in the sentence, in order. Where two wordings overlap, the one starting first (then the longer) is read. */
export function readAmounts(sentence: string): Amount[] {
  // Most sentences name no money: one test rules them out.
  if (!/£|pound|gbp/i.test(sentence)) return [];
  const found: Amount[] = [];
  for (const wording of AMOUNT_WORDINGS) {
    wording.pattern.lastIndex = 0;
    for (let m = wording.pattern.exec(sentence); m; m = wording.pattern.exec(sentence)) {
      const amount = wording.value(m);
      if (amount !== null) found.push({ amount, index: wording.start?.(m) ?? m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: Amount[] = [];
  for (const a of found) {
    const previous = out[out.length - 1];
    if (previous && a.index < previous.end) continue;
    // "£500 (five hundred pounds)": the same sum said twice is one sum.
    if (previous && previous.amount === a.amount && /^\s*\($/.test(sentence.slice(previous.end, a.index))) continue;
    out.push({ amount: a.amount, index: a.index, end: a.end });
  }
  return out;
}

/**
 * The payee of each sum of a list after one "pay": "pay the first family £300, the second £100, the
 * third £600 and fourth £500". A bare ordinal takes the first payee's noun ("the second family").
 * Null for every sum when the sentence is not such a list.
 */
export function listedPayees(sentence: string, amounts: Amount[]): (string | null)[] {
  const none = amounts.map(() => null);
  if (amounts.length < 2) return none;
  const first = FIRST_LISTED.exec(sentence.slice(0, amounts[0]!.index));
  if (!first) return none;
  const payees: string[] = [first[1]!.replace(/\s+/g, ' ')];
  for (let i = 1; i < amounts.length; i++) {
    const next = NEXT_LISTED.exec(sentence.slice(amounts[i - 1]!.end, amounts[i]!.index).trim());
    if (!next) return none;
    payees.push(`the ${next[1]!.toLowerCase()} ${first[2]!}`);
  }
  return payees;
}
