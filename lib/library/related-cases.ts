/**
 * Joint cases: the Ombudsman publishes one decision about several organisations as pages whose
 * references differ only in a letter suffix ("20 003 139a", "20 003 139b"). Saved pages that share
 * a reference without it (`relatedKey`) are shown as related.
 */
import type { CaseEntry } from './saved-case';

type Page = Pick<CaseEntry, 'relatedKey' | 'reference'>;

/** For each case, the other pages of its joint case among `cases` (none for a case on its own). */
export function relatedReferences(cases: readonly Page[]): (c: Page) => string[] {
  const groups = new Map<string, string[]>();
  for (const c of cases) groups.set(c.relatedKey, [...(groups.get(c.relatedKey) ?? []), c.reference]);
  return (c) => (groups.get(c.relatedKey) ?? []).filter((r) => r !== c.reference);
}
