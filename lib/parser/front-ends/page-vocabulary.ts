/**
 * The visible words that give a decision page its structure: title pattern,
 * header labels, and (from vocabulary/section-headings) section headings and page chrome. Both front ends find structure
 * by this text first and use ids and classes only as hints, because no saved
 * HTML of the live site was available when this was written (see
 * ../shared/docs/lgsco-decision-pages.md, "Markup").
 */
import type { SectionRole } from '../model';
import { cleanText, foldKey, isClean } from './text-normalise';
import { FINDINGS_SUBHEADINGS, PAGE_LINES, SECTION_HEADINGS, type LineKind } from '../vocabulary/section-headings';

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

/** Where the text's final run of ':' and '.' starts: its length when it ends in neither. */
function endBeforeStops(text: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === '.')) end--;
  return end;
}

export function headingKey(text: string): string {
  return cleanHeadingKey(cleanText(text));
}

/** `headingKey` of text already through `cleanText` (a block's text, a line the front ends cleaned). */
export function cleanHeadingKey(clean: string): string {
  const key = foldKey(clean);
  // Most keys do not end in ':' or '.', and then are trimmed already (clean text is, and folding
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
  if (current === 'findings' && FINDINGS_SUBHEADINGS.pattern.test(key)) return null;
  for (const row of SECTION_HEADINGS) if (row.pattern.test(key)) return row.role;
  return null;
}

/**
 * Longer than any key a row of PAGE_LINES matches (the longest, a sign-off, is under 100
 * characters). Keep it so when changing them: `lineKind` relies on it.
 */
const MAX_LINE_KEY = 200;

const CHROME = PAGE_LINES.filter((row) => row.kind === 'chrome');

export function isChrome(text: string): boolean {
  const key = headingKey(text);
  return CHROME.some((row) => row.pattern.test(key));
}

/**
 * What a line of text already through `cleanText` is, of the kinds of vocabulary/section-headings'
 * PAGE_LINES (their patterns are disjoint): one `headingKey` for the three checks, and none for a long block (the DOM walk
 * meets whole containers), whose key could match none of them.
 */
export function lineKind(clean: string): LineKind | null {
  // The key keeps every character of clean text but a final run of ':' and '.' and the one
  // space before it (lower-casing never shortens a string).
  if (endBeforeStops(clean) - 1 > MAX_LINE_KEY) return null;
  const key = cleanHeadingKey(clean);
  for (const row of PAGE_LINES) if (row.pattern.test(key)) return row.kind;
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
