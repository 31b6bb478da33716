/**
 * What a citation of a decision is made of, one shape for every form (the site's, the person's
 * template, the Zotero export): the organisation as the title line names it, the reference, the
 * decision date, the Ombudsman and the address.
 */
import * as z from 'zod/mini';
import { longDate } from '../parser/extractors/dates';

export const OMBUDSMAN = 'Local Government and Social Care Ombudsman';

export const CitationFieldsSchema = z.object({
  /** "Stoke-on-Trent City Council", as in the title line; null for a copy without one. */
  organisation: z.nullable(z.string().check(z.minLength(1))),
  /** "19 015 077" */
  reference: z.string().check(z.regex(/^\d{2} \d{3} \d{3}[a-z]?$/)),
  /** "2021-02-08": the decision date, null when the page gives none. */
  isoDate: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** "8 February 2021" */
  date: z.nullable(z.string()),
  /** "2021" */
  year: z.nullable(z.string()),
  ombudsman: z.literal(OMBUDSMAN),
  /** The decision's page on lgo.org.uk; null when unknown. */
  url: z.nullable(z.string()),
});
export type CitationFields = z.infer<typeof CitationFieldsSchema>;

/**
 * A summary, a saved case's whole record or its list entry: the list entry keeps an unknown
 * organisation or date as '' (IndexedDB cannot index null), read here as missing.
 */
export interface CitationSource {
  authority: string | null;
  reference: string;
  decisionDate: string | null;
  url: string | null;
}

export function citationFields(source: CitationSource): CitationFields {
  const isoDate = source.decisionDate || null;
  return {
    organisation: source.authority || null,
    reference: source.reference,
    isoDate,
    date: isoDate && longDate(isoDate),
    year: isoDate && isoDate.slice(0, 4),
    ombudsman: OMBUDSMAN,
    url: source.url || null,
  };
}
