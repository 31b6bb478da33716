/**
 * How decisions state their outcome, as data: the labels of the header's Decision line, and the
 * wordings of summaries (and of the older reports' Finding) that a page without a Decision line is
 * read by. Every row has an example from a real decision or label; test/lib/vocabulary.test.ts runs
 * each example through the matching function and checks the row's kind.
 *
 * Patterns are tested against the text's matchKey (lower case, quotes folded to ' and ").
 * Adding a wording is adding a row and its example.
 */
import type { OutcomeKind } from '../../schema';

export type KnownOutcome = Exclude<OutcomeKind, 'other'>;

export interface OutcomeRow {
  pattern: RegExp;
  kind: KnownOutcome;
  /** A text that the row reads, as a page prints it. */
  example: string;
}

/** What each kind is called when the page prints no label and the kind was read from the wording. */
export const OUTCOME_KIND_LABELS: Record<KnownOutcome, string> = {
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  'closed-after-initial-enquiries': 'Closed after initial enquiries',
};

/**
 * The Decision line's labels, read from the label's start. The site prints `Upheld`, `Not upheld`
 * and `Closed after initial enquiries` (../shared/docs/lgsco-decision-pages.md); older pages and
 * copies qualify them or use the Ombudsman's older outcome names. "Not investigated" is not a
 * finding of no fault: the Ombudsman decided not to investigate, which is what "closed after
 * initial enquiries" records, so it is read as that. A label none of these rows reads (the
 * complainant "Withdrawn" a complaint) keeps its words, with the kind `other`.
 */
export const OUTCOME_LABELS: readonly OutcomeRow[] = [
  { pattern: /^not upheld/, kind: 'not-upheld', example: 'Not upheld' },
  { pattern: /^not upheld/, kind: 'not-upheld', example: 'Not upheld: no maladministration' },
  { pattern: /^no (fault|maladministration)/, kind: 'not-upheld', example: 'No maladministration' },
  { pattern: /^upheld/, kind: 'upheld', example: 'Upheld' },
  { pattern: /^upheld/, kind: 'upheld', example: 'Upheld: maladministration and injustice' },
  { pattern: /^(fault|maladministration)\b/, kind: 'upheld', example: 'Maladministration and injustice' },
  { pattern: /^injustice remedied/, kind: 'upheld', example: 'Injustice remedied during enquiries' },
  { pattern: /^closed after initial/, kind: 'closed-after-initial-enquiries', example: 'Closed after initial enquiries' },
  { pattern: /^not investigated/, kind: 'closed-after-initial-enquiries', example: 'Not investigated' },
  { pattern: /^premature/, kind: 'closed-after-initial-enquiries', example: 'Premature' },
  { pattern: /^(outside|out of) jurisdiction/, kind: 'closed-after-initial-enquiries', example: 'Outside jurisdiction' },
  { pattern: /^(investigation )?discontinued/, kind: 'closed-after-initial-enquiries', example: 'Investigation discontinued' },
  { pattern: /^referred back for local resolution/, kind: 'closed-after-initial-enquiries', example: 'Referred back for local resolution' },
];

/**
 * Summary and finding wordings, in the order they are tried: a decision not to investigate first
 * (its summary may go on to say there is "insufficient evidence of fault"), then fault found (a
 * summary that finds fault on one point and none on another is upheld), then no fault. The fault
 * patterns are written so that a negated form ("have not found the Council at fault", "found no
 * fault") does not match them.
 */
