/**
 * "Export corrections": every correction in the library as one JSON file a person can attach to a
 * bug report. A correction is the best evidence of where the parser falls short: it names the
 * decision (reference and address), the parser version that misread it, the sentence, what the
 * parser read and what the person read. The file holds no tags, notes or decision text: only what
 * the report needs, so sending it shares nothing else of the library.
 *
 *     {
 *       "format": "ombudsman-lens-corrections", "version": 1,
 *       "exportedAt": "2026-12-03T20:00:00.000Z", "parserVersion": "1.1.0",
 *       "cases": [{
 *         "reference": "18 009 360", "url": "https://www.lgo.org.uk/decisions/...", "parserVersion": "1.1.0",
 *         "corrections": [{
 *           "field": "amount", "from": 500, "to": 750, "at": "...",
 *           "sentence": "The Council should pay Mr C £500 ...", "paragraph": 109, "matched": true,
 *           "correction": { ...the stored correction, as CorrectionSchema has it }
 *         }]
 *       }]
 *     }
 */
import * as z from 'zod/mini';
import { PARSER_VERSION, PageAddressSchema } from '../schema';
import { CorrectionSchema, applyCorrections, correctionKey, type Correction } from './corrections';
import { localDateStamp } from './exports';
import type { SavedCase } from './saved-case';

export const CORRECTIONS_FORMAT = 'ombudsman-lens-corrections';

const ReportedCorrectionSchema = z.object({
  field: z.string(),
  /** The parser's value and the person's, copied out of `correction` for a reader of the file. */
  from: z.unknown(),
  to: z.unknown(),
  at: z.string(),
  /** The sentence of the item corrected (or added). */
  sentence: z.string(),
  /** Its paragraph on the live page, when the item is found in the summary (or the added item has one). */
  paragraph: z.nullable(z.int()),
  /** False when the current summary has no such item (the parser now reads the sentence differently). */
  matched: z.boolean(),
  correction: CorrectionSchema,
});

export const CorrectionsReportSchema = z.object({
  format: z.literal(CORRECTIONS_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  /** The extension's parser when the file was written. */
  parserVersion: z.string(),
  cases: z.array(
    z.object({
      reference: z.string(),
      url: PageAddressSchema,
      /** The parser version of the case's summary, which the corrections correct. */
      parserVersion: z.string(),
      corrections: z.array(ReportedCorrectionSchema),
    }),
  ),
});
export type CorrectionsReport = z.infer<typeof CorrectionsReportSchema>;

function reported(c: SavedCase, correction: Correction, unmatched: ReadonlySet<string>): z.infer<typeof ReportedCorrectionSchema> {
  const matched = !unmatched.has(correctionKey(correction));
  const base = { field: correction.field, at: correction.at, matched, correction };
  if (correction.field === 'outcome')
    return {
      ...base,
      from: correction.from,
      to: correction.to,
      sentence: c.summary.outcome.evidence ?? c.summary.outcome.label,
      paragraph: null,
    };
  if (correction.field === 'added-fault' || correction.field === 'added-remedy')
    return { ...base, from: null, to: correction.to, sentence: correction.to.text, paragraph: correction.to.paragraph };
  const { target } = correction;
  const item = !matched
    ? undefined
    : target.item === 'fault'
      ? c.summary.faults.filter((f) => f.text === target.sentence)[target.nth]
      : c.summary.remedies.filter((r) => r.text === target.sentence && r.kind === target.kind)[target.nth];
  const paragraph = item?.paragraph ?? null;
  if (correction.field === 'removed')
    return { ...base, from: target.item === 'remedy' ? target.kind : target.item, to: null, sentence: target.sentence, paragraph };
  return { ...base, from: correction.from, to: correction.to, sentence: target.sentence, paragraph };
}

/** The report of these cases' corrections; cases without any are left out. */
export function correctionsReport(cases: readonly SavedCase[], now: Date = new Date()): CorrectionsReport {
  return {
    format: CORRECTIONS_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    parserVersion: PARSER_VERSION,
    cases: cases
      .filter((c) => (c.corrections ?? []).length > 0)
      .map((c) => {
        const corrections = c.corrections ?? [];
        const unmatched = new Set(applyCorrections(c.summary, corrections).unmatched.map(correctionKey));
        return {
          reference: c.reference,
          url: c.url,
          parserVersion: c.summary.parserVersion,
          corrections: corrections.map((x) => reported(c, x, unmatched)),
        };
      }),
  };
}

/** `ombudsman-lens-corrections-2026-12-03.json`. */
export function correctionsFileName(date: Date = new Date()): string {
  return `ombudsman-lens-corrections-${localDateStamp(date)}.json`;
}
