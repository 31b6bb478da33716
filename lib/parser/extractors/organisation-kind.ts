/** The kind of organisation complained about, from its name (rows in vocabulary/organisation-kinds.ts). */
import type { DecisionDoc } from '../model';
import type { OrganisationKind } from '../../schema';
import { matchKey } from '../front-ends/text-normalise';
import { organisationKindOf } from '../vocabulary/organisation-kinds';

const CARE_PROVIDER = /\bthe care provider\b/i;

/** `authority` null (a copy without its title line): the decision's own words can still say "the Care Provider". */
export function organisationKind(authority: string | null, doc: DecisionDoc): OrganisationKind {
  const careProviderNamed = CARE_PROVIDER.test(doc.summary ?? '') || doc.blocks.some((b) => CARE_PROVIDER.test(b.text));
  return authority === null ? (careProviderNamed ? 'care-provider' : 'other') : organisationKindOf(matchKey(authority), careProviderNamed);
}
