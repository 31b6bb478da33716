/**
 * The visible words that give a decision page its structure: title pattern,
 * header labels, section headings, page chrome. Both front ends find structure
 * by this text first and use ids and classes only as hints, because no saved
 * HTML of the live site was available when this was written (see
 * ../shared/docs/lgsco-decision-pages.md, "Markup").
 */
import type { SectionRole } from '../model';
import { isClean, matchKey } from './text-normalise';

/** `Organisation (YY NNN NNN)`, joint cases with a letter suffix. */
export const TITLE_PATTERN = /^(\S.{0,200}?) \((\d{2} \d{3} \d{3}[a-z]?)\)$/;

export function parseTitle(text: string): { authority: string; reference: string } | null {
  // Most headings and lines are ruled out by their last character, before any copy is made (the
  // replace and trim below change only spaces, what trimEnd removes).
  if (!text.trimEnd().endsWith(')')) return null;
  const m = TITLE_PATTERN.exec(isClean(text) ? text : text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return { authority: m[1]!.trim(), reference: m[2]! };
}

const SECTION_ROLES: ReadonlyArray<[RegExp, SectionRole]> = [
  [/^summary$/, 'summary'],
  [/^the complaints?$/, 'complaint'],
  [/^what i (have|will|did)( and have not| not)? investigat(ed|e)$/, 'investigated'],
  [/^what (i|we) (have|will) not investigat(ed|e)$/, 'investigated'],
  [/^the ombudsm[ae]n'?s'? role( and powers)?$/, 'role'],
  [/^(legal and administrative background|relevant law and guidance)$/, 'role'],
  [/^how (i|we) considered (this|the|these) complaints?$/, 'considered'],
  [/^(what (i|we) found|my assessment|our assessment|assessment|findings?|my findings|analysis|conclusions?)$/, 'findings'],
  [/^(agreed actions?|recommended actions?|recommendations?|remedy|action)$/, 'action'],
  [/^(final decision|decision|conclusion and final decision)$/, 'final'],
  [/^parts of the complaints? (that )?(i|we) did not investigate$/, 'not-investigated'],
];

/** Sub-headings that name a findings section would otherwise start a new one. */
const FINDINGS_SUBHEADINGS = /^(findings?|my findings|analysis|assessment|conclusions?)$/;

/** Where the text's final run of ':' and '.' starts: its length when it ends in neither. */
function endBeforeStops(text: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === '.')) end--;
  return end;
}

export function headingKey(text: string): string {
  const key = matchKey(text);
  // Most keys do not end in ':' or '.', and then are trimmed already (matchKey trims, and folding
  // makes no spaces).
  const end = endBeforeStops(key);
  return end === key.length ? key : key.slice(0, end).trim();
}

/** The role a heading gives its section, or null for a free sub-heading. */
export function sectionRole(heading: string, current: SectionRole | null): SectionRole | null {
  return keyRole(headingKey(heading), current);
}

/** `sectionRole` of a heading whose `headingKey` the caller already has. */
export function keyRole(key: string, current: SectionRole | null): SectionRole | null {
  if (current === 'findings' && FINDINGS_SUBHEADINGS.test(key)) return null;
  for (const [pattern, role] of SECTION_ROLES) if (pattern.test(key)) return role;
  return null;
}

/** Lines that are page furniture, not the decision. */
const CHROME = /^(back to top|print this page|lgo logogram|skip to (main )?content)$/;
/** The line that closes the statement; everything after it is site chrome. */
const SIGN_OFF =
  /^(investigator'?s?|assistant ombudsman'?s?|deputy ombudsman'?s?|ombudsman'?s?)?\s*(final )?decision on behalf of the (local government and social care )?ombudsm[ae]n$/;
/** "The Ombudsman's final decision:" introduces the summary; it is not a section. */
const FINAL_DECISION_INTRO = /^the ombudsm[ae]n'?s'? final decision$/;
/**
 * Longer than any key the three patterns above match (the longest, a sign-off, is under 100
 * characters). Keep it so when changing them: `lineKind` relies on it.
 */
const MAX_LINE_KEY = 200;

export function isChrome(text: string): boolean {
  return CHROME.test(headingKey(text));
}

/**
 * What a line of text already through `cleanText` is, of the three kinds above (their patterns
 * are disjoint): one `headingKey` for the three checks, and none for a long block (the DOM walk
 * meets whole containers), whose key could match none of them.
 */
export function lineKind(clean: string): 'sign-off' | 'chrome' | 'final-decision-intro' | null {
  // The key keeps every character of clean text but a final run of ':' and '.' and the one
  // space before it (lower-casing never shortens a string).
  if (endBeforeStops(clean) - 1 > MAX_LINE_KEY) return null;
  const key = headingKey(clean);
  if (SIGN_OFF.test(key)) return 'sign-off';
  if (CHROME.test(key)) return 'chrome';
  if (FINAL_DECISION_INTRO.test(key)) return 'final-decision-intro';
  return null;
}

export interface HeaderLine {
  field: 'category' | 'decision' | 'decisionDate' | 'satisfied' | 'summary';
  value: string;
}

/** "Category : X > Y", "Decision : Upheld", "Decision date : 06 Jun 2024", "Summary: ...". */
export function parseHeaderLine(line: string): HeaderLine | null {
  const m = /^\s*(category|decision date|date of decision|decision|summary|ombudsman satisfied with [^:]{1,60}?response)\s*:\s*(.*)$/i.exec(
    line,
  );
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (label === 'category') return { field: 'category', value };
  if (label === 'decision date' || label === 'date of decision') return { field: 'decisionDate', value };
  if (label === 'decision') return { field: 'decision', value };
  if (label === 'summary') return { field: 'summary', value };
  return { field: 'satisfied', value };
}
