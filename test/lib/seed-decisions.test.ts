/**
 * What a careful reader finds in the five seed decisions, hand-checked against
 * the text in seeds/*.txt. Paragraph numbers are the live page's running numbers,
 * counted by hand from the numbered copies (the copies restart at 1 per section).
 */
import { describe, expect, it } from 'vitest';
import type { DecisionSummary, Statute } from '../../lib/schema';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

function statute(s: DecisionSummary, act: string, section: string | null, subsection: string | null = null): Statute | undefined {
  return s.statutes.find((x) => x.act === act && x.section === section && (subsection === undefined || x.subsection === subsection));
}

function sections(s: DecisionSummary, act: string): string[] {
  return s.statutes.filter((x) => x.act === act).map((x) => `${x.section}${x.subsection ?? ''}`);
}

describe('19 015 077 (Stoke-on-Trent, not upheld, numbered layout)', () => {
  const s = summaryOf(seedText('19-015-077'), SEED_URLS['19-015-077']);

  it('reads the header', () => {
    expect(s.reference).toBe('19 015 077');
    expect(s.authority).toBe('Stoke-on-Trent City Council');
    expect(s.organisationKind).toBe('council');
    expect(s.category).toEqual({ area: "Children's care services", topic: 'Child protection', source: 'page' });
    expect(s.outcome).toMatchObject({ label: 'Not upheld', kind: 'not-upheld', inferred: false });
    expect(s.decisionDate).toBe('2021-02-08');
    expect(s.complainant).toBe('Ms V');
    expect(s.url).toBe(SEED_URLS['19-015-077']);
    expect(s.summary).toMatch(/^Ms V says the Council failed to act appropriately/);
  });

  it('finds no fault and no remedy', () => {
    // "I am not finding the Council at fault", "I have not found the Council at fault", "There is no evidence of Council fault."
    expect(s.faults).toEqual([]);
    expect(s.remedies).toEqual([]);
    expect(s.totalPayments).toBe(0);
  });

  it('lists the two points of complaint (no list: the paragraphs that state them)', () => {
    expect(s.complaints.map((c) => c.paragraph)).toEqual([1, 2]);
    expect(s.complaints[1]!.text).toMatch(/^I was also asked to consider the Council’s complaints handling/);
  });

  it('cites section 47 of the Children Act 1989 as the law of the case, linked', () => {
    const s47 = statute(s, 'Children Act 1989', '47');
    expect(s47).toBeDefined();
    expect(s47!.jurisdiction).toBe(false);
    expect(s47!.url).toBe('https://www.legislation.gov.uk/ukpga/1989/41/section/47');
    // "Section 47 of the Children Act 1989 explains there is a duty..." opens paragraph 17 (3 + 4 + 1 + 2 + 6 + 1).
    expect(s47!.paragraphs).toContain(17);
  });

  it('keeps the Local Government Act 1974 citations apart as jurisdiction', () => {
    const lga = s.statutes.filter((x) => x.act === 'Local Government Act 1974');
    expect(lga.every((x) => x.jurisdiction)).toBe(true);
    expect(sections(s, 'Local Government Act 1974')).toEqual(expect.arrayContaining(['26B', '34D', '34(3)', '24A(6)', '30(1B)', '34H(1)']));
    const s26B = statute(s, 'Local Government Act 1974', '26B', null);
    expect(s26B!.paragraphs).toEqual([4]);
    expect(s26B!.url).toBe('https://www.legislation.gov.uk/ukpga/1974/7/section/26B');
  });

  it('names Working Together to Safeguard Children', () => {
    expect(s.guidance.map((g) => g.title)).toContain('Working Together to Safeguard Children');
    expect(s.regulators).toEqual([]);
  });
});

