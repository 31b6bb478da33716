/**
 * The vocabulary tables (lib/vocabulary/): every row's example read as the row says, by the
 * matching function and through the whole parser, so a row whose pattern no longer reads its own
 * example, or that an earlier row shadows with another kind, fails here.
 */
import { describe, expect, it } from 'vitest';
import { outcomeFromWording, outcomeKind } from '../../lib/parser/extractors/outcome';
import { matchKey } from '../../lib/parser/front-ends/text-normalise';
import { OUTCOME_LABELS, OUTCOME_WORDINGS } from '../../lib/parser/vocabulary/outcomes';
import { CARE_PROVIDER, HOUSING_COMPANY, ORGANISATION_KINDS, organisationKindOf } from '../../lib/parser/vocabulary/organisation-kinds';
import { REMEDY_KINDS, remedyKindsOf } from '../../lib/parser/vocabulary/remedy-kinds';
import { readSummaryRemedies } from '../../lib/parser/extractors/summary-remedies';
import { readRepoFile, seedText, summaryOf } from '../helpers/seeds';

/** Seed 23 017 456 (a council, upheld) with its Decision line's label replaced. */
const withLabel = (label: string) => seedText('23-017-456').replace('Decision : Upheld', `Decision : ${label}`);

/** Seed 23 017 456 without its Decision line, its summary replaced: the outcome must come from the wording. */
function withSummary(summary: string): string {
  const text = seedText('23-017-456').replace(/^Decision : Upheld\n/m, '');
  return text.replace(/^Summary: .*$/m, `Summary: ${summary}`);
}

const retitle = (name: string) => seedText('23-017-456').replace('Derbyshire County Council (23 017 456)', `${name} (23 017 456)`);

describe('outcome labels', () => {
  it('the seed the rows are tried on has the lines they replace', () => {
    expect(seedText('23-017-456')).toMatch(/^Decision : Upheld$/m);
    expect(seedText('23-017-456')).toMatch(/^Summary: /m);
  });

  it.each(OUTCOME_LABELS.map((row) => [row.example, row.kind] as const))('"%s" is %s', (example, kind) => {
    expect(outcomeKind(example)).toBe(kind);
    expect(summaryOf(withLabel(example)).outcome).toMatchObject({ label: example, kind, inferred: false });
  });

  it('"Not investigated" is a decision not to investigate, not a finding of no fault', () => {
    expect(outcomeKind('Not investigated')).toBe('closed-after-initial-enquiries');
  });

  it('keeps a label no row reads as the kind other, with its words', () => {
    expect(summaryOf(withLabel('Withdrawn')).outcome).toMatchObject({ label: 'Withdrawn', kind: 'other', inferred: false });
  });
});

describe('outcome wordings', () => {
  it.each(OUTCOME_WORDINGS.map((row) => [row.example, row.kind] as const))('"%s" is %s', (example, kind) => {
    expect(outcomeFromWording(example)).toBe(kind);
    const s = summaryOf(withSummary(example));
    expect(s.outcome).toMatchObject({ kind, inferred: true, evidence: example });
    expect(s.warnings).toContain('No Decision line: the outcome was inferred from the wording of the decision.');
  });

  it.each([
    ['We found no fault.', 'not-upheld'],
    ['Mr X’s complaint is not upheld.', 'not-upheld'],
    ['We do not uphold Mrs Y’s complaint, which we partly investigated.', 'not-upheld'],
    ['We have not found the Council at fault for failing to protect the household’s belongings.', 'not-upheld'],
    ['The Ombudsman finds no evidence of fault by the Council.', 'not-upheld'],
    ['There is no evidence of fault in the way the Council has reached its decision.', 'not-upheld'],
    ['While there was no fault in respect of the bailiff visit, there was fault in the failure to record a new agreement.', 'upheld'],
    [
      'We have found the Council at fault for these matters. We have not found the Council at fault for failing to protect the household’s belongings.',
      'upheld',
    ],
    [
      'We will not investigate this complaint. This is because there is insufficient evidence of fault by the Council.',
      'closed-after-initial-enquiries',
    ],
  ] as const)('reads a negation as a careful reader does: "%s" is %s', (text, kind) => {
    expect(outcomeFromWording(text)).toBe(kind);
  });

  it('gives other, with a warning, where the wording states no outcome', () => {
    // The opening of 20 001 594 (no Decision line, no Final decision in the excerpt) without the
    // sentence that states its outcome ("The Ombudsman upholds the complaint.").
    const opening = readRepoFile('test/corpus/openings/20-001-594.txt');
    expect(opening).toContain(' The Ombudsman upholds the complaint.');
    const s = summaryOf(
      opening.replace(' The Ombudsman upholds the complaint.', ''),
      'https://www.lgo.org.uk/decisions/education/special-educational-needs/20-001-594',
    );
    expect(outcomeFromWording(s.summary!)).toBeNull();
    expect(s.outcome).toMatchObject({ kind: 'other', inferred: true, label: 'Unknown' });
    expect(s.warnings).toContain('No Decision line, and the outcome could not be read from the wording.');
  });
});

describe('organisation kinds', () => {
  const rows = [...ORGANISATION_KINDS, HOUSING_COMPANY, CARE_PROVIDER];

  it.each(rows.map((row) => [row.example, row.kind] as const))('"%s" is %s', (example, kind) => {
    expect(organisationKindOf(matchKey(example), () => false)).toBe(kind);
    expect(summaryOf(retitle(example)).organisationKind).toBe(kind);
  });

  it.each([
    ['Harris Federation Academy Trust', 'school'],
    ['Princess Alexandra Hospital NHS Trust', 'nhs'],
    ['Tower Hamlets Homes', 'council'],
    ['Stockport Metropolitan Borough Council', 'council'],
    ['Caring Homes Healthcare Group Limited', 'care-provider'],
    ['My Life (Carewatch) Limited', 'care-provider'],
    ['Sunrise Care Homes Limited', 'care-provider'],
  ] as const)('names from real decisions: "%s" is %s', (name, kind) => {
    expect(organisationKindOf(matchKey(name), () => false)).toBe(kind);
  });

  it('a decision that speaks of "the Care Provider" is about one, whatever its name', () => {
    expect(organisationKindOf(matchKey('Mrs M Wenlock'), () => true)).toBe('care-provider');
    expect(organisationKindOf(matchKey('Mrs M Wenlock'), () => false)).toBe('other');
    // ...but a council or NHS body named in the title stays one.
    expect(organisationKindOf(matchKey('Liverpool City Council'), () => true)).toBe('council');
  });
});

describe('remedy kinds', () => {
  it.each(REMEDY_KINDS.map((row) => [row.example, row.kind] as const))('"%s" names %s', (example, kind) => {
    expect(remedyKindsOf(matchKey(example))).toContain(kind);
  });

  it('each row reads its own example: no other row of its kind is needed for it', () => {
    for (const row of REMEDY_KINDS) expect(row.pattern.test(matchKey(row.example)), row.example).toBe(true);
  });

  it('the kinds a summary sentence names are read as its remedies, each kind once', () => {
    // 18 010 988's summary: "...agreed to apologise to Mr X, make a payment to recognise the failure..."
    const sentence = 'The Council has agreed to apologise to Mr X, make a payment to recognise the failure to meet his care needs.';
    expect(readSummaryRemedies(sentence).map((r) => r.kind)).toEqual(['apology', 'payment']);
  });
});
