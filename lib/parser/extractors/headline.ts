/**
 * The headline of a decision: the fields of its page header, which the sidebar paints
 * first while the analysis of the statement runs. The same functions feed the summary,
 * so the headline is always the summary's own header fields, and is validated with it
 * (`analyse` checks the whole summary against its schema): checking it here as well was the
 * same work twice, and on a first visit the schema's first use delayed the first paint.
 */
import type { DecisionDoc } from '../model';
import type { DecisionHeadline } from '../../schema';
import { toIsoDate } from './dates';
import { readCategory } from './extract-header-fields';
import { readOutcome } from './outcome';

/** The header fields, unvalidated: `analyse` takes them into the summary, which it validates whole. */
export function headlineFields(doc: DecisionDoc, url: string | null): DecisionHeadline {
  return {
    // parse-decision fills the reference of a copy without a title line from its address before
    // this runs, and refuses one without; the schema refuses an empty reference.
    reference: doc.reference ?? '',
    url,
    title: doc.title ?? doc.reference ?? '',
    authority: doc.authority,
    category: readCategory(doc, url),
    outcome: readOutcome(doc),
    decisionDate: toIsoDate(doc.header.decisionDate),
    layout: doc.layout,
  };
}
