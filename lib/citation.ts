/**
 * How a decision is cited: "Stoke-on-Trent City Council (19 015 077), Local
 * Government and Social Care Ombudsman, 8 February 2021", then the address.
 */
import { longDate } from './parser/extractors/dates';
import type { DecisionSummary } from './schema';

export const OMBUDSMAN = 'Local Government and Social Care Ombudsman';

export function citation(summary: Pick<DecisionSummary, 'authority' | 'reference' | 'decisionDate' | 'url'>): string {
  // A copy without its title line names no organisation: the reference alone.
  const parts = [summary.authority ? `${summary.authority} (${summary.reference})` : summary.reference, OMBUDSMAN];
  if (summary.decisionDate) parts.push(longDate(summary.decisionDate));
  const line = parts.join(', ');
  return summary.url ? `${line}\n${summary.url}` : line;
}

type Provision = { act: string; section: string | null; subsection: string | null };

/** "s.47" for a section, "Schedule 5" as is. */
function sectionLabel(section: string): string {
  return section.startsWith('Schedule') ? section : `s.${section}`;
}

/**
 * One way to name a provision everywhere: "Children Act 1989, s.47(1)" in the
 * sidebar, "Children Act 1989 s.47(1)" in CSV (`separator: ' '`), and without
 * the subsection ("Children Act 1989 s.47") as the library's filter key.
 */
export function statuteLabel(statute: Provision, options: { separator?: string; subsection?: boolean } = {}): string {
  if (!statute.section) return statute.act;
  const { separator = ', ', subsection = true } = options;
  return `${statute.act}${separator}${sectionLabel(statute.section)}${subsection ? (statute.subsection ?? '') : ''}`;
}
