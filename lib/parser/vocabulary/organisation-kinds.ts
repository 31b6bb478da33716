/**
 * What kind of organisation a decision is about, read from its name, as data. Every row has an
 * example name (from the corpus of real decisions where one was there); test/lib/vocabulary.test.ts
 * runs each through `organisationKindOf` and checks the row's kind.
 *
 * The Ombudsman hears complaints about councils in every naming form (and the bodies that act for
 * them), adult social care providers, schools as admission authorities, and, in joint cases with
 * the Health Service Ombudsman, NHS bodies (../shared/docs/lgsco-decision-pages.md). Rows are tried
 * in order on the name's matchKey: schools before NHS bodies ("... Academy Trust" is a school), NHS
 * bodies and councils before company names ("... Hospitals NHS Foundation Trust", "Tower Hamlets
 * Homes").
 */
import type { OrganisationKind } from '../../schema';

export interface OrganisationKindRow {
  pattern: RegExp;
  kind: Exclude<OrganisationKind, 'other'>;
  example: string;
}

export const ORGANISATION_KINDS: readonly OrganisationKindRow[] = [
  // Schools and academies, as admission authorities and in school transport or exclusion appeals.
  {
    pattern: /\bacademy trust\b|\bacademies trust\b|\blearning trust\b|\beducation trust\b/,
    kind: 'school',
    example: 'Harris Federation Academy Trust',
  },
  { pattern: /\bschools?\b|\bacadem(y|ies)\b|\bcollege\b/, kind: 'school', example: "St Mary's Catholic Primary School" },
  {
    pattern: /\bgoverning (body|board)\b|\badmissions? (authority|appeal)/,
    kind: 'school',
    example: 'The Governing Body of Ashford Park School',
  },
  // NHS bodies, in joint cases with the Health Service Ombudsman. A bare "Trust" is not one.
  { pattern: /\bnhs\b/, kind: 'nhs', example: 'Warrington & Halton Hospitals NHS Foundation Trust' },
  {
    pattern: /\bclinical commissioning group\b|\bccg\b|\bintegrated care board\b|\bicb\b/,
    kind: 'nhs',
    example: 'Brighton & Hove Clinical Commissioning Group',
  },
  {
    pattern: /\bhospitals?\b.{0,60}\btrust\b|\b(health|healthcare|foundation|partnership|ambulance|primary care) trust\b/,
    kind: 'nhs',
    example: 'Sussex Partnership Foundation Trust',
  },
  { pattern: /\bhealth board\b/, kind: 'nhs', example: 'Betsi Cadwaladr University Health Board' },
  // Councils in every naming form, and the other authorities the Ombudsman hears.
  { pattern: /\bcouncil\b/, kind: 'council', example: 'Royal Borough of Windsor and Maidenhead Council' },
  {
    pattern: /^london borough of\b|^royal borough of\b|^city of\b|\bmetropolitan borough\b/,
    kind: 'council',
    example: 'London Borough of Enfield',
  },
  { pattern: /\bcorporation of london\b|\bcity of london corporation\b/, kind: 'council', example: 'City of London Corporation' },
  {
    pattern: /\bcombined authority\b|\bgreater london authority\b|\bnational park authority\b|\bfire (and rescue )?authority\b/,
    kind: 'council',
    example: 'West Midlands Combined Authority',
  },
  {
    pattern: /\b(waste( disposal)?|transport|passenger transport|joint) authority\b|\bpolice and crime commissioner\b/,
    kind: 'council',
    example: 'Merseyside Waste Disposal Authority',
  },
  // Arm's-length management organisations and councils' housing companies act for the council
  // that owns them, and the Ombudsman treats their actions as the council's.
  {
    pattern: /\barm'?s[- ]length management\b|\balmo\b|\btenant management organisation\b/,
    kind: 'council',
    example: 'Kensington and Chelsea Tenant Management Organisation',
  },
  {
    pattern: /\b(neighbourhood|community|borough|city|district) (housing|homes)\b|\bhousing (company|partnership|services)\b/,
    kind: 'council',
    example: 'Kirklees Neighbourhood Housing',
  },
  { pattern: /^homes (for|in) [a-z]|\bat home$/, kind: 'council', example: 'Homes for Haringey' },
];

/**
 * A name ending in "Homes" with no company suffix and no word of care: a council's housing
 * company ("Tower Hamlets Homes", "Lewisham Homes"), read only when the decision does not speak of
 * "the Care Provider" (care home companies carry "Care", "Healthcare" or "Ltd" in their names).
 */
export const HOUSING_COMPANY: OrganisationKindRow = {
  pattern: /^(?!.*\b(ltd|limited|plc|llp|cic|care|healthcare|nursing|residential)\b)[a-z'&. -]{1,60} homes$/,
  kind: 'council',
  example: 'Tower Hamlets Homes',
};

/** Company names that, failing every row above, are care providers. */
export const CARE_PROVIDER: OrganisationKindRow = {
  pattern: /\b(ltd|limited|plc|llp|cic|care|homes?|healthcare|nursing|residential|domiciliary|living)\b/,
  kind: 'care-provider',
  example: 'Salveo Care Ltd',
};

/**
 * The kind of the named organisation. `careProviderNamed`: whether the decision calls it "the Care
 * Provider", as the Ombudsman's decisions on adult social care providers do (a provider may be
 * a person: "Mrs M Wenlock"); asked only when no row above matches the name.
 */
export function organisationKindOf(nameKey: string, careProviderNamed: () => boolean): OrganisationKind {
  for (const row of ORGANISATION_KINDS) if (row.pattern.test(nameKey)) return row.kind;
  if (careProviderNamed()) return 'care-provider';
  if (HOUSING_COMPANY.pattern.test(nameKey)) return HOUSING_COMPANY.kind;
  if (CARE_PROVIDER.pattern.test(nameKey)) return CARE_PROVIDER.kind;
  return 'other';
}
