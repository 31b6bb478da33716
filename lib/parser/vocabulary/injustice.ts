/**
 * What a decision says about injustice, as data: that the fault was remedied, that it caused
 * injustice (in that word, or in the harm it names: distress, time and trouble...), or that it
 * caused none. A fault whose group has no such sentence keeps injustice "unstated"; so does one
 * whose only verdict is a hypothesis ("If the fault caused injustice...": vocabulary/fault-findings'
 * hypothesis words). The fault extractor builds its patterns from these rows once, at load.
 *
 * `words`: as in vocabulary/fault-findings, pieces of text every match of the row holds; the
 * sentence index's verdict gate is made of them. Every row has an example from a real decision
 * where one was found; test/lib/vocabulary-rows.test.ts puts each after a fault in a decision's findings
 * and checks the fault's injustice is the row's.
 */

export interface InjusticeRow {
  pattern: RegExp;
  words: readonly string[];
  example: string;
}

/** The injustice was remedied (or is being): an explicit verdict. */
export const REMEDIED: readonly InjusticeRow[] = [
  {
    pattern: /\b(?:appropriate|suitable|adequate|sufficient|proportionate|fair|reasonable) remedy\b/,
    words: ['remed'],
    example: 'It has apologised, which I consider is an appropriate remedy for the injustice caused to Mr X.',
  },
  {
    pattern: /\bha(?:s|ve|d) (?:now |already )?(?:remedied|resolved|put right)\b/,
    words: ['remed', 'resolved', 'put right'],
    example: 'The Council has now put right the delay by holding the review.',
  },
  {
    pattern: /\bresolved (?:[a-z']+ ){0,3}injustice\b/,
    words: ['resolved'],
    example: 'Consequently, the Council has resolved her injustice and no further action is needed.',
  },
  {
    pattern: /\balready (?:apologised|remedied|put (?:this|it) right|paid|offered)\b/,
    words: ['already'],
    example: 'The Council already apologised to Mrs X for the delay.',
  },
  {
    pattern: /\bremedied (?:the|this|her|his|their|any) injustice\b/,
    words: ['remed'],
    example: 'The payment the Council made in March remedied the injustice to Mr Y.',
  },
  {
    pattern: /\bno further (?:action|remedy) is (?:needed|required|necessary)\b/,
    words: ['no further'],
    example: 'The Council has since reviewed the plan, so no further action is needed.',
  },
];

/** The word itself: injustice caused, unless a negation or hypothesis leads up to it. */
export const INJUSTICE_WORD: InjusticeRow = {
  pattern: /\binjustice\b/,
  words: ['injustice'],
  example: 'The faults caused injustice to Mr C.',
};

/** Injustice in so many words, denied: "without causing any injustice". */
export const NO_INJUSTICE: InjusticeRow = {
  pattern: /\bwithout (?:causing )?(?:any |significant )?injustice\b/,
  words: ['injustice'],
  example: 'The Council delayed the review by a week, without causing any injustice to Miss B.',
};

/**
 * The harms a fault can cause, named without the word injustice: a weak verdict, which settles
 * the faults before it only if no explicit one follows in their group.
 */
export const HARMS: readonly InjusticeRow[] = [
  { pattern: /distress\w*/, words: ['distress'], example: 'It caused unnecessary distress.' },
  {
    pattern: /anxious|anxiety/,
    words: ['anxi'],
    example: 'M and Mr X were clearly anxious about Y and a clearly recorded decision would have alleviated this.',
  },
  { pattern: /upset\w*/, words: ['upset'], example: 'The Council’s failure to reply left Mrs X upset and confused.' },
  { pattern: /worry|worried/, words: ['worr'], example: 'The delay caused Miss B worry about her children’s safety.' },
  {
    pattern: /frustrat\w*/,
    words: ['frustrat'],
    example: 'The confusion it caused has added unnecessary frustration.',
  },
  { pattern: /uncertainty/, words: ['uncertain'], example: 'This left Mr and Mrs X in uncertainty about their niece’s allowance.' },
  { pattern: /time and trouble/, words: ['trouble'], example: 'Mr X was put to time and trouble pursuing his complaint.' },
  { pattern: /lost (?:the |an )?opportunity/, words: ['opportunit'], example: 'Mr X therefore lost the opportunity to appeal.' },
  { pattern: /avoidable/, words: ['avoidable'], example: 'The delay caused Mrs B avoidable confusion.' },
  { pattern: /outrage/, words: ['outrage'], example: 'Mr D was caused outrage by the way the Council treated him.' },
];

/** Every row, for the word gate. */
export const INJUSTICE_ROWS: readonly InjusticeRow[] = [...REMEDIED, INJUSTICE_WORD, NO_INJUSTICE, ...HARMS];

/**
 * Injustice as a hypothesis, not a verdict: the fault keeps injustice "unstated". The words that
 * make it one are vocabulary/fault-findings' hypothesis row.
 */
export const HYPOTHETICAL_INJUSTICE = {
  example: 'If there has been fault which has caused an injustice, we may suggest a remedy.',
};
