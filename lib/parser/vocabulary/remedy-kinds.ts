/**
 * The words that say what kind of remedy an agreed action is, as data. A sentence is of every kind
 * one of whose rows its matchKey matches (an apology and a payment in one sentence are two remedies).
 * Every row has an example from a real decision (the seeds, test/corpus/); test/lib/vocabulary.test.ts
 * runs each through `remedyKindsOf` and checks the row's kind is among those it gives.
 */
import type { RemedyKind } from '../../schema';

export type NamedRemedyKind = Exclude<RemedyKind, 'other'>;

export interface RemedyKindRow {
  pattern: RegExp;
  kind: NamedRemedyKind;
  example: string;
}

/** The order kinds are listed in when one sentence gives several. */
export const REMEDY_KIND_ORDER: readonly NamedRemedyKind[] = ['apology', 'refund', 'payment', 'reassessment', 'service-improvement'];

export const REMEDY_KINDS: readonly RemedyKindRow[] = [
  { pattern: /\bapologi[sz]\w*/, kind: 'apology', example: 'The Council has agreed to apologise to Mr B and pay him a financial remedy.' },
  {
    pattern: /\bapolog(?:y|ies)\b/,
    kind: 'apology',
    example: 'Provide a written apology to Mr C accepting the findings of this investigation.',
  },

  {
    pattern: /\b(?:refund\w*|reimburs\w*|repay\w*)/,
    kind: 'refund',
    example: 'The Council agreed to reimburse Mr X the £235 enforcement fee.',
  },
  {
    pattern: /\b(?:waive\w*|write off|writes off|written off|writing off)\b/,
    kind: 'refund',
    example: 'It has agreed to waive outstanding fees of £181.',
  },
  {
    pattern: /\bbackdat\w*/,
    kind: 'refund',
    example: 'The Council should backdate its payments to the date it accepted Ms K’s daughter had eligible care needs.',
  },

  {
    pattern: /\bpay\b|\bpays\b|\bpaying\b|\bpayment\b/,
    kind: 'payment',
    example: 'Pay Mr C £500 in recognition of his distress and time and trouble.',
  },
  {
    pattern: /\bsymbolic\b|\backnowledg\w* (?:payment|sum)\b/,
    kind: 'payment',
    example: 'The Council will apologise and make a symbolic payment to Ms X.',
  },

  {
    pattern: /\bre-?assess\w*|\bfresh (?:decision|assessment|review)|\bre-?consider\w*|\bre-?investigat\w*/,
    kind: 'reassessment',
    example: 'The authorities agreed to our recommendations and will reassess Miss G’s needs.',
  },
  {
    pattern: /\bnew (?:appeal|assessment|decision|review|hearing)\b|\bmake new [a-z ]{0,40}?decisions\b/,
    kind: 'reassessment',
    example: 'make new school transport decisions for families three of the four families',
  },
  {
    pattern:
      /\breview (?:its|the|his|her|their|mr \w+'s|ms \w+'s|mrs \w+'s|miss \w+'s) (?:decisions?|cases?|assessments?|care|needs|eligibility|applications?|charges?)\b/,
    kind: 'reassessment',
    example: 'review the decisions it made on the additional nine appeals it identified during the investigation',
  },
  {
    pattern: /\breconven\w*|\bmanagement review\b|\bstage (?:2|two) (?:investigation|complaint)\b|\bre-?open\w*|\bre-?hear\w*/,
    kind: 'reassessment',
    example:
      'hold a management review to look at the impact of our findings on the decisions and placements made for the two older children.',
  },

  {
    pattern: /\baction plan\b|\btrain\w*|\bremind\w*/,
    kind: 'service-improvement',
    example: 'Within two months, the Council has agreed to provide us with an action plan.',
  },
  {
    pattern:
      /\bguidance (?:to|for) (?:its )?(?:staff|officers|employees)|\b(?:staff|personnel|officers|employees|social workers|caseworkers)\b/,
    kind: 'service-improvement',
    example: 'the Council will have taken steps to ensure that all relevant personnel are familiar with the policy',
  },
  {
    pattern: /\breview (?:its|their|the council's|how it)\b|\b(?:policy|policies|procedures?|practice|processes)\b/,
    kind: 'service-improvement',
    example: 'review its school transport appeal procedure.',
  },
  {
    pattern: /\blearning\b|\bimprove\w*|\bin future\b|\bproperly record\w*|\bproper records?\b|\bsimilarly affected\b/,
    kind: 'service-improvement',
    example: 'ensure it properly records requests for section 17 child in need support',
  },
];

/** The kinds a sentence's matchKey names, in REMEDY_KIND_ORDER. */
export function remedyKindsOf(key: string): NamedRemedyKind[] {
  return REMEDY_KIND_ORDER.filter((kind) => REMEDY_KINDS.some((row) => row.kind === kind && row.pattern.test(key)));
}
