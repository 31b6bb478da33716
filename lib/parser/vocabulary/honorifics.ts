/**
 * The titles decisions give people before the letter that stands for their name ("Mr X", "Mrs B",
 * "Mr and Mrs X"): the complainant's pseudonym is read by them, a remedy's payee, and in a copy
 * without list numbers, a line that opens with one starts a paragraph. One list for the three,
 * which had each kept its own ("Mr & Mrs" was read in one and not the others).
 *
 * Every row has an example from a real decision (the seeds, test/corpus/) where one was found;
 * test/lib/vocabulary-rows.test.ts reads each as a complainant and as a payee through the parser.
 */

export interface HonorificRow {
  /** As written, in the order tried: a longer title before one it starts with ("Mrs" before "Mr"). */
  title: string;
  /** A sentence that names someone with it, as a decision's complaint section does. */
  example: string;
}

export const HONORIFICS: readonly HonorificRow[] = [
  {
    title: 'Mr and Mrs',
    example:
      'Mr and Mrs X complains about the Council’s decision to stop Special Guardianship Allowance payments in respect of their niece.',
  },
  { title: 'Mr & Mrs', example: 'Mr & Mrs X complain about the Council’s decision to stop Special Guardianship Allowance payments.' },
  { title: 'Mrs', example: 'Mrs X complains that the Council delayed issuing her son’s Education, Health and Care Plan.' },
  { title: 'Mr', example: 'Mr C complains about how the Council handled the assessment of his children.' },
  { title: 'Ms', example: 'Ms V complains that the Council failed to share information with another council.' },
  {
    title: 'Miss',
    example: 'The complainant, whom I refer to as Miss B, complains about how the Council managed risk to her children from their father.',
  },
  { title: 'Mx', example: 'Mx Y complains that the Council did not assess their needs.' },
  { title: 'Dr', example: 'Dr Z complains that the Council did not deal with his planning objection.' },
];

/** Any of the titles, as a pattern source: "(?:Mr and Mrs|Mr & Mrs|Mrs|Mr|Ms|Miss|Mx|Dr)". */
export const HONORIFIC_SOURCE = `(?:${HONORIFICS.map((r) => r.title).join('|')})`;
