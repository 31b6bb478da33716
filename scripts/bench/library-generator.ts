/**
 * A large synthetic library from the five seed decisions: case i is seed
 * i mod 5 with its organisation, dates, outcome, payment amounts, law cited,
 * category, complainant, tags and note varied (deterministically, from i), and
 * its stored text made unique by a line naming the case, so every record's
 * gzip is its own (as in a real library) and not one text repeated.
 *
 * Pure (no DOM, no storage): runs in the extension page that imports the
 * library, and in the unit tests.
 */
import type { BackupCase } from '../../lib/library/saved-case';
import type { DecisionSummary } from '../../lib/schema';

type Summary = DecisionSummary;
type OrganisationKind = Summary['organisationKind'];

/**
 * Organisations in pairs sharing the start of a word ("derby" / "derbys",
 * "stock" / "stockp"), so that the last keystroke of a search for one narrows
 * the list: see FILTER_QUERIES.
 */
export const ORGANISATIONS: readonly { name: string; kind: OrganisationKind }[] = [
  { name: 'Derbyshire County Council', kind: 'council' },
  { name: 'Derby City Council', kind: 'council' },
  { name: 'Stockport Metropolitan Borough Council', kind: 'council' },
  { name: 'Stockton-on-Tees Borough Council', kind: 'council' },
  { name: 'Kent County Council', kind: 'council' },
  { name: 'Royal Borough of Kensington and Chelsea', kind: 'council' },
  { name: 'London Borough of Camden', kind: 'council' },
  { name: 'Cambridgeshire County Council', kind: 'council' },
  { name: 'Hertfordshire County Council', kind: 'council' },
  { name: 'Hertsmere Borough Council', kind: 'council' },
  { name: 'Stoke-on-Trent City Council', kind: 'council' },
  { name: 'Leeds City Council', kind: 'council' },
  { name: 'Birmingham City Council', kind: 'council' },
  { name: 'Manchester City Council', kind: 'council' },
  { name: 'Norfolk County Council', kind: 'council' },
  { name: 'Suffolk County Council', kind: 'council' },
  { name: 'Cornwall Council', kind: 'council' },
  { name: 'Bristol City Council', kind: 'council' },
  { name: 'Nottinghamshire County Council', kind: 'council' },
  { name: 'London Borough of Lambeth', kind: 'council' },
  { name: 'Wiltshire Council', kind: 'council' },
  { name: 'Lancashire County Council', kind: 'council' },
  { name: 'Sheffield City Council', kind: 'council' },
  { name: 'Devon County Council', kind: 'council' },
  { name: 'Oakwood Care Homes Ltd', kind: 'care-provider' },
  { name: 'Meadowbank Home Care Services Limited', kind: 'care-provider' },
  { name: 'Riverside Academy Trust', kind: 'school' },
  { name: 'North Valley Integrated Care Board', kind: 'nhs' },
];

/**
 * Searches whose last keystroke changes the list: typing the last letter turns
 * a prefix shared by two organisations (and words in summaries) into one that
 * matches only one of them.
 */
export const FILTER_QUERIES: readonly string[] = ['derbys', 'stockp', 'kent', 'camd', 'hertf', 'stockt', 'kens', 'herts'];

const CATEGORIES: readonly { area: string; topic: string }[] = [
  { area: "Children's care services", topic: 'Child protection' },
  { area: "Children's care services", topic: 'Looked after children' },
  { area: 'Adult care services', topic: 'Residential care' },
  { area: 'Adult care services', topic: 'Assessment and care plan' },
  { area: 'Education', topic: 'Special educational needs' },
  { area: 'Housing', topic: 'Homelessness' },
  { area: 'Benefits and tax', topic: 'Council tax' },
];

const OUTCOMES: readonly Summary['outcome'][] = [
  { label: 'Upheld', kind: 'upheld', inferred: false, evidence: null },
  { label: 'Upheld', kind: 'upheld', inferred: false, evidence: null },
  { label: 'Not upheld', kind: 'not-upheld', inferred: false, evidence: null },
  { label: 'Closed after initial enquiries', kind: 'closed-after-initial-enquiries', inferred: false, evidence: null },
];

