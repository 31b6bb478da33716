/** The kind of organisation complained about, from its name (rows in vocabulary/organisation-kinds.ts). */
import type { DecisionDoc } from '../model';
import type { OrganisationKind } from '../../schema';
import { matchKey } from '../front-ends/text-normalise';
import { organisationKindOf } from '../vocabulary/organisation-kinds';

const CARE_PROVIDER = /\bthe care provider\b/i;

/** `authority` null (a copy without its title line): the decision's own words can still say "the Care Provider". */
export function organisationKind(authority: string | null, doc: DecisionDoc): OrganisationKind {
  // A search of the whole statement: made only when the name leaves the kind open, which a
  // council's name (most decisions) does not.
  const careProviderNamed = () => CARE_PROVIDER.test(doc.summary ?? '') || doc.blocks.some((b) => CARE_PROVIDER.test(b.text));
  if (authority === null) return careProviderNamed() ? 'care-provider' : 'other';
  return organisationKindOf(matchKey(authority), careProviderNamed);
}