describe('23 020 284 (Stockport, not upheld, one line per block)', () => {
  const s = summaryOf(seedText('23-020-284'));

  it('reads the header and the complainant', () => {
    expect(s.reference).toBe('23 020 284');
    expect(s.authority).toBe('Stockport Metropolitan Borough Council');
    expect(s.outcome).toMatchObject({ kind: 'not-upheld', inferred: false });
    expect(s.decisionDate).toBe('2024-10-20');
    expect(s.complainant).toBe('Mr D');
    expect(s.url).toBeNull();
  });

  it('lists the four points he complained of', () => {
    expect(s.complaints.map((c) => c.text)).toEqual([
      'showed bias by not investigating his concerns about the actions of his ex-partner;',
      'failed to act on the concerns he raised;',
      'failed to investigate his complaint properly; and',
      'produced an inaccurate report for court proceedings.',
    ]);
    expect(s.complaints.every((c) => c.paragraph === 1)).toBe(true);
  });

  it('finds no fault', () => {
    expect(s.faults).toEqual([]);
    expect(s.remedies).toEqual([]);
  });

  it('cites sections 17 and 47 of the Children Act 1989 and s.26(6)(c) as jurisdiction', () => {
    expect(statute(s, 'Children Act 1989', '17')?.jurisdiction).toBe(false);
    expect(statute(s, 'Children Act 1989', '47')?.jurisdiction).toBe(false);
    const s26 = statute(s, 'Local Government Act 1974', '26', '(6)(c)');
    expect(s26?.jurisdiction).toBe(true);
    expect(s26?.text).toContain('26(6)(c)');
  });
});

describe('20 003 139 (Stoke-on-Trent, upheld, strands a) to g))', () => {
  const s = summaryOf(seedText('20-003-139'));

  it('is upheld', () => {
    expect(s.outcome).toMatchObject({ label: 'Upheld', kind: 'upheld', inferred: false });
    expect(s.decisionDate).toBe('2021-06-01');
    expect(s.complainant).toBe('Mr X');
    expect(s.complaints).toHaveLength(6);
  });

  it('finds faults under strands c), e), f) (two) and g), none under a), b), d)', () => {
    expect(s.faults.map((f) => f.heading?.slice(0, 2))).toEqual(['c)', 'e)', 'f)', 'f)', 'g)']);
    expect(s.faults.map((f) => f.paragraph)).toEqual([16, 19, 24, 27, 31]);
    expect(s.faults[0]!.text).toBe('The Council is at fault.');
    expect(s.faults[1]!.text).toBe('The Council was at fault in that it did not advise Mr X of his appeal rights.');
  });

  it('tells the c) fault was remedied by the apology and the e) fault caused no significant injustice', () => {
    const [c, e, f1, f2] = s.faults;
    expect(c!.injustice).toBe('remedied');
    expect(c!.injusticeEvidence?.sentence).toMatch(/^It has apologised, which I consider is an appropriate remedy/);
    expect(e!.injustice).toBe('none');
    expect(e!.injusticeEvidence?.sentence).toMatch(/do not find there was significant injustice/);
    // The second f) fault says in the same sentence: "but there is no evidence of injustice".
    expect(f2!.injustice).toBe('none');
    // The first f) fault has no verdict of its own; M's claim of "a huge injustice" is not one.
    expect(f1!.injustice).toBe('unstated');
  });

  it('has one remedy: a written apology within one month', () => {
    expect(s.remedies).toHaveLength(1);
    const [apology] = s.remedies;
    expect(apology).toMatchObject({ kind: 'apology', paragraph: 32, amount: null });
    expect(apology!.deadline).toEqual({ text: 'within one month of my final decision', count: 1, unit: 'month' });
    expect(s.totalPayments).toBe(0);
  });

  it('reads the Ombudsman’s powers with the 34H(i) typo as 34H(1)', () => {
    expect(statute(s, 'Local Government Act 1974', '34H', '(1)')?.jurisdiction).toBe(true);
    expect(statute(s, 'Local Government Act 1974', '26A', '(1)')?.jurisdiction).toBe(true);
    expect(statute(s, 'Children Act 1989', '47')?.jurisdiction).toBe(false);
  });
});

