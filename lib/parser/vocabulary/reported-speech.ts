/**
 * Words that put what follows in someone else's mouth or wishes: "Mr X says the Council was at
 * fault", "He would like the Council to apologise". A sentence with one states no finding of the
 * Ombudsman's: the fault extractor reads no fault or injustice verdict from it (in the clause
 * before a fault's words, anywhere for a verdict), and the remedy extractors no remedy. One list
 * for all three, which had each kept its own (and they had drifted apart).
 *
 * Every row has an example, from a real decision (the seeds, test/corpus/) or close to one, that
 * without its reporting word would read as a fault, an injustice verdict or a remedy;
 * test/lib/vocabulary-rows.test.ts runs each through the parser and checks it gives none, and that
 * the same sentence with the row's words replaced does.
 */

export interface ReportedSpeechRow {
  /** Whole words or phrases, lower case, as a sentence's matchKey has them. */
  words: readonly string[];
  example: string;
}

export const REPORTED_SPEECH: readonly ReportedSpeechRow[] = [
  { words: ['said'], example: 'He said Ms D’s actions towards X also caused distress to Y.' },
  { words: ['says', 'say'], example: 'Mr and Mrs X say the Council was at fault and should apologise.' },
  { words: ['told'], example: 'Ms X told us what happened caused her significant distress and upset.' },
  { words: ['complained', 'complains'], example: 'Mr B complains the Council was at fault and should pay him £500.' },
  { words: ['argues', 'argued'], example: 'Mr C argued the Council was at fault for the delay.' },
  { words: ['claims', 'claimed'], example: 'Ms V claims the Council was at fault and caused her distress.' },
  {
    words: ['believes', 'believed'],
    example: 'I recognise Mr D believes the Council was at fault for not taking more formal action.',
  },
  { words: ['feels', 'felt'], example: 'Miss B felt the Council was at fault for not listening to her.' },
  { words: ['alleges', 'alleged'], example: 'Mr X alleges the Council was at fault in how it assessed his needs.' },
  { words: ['disagrees', 'disagreed'], example: 'Mrs Y disagreed, as the delay had caused her distress.' },
  {
    words: ['in response to my draft'],
    example: 'In response to my draft decision M stated there had been a huge injustice to Y as he had suffered further harm.',
  },
  { words: ['asked for'], example: 'Mr X asked for an apology and the Council has agreed to pay him £200.' },
  {
    words: ['wants', 'want'],
    example: 'They were caused distress and inconvenience and want to be compensated for their legal costs.',
  },
  {
    words: ['would like'],
    example: 'He would like the Council to agree to apologise, improve its procedures and pay compensation for his pain and suffering.',
  },
  {
    words: ['is seeking', 'seeks'],
    example: 'Ms X is seeking an apology and a financial payment, which the Council should now make.',
  },
];

/** Any of the rows' words, in a matchKey. */
export const REPORTED = new RegExp(String.raw`\b(?:${REPORTED_SPEECH.flatMap((r) => r.words).join('|')})\b`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { REPORTED };
