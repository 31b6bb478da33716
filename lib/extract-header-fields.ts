/**
 * Fields read from the page header: outcome, category, organisation kind. When a
 * layout leaves them out, they are inferred (outcome from the summary's wording,
 * category from the address) and the summary says so.
 */
import type { DecisionDoc } from './model';
import type { Category, OrganisationKind, Outcome, OutcomeKind } from './schema';
import { matchKey } from './text-normalise';

const OUTCOME_LABELS: Record<Exclude<OutcomeKind, 'other'>, string> = {
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  'closed-after-initial-enquiries': 'Closed after initial enquiries',
};

/** A tolerant mapping: the site has used several wordings over the years. */
export function outcomeKind(label: string): OutcomeKind {
  const key = matchKey(label);
  if (/^not upheld|^no fault|^not investigated/.test(key)) return 'not-upheld';
  if (/^upheld|^fault\b|^maladministration|^injustice remedied/.test(key)) return 'upheld';
  if (/^closed after initial enquiries|^closed after initial|^premature|^outside jurisdiction|^out of jurisdiction|^not investigated/.test(key)) {
    return 'closed-after-initial-enquiries';
  }
  return 'other';
}

/** Wording of summaries and report findings, most specific first. */
const INFERENCE: ReadonlyArray<[RegExp, Exclude<OutcomeKind, 'other'>]> = [
  [/\bwe (will|shall|should|cannot|can not|can't|did|do) not (investigate|start an investigation|be investigating)|\bwe (have )?decided not to investigate|\bwe will not be investigating|\bwe cannot investigate|\bwe have no (power|jurisdiction)|\bnot investigated\b/, 'closed-after-initial-enquiries'],
  [/\b(found|find) no (evidence of )?fault|\bno evidence of (\w+ )?fault|\bthere (is|was) no fault|\bnot at fault|\bwe do not uphold|\bdid not uphold|\bnot upheld/, 'not-upheld'],
  [/\b(found|find|finding) (some )?fault|\b(was|were|is|are) at fault|\bthere (is|was) (some )?fault|\bwe uphold|\bupheld the complaint|\bfault (by|causing|which caused|which has caused)|\bmaladministration causing/, 'upheld'],
];

export function readOutcome(doc: DecisionDoc): Outcome {
  if (doc.header.decision) {
    return { label: doc.header.decision, kind: outcomeKind(doc.header.decision), inferred: false, evidence: null };
  }
  // Reports and pages without a Decision line: the summary, else the finding paragraphs.
  const findingText = doc.blocks
    .filter((b) => doc.sections[b.section]?.role === 'findings' && doc.layout === 'report')
    .map((b) => b.text);
  const candidates = [doc.summary, ...findingText].filter((t): t is string => !!t);
  for (const text of candidates) {
    const key = matchKey(text);
    for (const [pattern, kind] of INFERENCE) {
      const m = pattern.exec(key);
      if (m) return { label: OUTCOME_LABELS[kind], kind, inferred: true, evidence: text };
    }
  }
  return { label: 'Unknown', kind: 'other', inferred: true, evidence: null };
}

function unslug(slug: string): string {
  const words = decodeURIComponent(slug).replace(/-s-/g, "'s ").replace(/-s$/, "'s").replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `/decisions/{area}/{topic}/{ref}` on www.lgo.org.uk or lgo.org.uk, any scheme or query. */
export function categoryFromUrl(url: string | null): Category | null {
  if (!url) return null;
  const m = /^(?:https?:\/\/)?(?:www\.)?lgo\.org\.uk\/decisions\/([^/?#]+)(?:\/([^/?#]+))?/i.exec(url.trim());
  if (!m) return null;
  return { area: unslug(m[1]!), topic: m[2] ? unslug(m[2]) : null, source: 'address' };
}

export function readCategory(doc: DecisionDoc, url: string | null): Category | null {
  if (doc.header.category) {
    // The same splits as /\s*>\s*/, which retried from every space of a long run (quadratic):
    // a match starts only at the head of a run of spaces, or at a '>'.
    const [area, ...rest] = doc.header.category.split(/(?<!\s)\s*>\s*|>\s*/);
    if (area) return { area: area.trim(), topic: rest.join(' > ').trim() || null, source: 'page' };
  }
  return categoryFromUrl(url);
}

export function organisationKind(authority: string, doc: DecisionDoc): OrganisationKind {
  const name = matchKey(authority);
  if (/\bnhs\b|\btrust\b|clinical commissioning|integrated care board|\bicb\b|\bccg\b|health board|hospital/.test(name)) return 'nhs';
  if (/\bschool\b|\bacademy\b|\bcollege\b|governing (body|board)|admissions? (authority|appeal)/.test(name)) return 'school';
  if (/\bcouncil\b|\bborough\b|^city of\b|corporation of london|\bcounty\b|combined authority|greater london authority|national park authority|fire (and rescue )?authority|\bpolice\b/.test(name)) {
    return 'council';
  }
  const mentionsProvider = doc.blocks.some((b) => /\bthe care provider\b/i.test(b.text)) || /\bthe care provider\b/i.test(doc.summary ?? '');
  if (mentionsProvider || /\b(ltd|limited|plc|llp|cic|care|homes?|healthcare|nursing|residential|domiciliary|living)\b/.test(name)) {
    return 'care-provider';
  }
  return 'other';
}
