import { describe, expect, it } from 'vitest';
import { extractGuidance } from '../../lib/parser/extractors/extract-guidance';
import { GuidanceSchema, type Guidance } from '../../lib/schema';
import type { SentenceRef } from '../../lib/parser/sentences/sentence-index';
import { seedLine } from '../helpers/seeds';
import { paras, ref } from '../helpers/sentence-refs';

function run(refs: SentenceRef[]): Guidance[] {
  const out = extractGuidance(refs);
  for (const g of out) expect(GuidanceSchema.safeParse(g).success).toBe(true);
  return out;
}

const titles = (out: Guidance[]): string[] => out.map((g) => g.title);

describe('Working Together to Safeguard Children', () => {
  it('quoted, in sentence case (23-017-456)', () => {
    const line = seedLine('23-017-456', 'The statutory guidance on child safeguarding');
    const out = run(paras([line], 9));
    expect(out).toEqual([
      {
        title: 'Working Together to Safeguard Children',
        paragraphs: [9],
        evidence: [
          { paragraph: 9, block: 0, sentence: 'The statutory guidance on child safeguarding, ‘Working together to safeguard children’.' },
        ],
      },
    ]);
  });

  it('quoted, in title case, inside a bracket (19-015-077)', () => {
    const line = seedLine('19-015-077', 'If referrals are considered incomplete');
    expect(titles(run(paras([line])))).toEqual(['Working Together to Safeguard Children']);
  });

  it('unquoted, mid-sentence (23-020-284)', () => {
    const line = seedLine('23-020-284', "Children's social care will deal with a referral");
    expect(titles(run([ref(line)]))).toEqual(['Working Together to Safeguard Children']);
  });
});

describe('Getting the Best from Complaints (18-009-360)', () => {
  it('the long title and the short one are one document', () => {
    const eight = seedLine('18-009-360', 'The Children’s Act also provides for a complaint procedure');
    const eleven = seedLine('18-009-360', '‘Getting the Best from Complaints’ explains');
    const out = run(paras([eight, eleven], 8));
    expect(out).toHaveLength(1);
    expect(out[0]!.title).toBe('Getting the Best from Complaints');
    expect(out[0]!.paragraphs).toEqual([8, 9]);
    expect(out[0]!.evidence.map((e) => e.sentence)).toEqual([
      'This statutory complaint procedure is set out in Regulations and supported by guidance contained in a publication entitled “Getting the Best from Complaints: Social Care Complaints and Representations for Children, Young People and Others”.',
      '‘Getting the Best from Complaints’ explains that local authorities have discretion to use the procedure where they receive complaints from adults “that relate to a child or young person but not made on their behalf”.',
    ]);
  });

  it('one evidence per sentence, however often the sentence names it', () => {
    const s = '‘Getting the Best from Complaints’ says what ‘Getting the Best from Complaints’ says.';
    const out = run([ref(s, 4, 2)]);
    expect(out).toEqual([
      { title: 'Getting the Best from Complaints', paragraphs: [4], evidence: [{ paragraph: 4, block: 2, sentence: s }] },
    ]);
  });
});

describe('other documents in the table', () => {
  it('Care and Support Statutory Guidance, SEND Code of Practice, Guidance on Remedies, homelessness code', () => {
    const out = run(
      paras([
        'The Care and Support Statutory Guidance says assessments should be person-centred.',
        'The Special educational needs and disability code of practice: 0 to 25 years sets out the timescales.',
        'Our remedy follows the Ombudsman’s Guidance on Remedies.',
        'The Homelessness Code of Guidance for Local Authorities says councils should act quickly.',
        'The SEND Code of Practice applies.',
      ]),
    );
    expect(titles(out)).toEqual([
      'Care and Support Statutory Guidance',
      'SEND Code of Practice',
      'Guidance on Remedies',
      'Homelessness Code of Guidance for Local Authorities',
    ]);
    expect(out[1]!.paragraphs).toEqual([2, 5]);
  });

  it('orders documents by first appearance, within a sentence too', () => {
    const out = run([
      ref('We considered the SEND Code of Practice and the Care and Support Statutory Guidance.'),
      ref('Working Together to Safeguard Children applies.', 2, 1),
    ]);
    expect(titles(out)).toEqual(['SEND Code of Practice', 'Care and Support Statutory Guidance', 'Working Together to Safeguard Children']);
  });
});

describe('quoted titles introduced by guidance words', () => {
  it('statutory guidance ‘X’ and guidance called “X”', () => {
    const out = run(
      paras([
        'The Council should have followed the statutory guidance ‘Keeping Children Safe in Education’.',
        'The school relied on government guidance called “Behaviour in Schools”.',
      ]),
    );
    expect(titles(out)).toEqual(['Keeping Children Safe in Education', 'Behaviour in Schools']);
  });

  it('the ‘X’ guidance', () => {
    expect(titles(run([ref('The Council did not follow the ‘Fair Access Protocols’ guidance.')]))).toEqual(['Fair Access Protocols']);
  });
});

describe('not guidance', () => {
  it('generic words with no title', () => {
    expect(run([ref('Relevant law and guidance as referred to in the text below.')])).toEqual([]);
    expect(run(paras([seedLine('19-015-077', 'I spoke to Ms V on the telephone')]))).toEqual([]);
    expect(run(paras([seedLine('23-017-456', 'Councils have specific safeguarding duties')]))).toEqual([]);
  });

  it('a council’s own policy (20-003-139)', () => {
    const line = seedLine('20-003-139', 'The Council’s policy, Undertaking Assessments and Investigations');
    expect(run(paras([line]))).toEqual([]);
  });

  it('a council’s own guidance document', () => {
    expect(run([ref('The Council’s guidance ‘Managing Difficult Contacts’ was not followed.')])).toEqual([]);
    expect(run([ref('It applied its own guidance document ‘Handling Complaints Well’.')])).toEqual([]);
  });

  it('a quotation after "the guidance says"', () => {
    expect(run([ref('The guidance says “Councils should respond to every complaint within 20 working days”.')])).toEqual([]);
  });

  it('quoted words that are not documents (18-009-360)', () => {
    expect(run(paras([seedLine('18-009-360', 'In a section marked ‘risk factors/concerns’')]))).toEqual([]);
    expect(run(paras([seedLine('18-009-360', 'In the section headed ‘agreed action’')]))).toEqual([]);
    expect(run([ref('I have called the complainant ‘Mr C’.')])).toEqual([]);
  });
});

describe('linear time', () => {
  const KB100 = 100 * 1024;
  const repeat = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  const inputs = [
    '((((((',
    '\u2018',
    '\u201C',
    '"',
    '\u2018A b\u2019s ',
    'statutory guidance \u2018Ab cd ',
    'guidance called \u201CX Y\u201D ',
    'section 1(',
    'Act 1974, sections 26(1) and ',
    'working together to safeguard childre',
  ];
  for (const unit of inputs) {
    // A pattern that backtracks catastrophically would not finish within the test's timeout; the
    // static proof is regex-safety.test.ts, and how fast the parser is belongs to npm run bench.
    it(`finishes on 100 KB of ${JSON.stringify(unit)}`, () => {
      const text = repeat(unit);
      expect(Array.isArray(extractGuidance([ref(text)]))).toBe(true);
    });
  }
});
