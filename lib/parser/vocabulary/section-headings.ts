/**
 * The headings that divide a decision into its sections, as data, with the layouts they appear
 * in: the site's decision statements ('decision': "The complaint", "What I found", "Agreed
 * action"...) and the older public-interest reports ('report': "Summary", "The complaint",
 * "Finding", "Recommendations"); both front ends (text and HTML) read them the same way. Then the
 * lines that are not the decision: the page's furniture, the sign-off that ends the statement, and
 * the line that introduces the summary.
 *
 * Patterns are tested against a heading's key (page-vocabulary's `headingKey`: the matchKey
 * without a final ':' or '.'), from its start to its end. Every row has examples from real
 * decisions (the seeds, test/corpus/); test/lib/vocabulary-rows.test.ts puts each in a real decision of
 * its layout and checks the text front end gives the section the row's role (or, for a line, leaves
 * it out of the statement).
 */
import type { SectionRole } from '../model';

export type Layout = 'decision' | 'report';

export interface SectionHeadingRow {
  pattern: RegExp;
  role: SectionRole;
  /** The layouts the examples come from, each example with its layout. */
  examples: readonly { heading: string; layout: Layout }[];
}

export const SECTION_HEADINGS: readonly SectionHeadingRow[] = [
  { pattern: /^summary$/, role: 'summary', examples: [{ heading: 'Summary', layout: 'report' }] },
  {
    pattern: /^the complaints?$/,
    role: 'complaint',
    examples: [
      { heading: 'The complaint', layout: 'decision' },
      { heading: 'The complaint', layout: 'report' },
    ],
  },
  {
    pattern: /^what i (have|will|did)( and have not| not)? investigat(ed|e)$/,
    role: 'investigated',
    examples: [
      { heading: 'What I have investigated', layout: 'decision' },
      { heading: 'What I have and have not investigated', layout: 'decision' },
    ],
  },
  {
    pattern: /^what (i|we) (have|will) not investigat(ed|e)$/,
    role: 'investigated',
    examples: [{ heading: 'What I have not investigated', layout: 'decision' }],
  },
  {
    pattern: /^the ombudsm[ae]n'?s'? role( and powers)?$/,
    role: 'role',
    examples: [
      { heading: 'The Ombudsman’s role and powers', layout: 'decision' },
      { heading: 'The Ombudsmen’s role and powers', layout: 'decision' },
    ],
  },
  {
    pattern: /^(legal and administrative background|relevant law and guidance)$/,
    role: 'role',
    examples: [
      { heading: 'Legal and administrative background', layout: 'decision' },
      { heading: 'Relevant law and guidance', layout: 'decision' },
    ],
  },
  {
    pattern: /^how (i|we) considered (this|the|these) complaints?$/,
    role: 'considered',
    examples: [{ heading: 'How I considered this complaint', layout: 'decision' }],
  },
  {
    pattern: /^(what (i|we) found|my assessment|our assessment|assessment|findings?|my findings|analysis|conclusions?)$/,
    role: 'findings',
    examples: [
      { heading: 'What I found', layout: 'decision' },
      { heading: 'My assessment', layout: 'decision' },
      { heading: 'Finding', layout: 'report' },
    ],
  },
  {
    pattern: /^(agreed actions?|recommended actions?|recommendations?|remedy|action)$/,
    role: 'action',
    examples: [
      { heading: 'Agreed action', layout: 'decision' },
      { heading: 'Recommended action', layout: 'decision' },
      { heading: 'Recommendations', layout: 'report' },
    ],
  },
  {
    pattern: /^(final decision|decision|conclusion and final decision)$/,
    role: 'final',
    examples: [{ heading: 'Final decision', layout: 'decision' }],
  },
  {
    pattern: /^parts of the complaints? (that )?(i|we) did not investigate$/,
    role: 'not-investigated',
    examples: [{ heading: 'Parts of the complaint that I did not investigate', layout: 'decision' }],
  },
];

/**
 * Sub-headings that, inside the findings, name no new section ("Analysis" under "What I found"):
 * the findings go on under them.
 */
export const FINDINGS_SUBHEADINGS = {
  pattern: /^(findings?|my findings|analysis|assessment|conclusions?)$/,
  examples: ['Analysis', 'Findings', 'Conclusions'],
};

export type LineKind = 'sign-off' | 'chrome' | 'final-decision-intro';

export interface PageLineRow {
  pattern: RegExp;
  kind: LineKind;
  examples: readonly string[];
}

/**
 * Lines that are not the statement: the page's furniture (left out), the sign-off (the statement
 * ends there: what follows is the site's), and "The Ombudsman's final decision:", which introduces
 * the summary and is no section. The patterns are disjoint, and none matches a key longer than
 * page-vocabulary's MAX_LINE_KEY.
 */
export const PAGE_LINES: readonly PageLineRow[] = [
  {
    pattern:
      /^(investigator'?s?|assistant ombudsman'?s?|deputy ombudsman'?s?|ombudsman'?s?)?\s*(final )?decision on behalf of the (local government and social care )?ombudsm[ae]n$/,
    kind: 'sign-off',
    examples: [
      "Investigator's decision on behalf of the Ombudsman",
      'Final decision on behalf of the Local Government and Social Care Ombudsman',
    ],
  },
  {
    pattern: /^(back to top|print this page|lgo logogram|skip to (main )?content)$/,
    kind: 'chrome',
    examples: ['Back to top', 'Print this page', 'Skip to main content'],
  },
  { pattern: /^the ombudsm[ae]n'?s'? final decision$/, kind: 'final-decision-intro', examples: ['The Ombudsman’s final decision:'] },
];
