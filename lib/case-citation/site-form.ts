/**
 * The site's own form, as the decision's title line and header give it: "Stoke-on-Trent City
 * Council (19 015 077), Local Government and Social Care Ombudsman, 8 February 2021
 * <https://www.lgo.org.uk/decisions/...>".
 *
 * One line, for one case as for a list: a selection pastes as one line per case, and a single
 * case pastes the same line into a footnote. The address goes last in angle brackets (as OSCOLA
 * writes web addresses), so where it ends is never in doubt: a full stop typed after it is not
 * taken into the link, and mail and word processors link it whole.
 */
import type { CitationFields } from './fields';

export function siteCitation(fields: CitationFields): string {
  // A copy without its title line names no organisation: the reference alone, without brackets.
  const parts = [fields.organisation ? `${fields.organisation} (${fields.reference})` : fields.reference, fields.ombudsman];
  if (fields.date) parts.push(fields.date);
  const line = parts.join(', ');
  return fields.url ? `${line} <${fields.url}>` : line;
}