describe('18 009 360 (Hertfordshire, upheld, long)', () => {
  const s = summaryOf(seedText('18-009-360'));

  it('is upheld, about Mr C', () => {
    expect(s.outcome.kind).toBe('upheld');
    expect(s.decisionDate).toBe('2019-08-21');
    expect(s.complainant).toBe('Mr C');
    expect(s.complaints).toHaveLength(4);
  });

  it('finds fault with injustice in both assessments', () => {
    const first = s.faults.filter((f) => f.heading === 'The Council’s involvement between November 2017 and January 2018');
    const second = s.faults.filter((f) => f.heading === 'The Council’s involvement between January and September 2018');
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(second.length).toBeGreaterThanOrEqual(1);
    expect([...first, ...second].every((f) => f.injustice === 'caused')).toBe(true);
    expect(first.map((f) => f.text)).toContain('But there was fault in how the Council then undertook that assessment.');
    expect(second.some((f) => f.text.startsWith('I consider it was fault therefore for the Council to suggest'))).toBe(true);
  });

  it('finds fault in refusing to let Mr C record a meeting, contrary to policy', () => {
    const recording = s.faults.find((f) => f.text === 'That was wrong and justifies a finding of fault against the Council.');
    expect(recording).toBeDefined();
    expect(recording!.injustice).toBe('caused');
    expect(recording!.heading).toBe('The Council’s complaint handling');
  });

  it('makes no fault finding for the choice of complaint procedure', () => {
    expect(s.faults.some((f) => /do not make a finding of fault|do not find fault|did not consider it was fault/.test(f.text))).toBe(false);
  });

  it('lists the agreed remedies with amounts and deadlines', () => {
    const apology = s.remedies.find((r) => r.kind === 'apology');
    expect(apology?.text).toMatch(/^Provide a written apology to Mr C/);
    expect(apology?.deadline).toMatchObject({ count: 20, unit: 'working-day' });

    const payment = s.remedies.find((r) => r.kind === 'payment');
    expect(payment).toMatchObject({ amount: 500, payee: 'Mr C' });
    expect(payment?.purpose).toBe('distress and time and trouble');
    expect(payment?.deadline).toMatchObject({ count: 20, unit: 'working-day' });

    const records = s.remedies.find((r) => r.text.startsWith('Append a copy of this statement to its case records'));
    expect(records?.deadline).toMatchObject({ count: 20, unit: 'working-day' });

    const staff = s.remedies.find((r) => r.kind === 'service-improvement');
    expect(staff?.text).toMatch(/all relevant personnel are familiar with the policy/);
    expect(staff?.deadline).toEqual({ text: 'within three months of a decision on this complaint', count: 3, unit: 'month' });

    expect(s.totalPayments).toBe(500);
    // "first considered if the Council should re-open its case and again re-assess" was not agreed.
    expect(s.remedies.some((r) => r.kind === 'reassessment')).toBe(false);
  });

  it('is shared with Ofsted', () => {
    expect(s.regulators.map((r) => r.name)).toEqual(['Ofsted']);
    expect(s.regulators[0]!.paragraph).toBe(91);
  });

  it('reads "the Children’s Act" as the Children Act 1989, sections 17 and 47', () => {
    expect(statute(s, 'Children Act 1989', '17')).toBeDefined();
    expect(statute(s, 'Children Act 1989', '47')).toBeDefined();
    expect(s.statutes.some((x) => /Children’s Act/.test(x.act))).toBe(false);
  });

  it('names “Getting the Best from Complaints”', () => {
    expect(s.guidance.map((g) => g.title)).toContain('Getting the Best from Complaints');
  });
});

describe('23 017 456 (Derbyshire, upheld, faults mostly without injustice)', () => {
  const s = summaryOf(seedText('23-017-456'));

  it('is upheld, about Miss B', () => {
    expect(s.outcome.kind).toBe('upheld');
    expect(s.decisionDate).toBe('2024-06-06');
    expect(s.complainant).toBe('Miss B');
    expect(s.complaints).toHaveLength(4);
  });

  it('finds three faults: delays and visits without injustice, the unanswered manager remedied', () => {
    expect(s.faults.map((f) => [f.heading, f.injustice])).toEqual([
      ['Complaint A: The move to Mr C’s home', 'none'],
      ['Complaint B: Living with Mr C', 'none'],
      ['Complaint C: Communication', 'remedied'],
    ]);
    expect(s.faults[0]!.text).toBe('I have seen no good reason for these delays, so I have found fault with the Council.');
    expect(s.faults[1]!.text).toMatch(/it was at fault for failing to meet this commitment\.$/);
    expect(s.faults[2]!.text).toMatch(/for which the Council was at fault\.$/);
    expect(s.faults[2]!.injusticeEvidence?.sentence).toBe(
      'Consequently, the Council has resolved her injustice and no further action is needed.',
    );
  });

  it('has one remedy: an action plan within two months', () => {
    expect(s.remedies).toHaveLength(1);
    expect(s.remedies[0]).toMatchObject({ kind: 'service-improvement', amount: null });
    expect(s.remedies[0]!.deadline).toMatchObject({ count: 2, unit: 'month' });
    expect(s.remedies[0]!.text).toMatch(/action plan/);
  });

  it('is shared with Ofsted and cites section 47', () => {
    expect(s.regulators.map((r) => r.name)).toEqual(['Ofsted']);
    expect(statute(s, 'Children Act 1989', '47')).toBeDefined();
    expect(s.guidance.map((g) => g.title)).toContain('Working Together to Safeguard Children');
  });
});
