/** SavedCase records built from the seed decisions, for component tests. */
import { derivedFields } from '../../lib/library/case-store';
import type { SavedCase } from '../../lib/library/saved-case';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from './seeds';

export function savedCase(ref: SeedRef, extra: Partial<SavedCase> = {}): SavedCase {
  const summary = summaryOf(seedText(ref), SEED_URLS[ref]);
  return {
    ...derivedFields(summary),
    reference: summary.reference,
    url: SEED_URLS[ref],
    savedAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    parserVersion: summary.parserVersion,
    summary,
    textLength: 0,
    tags: [],
    note: '',
    reparseError: null,
    ...extra,
  };
}