export const OUTCOME_WORDINGS: readonly OutcomeRow[] = [
  {
    pattern:
      /\b(we|i|the ombudsman|the ombudsmen) (will|shall|should|cannot|can not|can't|did|do|does|would) not (investigate|start an investigation|be investigating)/,
    kind: 'closed-after-initial-enquiries',
    example:
      'We will not investigate this complaint about a housing benefit overpayment because the complainant could have appealed to the tribunal.',
  },
  {
    pattern: /\bwe cannot investigate/,
    kind: 'closed-after-initial-enquiries',
    example: 'We cannot investigate this complaint about the Council leaving a child with his father rather than removing him.',
  },
  {
    pattern: /\b(we|i) (have )?decided not to (investigate|start)/,
    kind: 'closed-after-initial-enquiries',
    example: 'We have decided not to investigate this complaint as it does not meet the tests set out in our Assessment Code.',
  },
  {
    pattern: /\b(we|i) (have )?discontinued (our|my|the|this) investigation|\binvestigation (was|has been|is) discontinued/,
    kind: 'closed-after-initial-enquiries',
    example: 'We have discontinued our investigation because the Council has agreed to review its decision.',
  },
  {
    pattern: /\b(we|i) (have )?(ended|stopped|closed) (our|my|the|this) (investigation|enquiries)\b/,
    kind: 'closed-after-initial-enquiries',
    example: 'We have ended our investigation because the Council has now agreed to carry out a new assessment.',
  },
  {
    pattern: /\bwe have no (power|jurisdiction)|\boutside (our|the ombudsman's) jurisdiction|\bnot investigated\b/,
    kind: 'closed-after-initial-enquiries',
    example: 'The complaint is outside our jurisdiction because Mr X has appealed to the tribunal.',
  },
  {
    pattern: /\b(complaint|it) is premature\b/,
    kind: 'closed-after-initial-enquiries',
    example: 'The complaint is premature because the Council has not had the chance to respond to it.',
  },
  {
    pattern: /\b(ombudsman|ombudsmen|we|i) (uphold|upholds|upheld|have upheld|has upheld)\b/,
    kind: 'upheld',
    example: 'The Ombudsman upholds the complaint.',
  },
  {
    pattern: /\b(complaints?|it) (is|are|was|were|has been|have been) (partly |partially )?upheld\b/,
    kind: 'upheld',
    example: 'Mrs X’s complaint is upheld: the Council delayed issuing her son’s Education, Health and Care Plan.',
  },
  {
    pattern: /\b(we|i|the ombudsman) (partly |partially )(uphold|upholds|upheld)\b/,
    kind: 'upheld',
    example: 'We partly uphold Mr Y’s complaint about the Council’s handling of his planning application.',
  },
  {
    pattern: /\bupheld (the|this|these|mr|mrs|ms|miss|her|his|their) /,
    kind: 'upheld',
    example: 'We have upheld Mrs X’s complaint because the Council has delayed issuing an Education Health and Care Plan.',
  },
  {
    pattern: /(?<!\bnot |\bno )\b(found|find|finds|finding) (some |significant )?fault/,
    kind: 'upheld',
    example: 'The Ombudsman finds fault with the Council which has caused injustice to Mr X.',
  },
  {
    pattern: /(?<!\bnot )\b(found|find|finds) (the|a|an|that the|that a) [^.]{1,60}? (was |were |is |are )?(?<!\bnot )at fault\b/,
    kind: 'upheld',
    example: 'We found the Council at fault.',
  },
  {
    pattern: /\b(was|were|is|are) (also )?at fault\b|\b(was|were|is) a fault\b/,
    kind: 'upheld',
    example: 'The Council was a fault for delay in issuing the plan.',
  },
  {
    pattern: /\bthere (is|was|has been) (some )?fault\b|\bthis (is|was) fault\b/,
    kind: 'upheld',
    example: 'There was fault in the Council’s handling of the recovery of a housing benefit overpayment.',
  },
  {
    pattern:
      /(?<!\bno |evidence of )\bfault (by|causing|which caused|which has caused)\b|\bmaladministration causing\b|\bwas service failure\b/,
    kind: 'upheld',
    example: 'We found fault by Harbour Healthcare with regards to the care it provided to Mr Y.',
  },
  {
    pattern: /\b(found|find|finds) no (evidence of )?fault|\bno evidence of (\w+ )?fault\b/,
    kind: 'not-upheld',
    example: 'The Ombudsman finds no evidence of fault by the Council.',
  },
  {
    pattern:
      /\b(have|has|did|do|does) not (found|find) (any )?fault\b|\b(have|has|did|do|does) not (found|find) (the|a|an) [^.]{1,60}? at fault\b/,
    kind: 'not-upheld',
    example: 'We have not found the Council at fault.',
  },
  {
    pattern: /\bthere (is|was) no fault\b|\bnot at fault\b|\bwithout fault\b/,
    kind: 'not-upheld',
    example: 'The Ombudsman’s decision is there was no fault by the Council.',
  },
  {
    pattern: /\b(we|i|the ombudsman) (do|does|did) not uphold\b|\bnot upheld\b/,
    kind: 'not-upheld',
    example: 'We do not uphold Mr X’s complaint.',
  },
];

/** The first row whose pattern the key matches. */
export function matchOutcome(rows: readonly OutcomeRow[], key: string): OutcomeRow | null {
  for (const row of rows) if (row.pattern.test(key)) return row;
  return null;
}
