/**
 * The one analysis step: document model in, validated decision summary out.
 * Both front ends feed it, so a decision read from text and from HTML gives the
 * same summary.
 */
import type { DecisionDoc } from './model';
import { DecisionSummarySchema, PARSER_VERSION, type DecisionSummary } from './schema';
import { indexSentences } from './sentence-index';
import { toIsoDate } from './dates';
import { organisationKind, readCategory, readOutcome } from './extract-header-fields';
import { readComplainant, readComplaints } from './extract-complaints';
import { extractFaults } from './extract-faults';
import { extractRemedies, totalPayments } from './extract-remedies';
import { extractStatutes } from './extract-statutes';
import { extractGuidance } from './extract-guidance';
import { extractRegulators } from './extract-regulators';

export function analyse(doc: DecisionDoc, url: string | null): DecisionSummary {
  const sentences = indexSentences(doc);
  const outcome = readOutcome(doc);
  const category = readCategory(doc, url);
  const remedies = extractRemedies(sentences);
  const faults = extractFaults(sentences);
  const decisionDate = toIsoDate(doc.header.decisionDate);

  const warnings: string[] = [];
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

  return DecisionSummarySchema.parse({
    parserVersion: PARSER_VERSION,
    reference: doc.reference,
    url,
    title: doc.title,
    authority: doc.authority,
    organisationKind: organisationKind(doc.authority, doc),
    category,
    outcome,
    decisionDate,
    satisfiedDate: toIsoDate(doc.header.satisfied),
    layout: doc.layout,
    summary: doc.summary,
    complainant: readComplainant(doc),
    complaints: readComplaints(doc),
    faults,
    remedies,
    totalPayments: totalPayments(remedies),
    statutes: extractStatutes(sentences),
    guidance: extractGuidance(sentences),
    regulators: extractRegulators(sentences),
    warnings,
  });
}