/** Law cited: the seeds cite the Children Act 1989; some cases cite other acts instead. */
const LAW: readonly { act: string; section: string; url: string }[] = [
  { act: 'Children Act 1989', section: '17', url: 'https://www.legislation.gov.uk/ukpga/1989/41/section/17' },
  { act: 'Children Act 1989', section: '20', url: 'https://www.legislation.gov.uk/ukpga/1989/41/section/20' },
  { act: 'Children Act 1989', section: '47', url: 'https://www.legislation.gov.uk/ukpga/1989/41/section/47' },
  { act: 'Care Act 2014', section: '42', url: 'https://www.legislation.gov.uk/ukpga/2014/23/section/42' },
  { act: 'Housing Act 1996', section: '202', url: 'https://www.legislation.gov.uk/ukpga/1996/52/section/202' },
  { act: 'Education Act 1996', section: '19', url: 'https://www.legislation.gov.uk/ukpga/1996/56/section/19' },
];

const COMPLAINANTS = ['Mr C', 'Ms V', 'Mr X', 'Miss B', 'Mr D', 'Mrs F', 'Ms K', 'Mr Y', 'Mrs N'];
const TAGS = ['section 47', 'delay', 'complaint handling', 'recording meetings', 'assessment', 'apology', 'payment', 'appeal', 'follow up'];

/** Deterministic pseudo-random numbers (mulberry32) from the case index. */
export function random(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "YY NNN NNN": unique for each index below a million (the last six digits are the index). */
export function referenceFor(index: number, year: number): string {
  return `${pad((year - 1) % 100, 2)} ${pad(Math.floor(index / 1000) % 1000, 3)} ${pad(index % 1000, 3)}`;
}

/**
 * Case `index` of the library, from one of the seed cases (a BackupCase exported
 * by CaseStore, so it has every field the current backup format has).
 * `payment` is a payment remedy from a seed, added to some cases that have none.
 */
export function generateCase(template: BackupCase, index: number, payment: Summary['remedies'][number] | null): BackupCase {
  const rnd = random(index + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const org = ORGANISATIONS[index % ORGANISATIONS.length]!;
  const year = 2013 + Math.floor(rnd() * 13);
  const decisionDate = `${year}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
  const reference = referenceFor(index, year);
  const category = pick(CATEGORIES);
  const url = `https://www.lgo.org.uk/decisions/${slug(category.area)}/${slug(category.topic)}/${reference.replace(/ /g, '-')}`;
  const complainant = pick(COMPLAINANTS);
  const s = template.summary;

  let remedies = s.remedies.map((r) =>
    r.kind === 'payment' || r.kind === 'refund' ? { ...r, amount: 50 * (1 + Math.floor(rnd() * 60)), payee: complainant } : r,
  );
  if (payment && !remedies.some((r) => r.kind === 'payment') && rnd() < 0.3) {
    remedies = [...remedies, { ...payment, amount: 50 * (1 + Math.floor(rnd() * 60)), payee: complainant }];
  }
  const totalPayments = remedies.reduce((sum, r) => sum + (r.kind === 'payment' || r.kind === 'refund' ? (r.amount ?? 0) : 0), 0);

  const statutes = s.statutes.map((st) => {
    if (st.jurisdiction) return st;
    const law = pick(LAW);
    return { ...st, act: law.act, section: law.section, subsection: null, url: law.url, text: `section ${law.section} of the ${law.act}` };
  });

  const summary: Summary = {
    ...s,
    reference,
    url,
    title: `${org.name} (${reference})`,
    authority: org.name,
    organisationKind: org.kind,
    category: { area: category.area, topic: category.topic, source: 'page' },
    outcome: { ...pick(OUTCOMES) },
    decisionDate,
    complainant,
    remedies,
    totalPayments,
    statutes,
  };

  const tags = [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(TAGS)))];
  const note = rnd() < 0.2 ? `Compare with case ${(index * 7919) % 10_000}; ${pick(TAGS)}.` : '';
  const saved = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 3 * 365 * 86_400_000)).toISOString();
  const text = `${template.text}\n\nLibrary benchmark copy ${index}: ${org.name}, ${decisionDate}, reference ${reference}.`;

  return {
    ...template,
    reference,
    url,
    savedAt: saved,
    updatedAt: saved,
    summary,
    text,
    textLength: text.length,
    tags,
    note,
    reparseError: null,
    // Index fields: CaseStore recomputes these from the summary on import; set the plain ones anyway.
    relatedKey: reference,
    authority: org.name,
    outcomeKind: summary.outcome.kind,
    area: category.area,
    topic: category.topic,
    organisationKind: org.kind,
    year,
    decisionDate,
    totalPayments,
  };
}
