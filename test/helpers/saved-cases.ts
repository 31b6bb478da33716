/** SavedCase records built from the seed decisions, for component tests. */
import { derivedFields } from '../../lib/library/case-store';
import type { SavedCase, StoredCase } from '../../lib/library/saved-case';
import { checkCase } from '../../lib/library/record-checks';
import { gzipText } from '../../lib/library/text-codec';
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

/** A seed as the library stores it (its text compressed), passed through the checks every case entering the library passes. */
export async function storedCase(ref: SeedRef, extra: Partial<SavedCase> = {}): Promise<StoredCase> {
  const text = seedText(ref);
  const check = checkCase(
    { ...savedCase(ref, extra), textGzip: await gzipText(text), textLength: text.length },
    new Date(Date.UTC(2026, 0, 15)),
  );
  if (!check.ok) throw new Error(`expected a valid case: ${check.problems.join('; ')}`);
  return check.record;
}
