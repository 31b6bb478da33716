/**
 * The decision's outcome: the Decision line's label when the page has one, else read from the
 * wording of the summary (and, on the older report pages, of the Finding), and then marked
 * `inferred`. The labels and wordings are rows in vocabulary/outcomes.ts.
 */
import type { DecisionDoc } from '../model';
import type { Outcome, OutcomeKind } from '../../schema';
import { matchKey } from '../front-ends/text-normalise';
import { matchOutcome, OUTCOME_KIND_LABELS, OUTCOME_LABELS, OUTCOME_WORDINGS } from '../vocabulary/outcomes';

/** A tolerant mapping: the site has used several labels over the years. */
export function outcomeKind(label: string): OutcomeKind {
  return matchOutcome(OUTCOME_LABELS, matchKey(label))?.kind ?? 'other';
}

/** The kind a summary's (or finding's) wording states, or null when it states none. */
export function outcomeFromWording(text: string): Exclude<OutcomeKind, 'other'> | null {
  return matchOutcome(OUTCOME_WORDINGS, matchKey(text))?.kind ?? null;
}

export function readOutcome(doc: DecisionDoc): Outcome {
  if (doc.header.decision) {
    return { label: doc.header.decision, kind: outcomeKind(doc.header.decision), inferred: false, evidence: null };
  }
  // Pages without a Decision line: the summary, else (reports) the finding paragraphs, else the
  // final decision, which restates the outcome.
  const blocksOf = (role: string): string[] => doc.blocks.filter((b) => doc.sections[b.section]?.role === role).map((b) => b.text);
  const candidates = [doc.summary, ...(doc.layout === 'report' ? blocksOf('findings') : []), ...blocksOf('final')];
  for (const text of candidates) {
    if (!text) continue;
    const kind = outcomeFromWording(text);
    if (kind) return { label: OUTCOME_KIND_LABELS[kind], kind, inferred: true, evidence: text };
  }
  return { label: 'Unknown', kind: 'other', inferred: true, evidence: null };
}
