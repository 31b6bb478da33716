/**
 * The one analysis step: document model in, validated decision summary out.
 * Both front ends feed it, so a decision read from text and from HTML gives the
 * same summary.
 */
import type { DecisionDoc } from './model';
import { DecisionSummarySchema, PARSER_VERSION, type DecisionHeadline, type DecisionSummary } from '../schema';
import { indexSentenceSteps } from './sentences/sentence-index';
import { runSteps, type Steps } from './steps';
import { parseInSteps } from './validate-steps';
import { toIsoDate } from './extractors/dates';
import { organisationKind } from './extractors/organisation-kind';
import { headlineFields } from './extractors/headline';
import { readComplainant, readComplaints } from './extractors/extract-complaints';
import { faultSteps } from './extractors/extract-faults';
import { remedySteps, totalPayments } from './extractors/extract-remedies';
import { withSummaryRemedies } from './extractors/summary-remedies';
import { statuteSteps } from './extractors/extract-statutes';
import { guidanceSteps } from './extractors/extract-guidance';
import { regulatorSteps } from './extractors/extract-regulators';

/** `headline`: the one `readDecisionPage` already read from this `doc`, so it is not read twice. */
export function analyse(doc: DecisionDoc, url: string | null, headline: DecisionHeadline = headlineFields(doc, url)): DecisionSummary {
  return runSteps(analyseSteps(doc, headline));
}

/** `analyse` in steps (see steps.ts): it pauses inside every loop over the sentences. */
export function* analyseSteps(doc: DecisionDoc, headline: DecisionHeadline): Steps<DecisionSummary> {
  const sentences = yield* indexSentenceSteps(doc);
  const { outcome, category, decisionDate } = headline;
  const read = withSummaryRemedies(
    yield* remedySteps(sentences),
    doc.summary,
    doc.sections.some((s) => s.role === 'action'),
  );
  const remedies = read.remedies;
  const faults = yield* faultSteps(sentences);
  const statutes = yield* statuteSteps(sentences);
  const guidance = yield* guidanceSteps(sentences);
  const regulators = yield* regulatorSteps(sentences);

  const warnings: string[] = [...(doc.warnings ?? [])];
  if (doc.title === null) {
    warnings.push('No title line: the organisation is not named, and the reference was taken from the address.');
  }
  if (outcome.inferred) {
    warnings.push(
      outcome.kind === 'other'
        ? 'No Decision line, and the outcome could not be read from the wording.'
        : 'No Decision line: the outcome was inferred from the wording of the decision.',
    );
  }
  if (!category) warnings.push('No category: the page has no Category line and the address gives none.');
  else if (category.source === 'address') warnings.push('No Category line: area and topic were taken from the page address.');
  if (!decisionDate && doc.layout === 'decision') warnings.push('No decision date found.');
  if (!doc.summary) warnings.push('No summary found.');
  if (!doc.sections.some((s) => s.role === 'findings')) {
    warnings.push('No findings section recognised ("What I found", "My assessment"...): faults may be missing.');
  }
  if (outcome.kind === 'upheld' && faults.length === 0) {
    warnings.push('The complaint is upheld but no sentence finding fault was recognised.');
  }
  warnings.push(...read.warnings);

  // Checked item by item, pausing between them: on a very long page one parse of it is a long task.
  return yield* parseInSteps(DecisionSummarySchema, {
    parserVersion: PARSER_VERSION,
    ...headline,
    organisationKind: organisationKind(doc.authority, doc),
    satisfiedDate: toIsoDate(doc.header.satisfied),
    summary: doc.summary,
    complainant: readComplainant(doc),
    complaints: readComplaints(doc),
    faults,
    remedies,
    totalPayments: totalPayments(remedies),
    statutes,
    guidance,
    regulators,
    warnings,
  });
}
