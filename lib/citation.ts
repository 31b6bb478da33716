/**
 * How a decision is cited: "Stoke-on-Trent City Council (19 015 077), Local
 * Government and Social Care Ombudsman, 8 February 2021", then the address.
 */
import { longDate } from './dates';
import type { DecisionSummary } from './schema';

export const OMBUDSMAN = 'Local Government and Social Care Ombudsman';

export function citation(summary: Pick<DecisionSummary, 'authority' | 'reference' | 'decisionDate' | 'url'>): string {
  const parts = [`${summary.authority} (${summary.reference})`, OMBUDSMAN];
  if (summary.decisionDate) parts.push(longDate(summary.decisionDate));
  const line = parts.join(', ');
  return summary.url ? `${line}\n${summary.url}` : line;
}

/** legislation.gov.uk style label: "Children Act 1989, s.47", "Local Government Act 1974, Schedule 5". */
export function statuteLabel(statute: { act: string; section: string | null; subsection: string | null }): string {
  if (!statute.section) return statute.act;
  const section = statute.section.startsWith('Schedule') ? statute.section : `s.${statute.section}`;
  return `${statute.act}, ${section}${statute.subsection ?? ''}`;
}
