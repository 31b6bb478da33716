import { describe, expect, it } from 'vitest';
import { extractStatutes } from '../../lib/parser/extractors/extract-statutes';
import { StatuteSchema, type Statute } from '../../lib/schema';
import type { SentenceRef } from '../../lib/parser/sentences/sentence-index';
import { seedLine, seedText, type SeedRef } from '../helpers/seeds';
import { paras, ref } from '../helpers/sentence-refs';

function seedContains(seed: SeedRef, fragment: string): string {
  if (!seedText(seed).includes(fragment)) throw new Error(`${seed} does not contain "${fragment}"`);
  return fragment;
}

/** Runs the extractor and checks the contract on every item before returning them. */
function run(refs: SentenceRef[]): Statute[] {
  const out = extractStatutes(refs);
  for (const item of out) {
    expect(StatuteSchema.safeParse(item).success).toBe(true);
    // The citation as written must be found in the sentence it was first read from.
    expect(item.evidence[0]!.sentence).toContain(item.text);
    const sorted = [...new Set(item.paragraphs)].sort((a, b) => a - b);
    expect(item.paragraphs).toEqual(sorted);
  }
  return out;
}

/** The fields that identify a provision, for compact expectations. */
function provisions(out: Statute[]): [string, string | null, string | null][] {
  return out.map((s) => [s.act, s.section, s.subsection]);
}

const LGA = 'Local Government Act 1974';
const LGA_URL = 'https://www.legislation.gov.uk/ukpga/1974/7';

describe('jurisdiction citations (the Ombudsman’s own powers)', () => {
  it('sections 26(1) and 26A(1)', () => {
    const s =
      'If there has been fault which has caused an injustice, we may suggest a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)';
    const out = run(paras([s], 2));
    expect(provisions(out)).toEqual([
      [LGA, '26', '(1)'],
      [LGA, '26A', '(1)'],
    ]);
    expect(out.map((x) => x.url)).toEqual([`${LGA_URL}/section/26`, `${LGA_URL}/section/26A`]);
    expect(out.every((x) => x.jurisdiction)).toBe(true);
    expect(out[0]!.paragraphs).toEqual([2]);
    expect(out[0]!.text).toBe('(Local Government Act 1974, sections 26(1) and 26A(1), as amended)');
    expect(out[0]!.evidence).toEqual([
      { paragraph: 2, block: 0, sentence: '(Local Government Act 1974, sections 26(1) and 26A(1), as amended)' },
    ]);
  });

  it('section 30(1B) and 34H(i): "34H(i)" is read as 34H(1)', () => {
    const out = run([ref('(Local Government Act 1974, section 30(1B) and 34H(i), as amended)')]);
    expect(provisions(out)).toEqual([
      [LGA, '30', '(1B)'],
      [LGA, '34H', '(1)'],
    ]);
  });

  it('sections 26B and 34D', () => {
    const out = run([ref('(Local Government Act 1974, sections 26B and 34D, as amended)')]);
    expect(provisions(out)).toEqual([
      [LGA, '26B', null],
      [LGA, '34D', null],
    ]);
  });

  it('section 24A(6), as amended, section 34(B): "34(B)" is s.34B', () => {
    const out = run([ref('(Local Government Act 1974, section 24A(6), as amended, section 34(B))')]);
    expect(provisions(out)).toEqual([
      [LGA, '24A', '(6)'],
      [LGA, '34B', null],
    ]);
    expect(out[1]!.url).toBe(`${LGA_URL}/section/34B`);
  });

  it('section 34(3) and section 26(6)(c)', () => {
    expect(provisions(run([ref('(Local Government Act 1974, section 34(3), as amended)')]))).toEqual([[LGA, '34', '(3)']]);
    expect(provisions(run([ref('(Local Government Act 1974, section 26(6)(c), as amended)')]))).toEqual([[LGA, '26', '(6)(c)']]);
  });

  it('Schedule 5/5A, paragraph 1/3: schedules and paragraphs pair by position', () => {
    const out = run([ref('(Local Government Act 1974, Schedule 5/5A, paragraph 1/3, as amended)')]);
    expect(provisions(out)).toEqual([
      [LGA, 'Schedule 5', 'paragraph 1'],
      [LGA, 'Schedule 5A', 'paragraph 3'],
    ]);
    expect(out.map((x) => x.url)).toEqual([`${LGA_URL}/schedule/5`, `${LGA_URL}/schedule/5A`]);
  });

  it('one schedule with several paragraphs gives one item per paragraph', () => {
    const out = run([ref('(Local Government Act 1974, Schedule 5, paragraphs 1 and 5, as amended)')]);
    expect(provisions(out)).toEqual([
      [LGA, 'Schedule 5', 'paragraph 1'],
      [LGA, 'Schedule 5', 'paragraph 5'],
    ]);
  });

  it('sections 34B(8) and (9): the bare "(9)" continues 34B', () => {
    const out = run([ref('(Local Government Act 1974, sections 34B(8) and (9))')]);
    expect(provisions(out)).toEqual([
      [LGA, '34B', '(8)'],
      [LGA, '34B', '(9)'],
    ]);
  });

  it('a second Act in the same bracket (joint decisions)', () => {
    const out = run([
      ref(
        'We may investigate jointly. (Local Government Act 1974, section 33ZA, as amended, and Health Service Commissioners Act 1993, section 18ZA)',
      ),
    ]);
    expect(provisions(out)).toEqual([
      [LGA, '33ZA', null],
      ['Health Service Commissioners Act 1993', '18ZA', null],
    ]);
    expect(out[1]!.url).toBe('https://www.legislation.gov.uk/ukpga/1993/46/section/18ZA');
    expect(out.map((x) => x.jurisdiction)).toEqual([true, true]);
  });

  it('one item per provision, with every citing sentence and paragraph', () => {
    const c = '(Local Government Act 1974, section 34(3), as amended)';
    const out = run([ref(c, 3, 4), ref(c, 7, 9), ref(c, 3, 4, 1)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.paragraphs).toEqual([3, 7]);
    expect(out[0]!.evidence.map((e) => e.block)).toEqual([4, 9, 4]);
  });
});

describe('law of the case, in prose', () => {
  it('section 47 of the Children Act 1989', () => {
    const out = run([ref('This duty falls under section 47 of the Children Act 1989.', 14)]);
    expect(out).toEqual([
      {
        act: 'Children Act 1989',
        section: '47',
        subsection: null,
        text: 'section 47 of the Children Act 1989',
        url: 'https://www.legislation.gov.uk/ukpga/1989/41/section/47',
        paragraphs: [14],
        jurisdiction: false,
        evidence: [{ paragraph: 14, block: 0, sentence: 'This duty falls under section 47 of the Children Act 1989.' }],
      },
    ]);
  });

  it('Section 47 of the Children’s Act means the Children Act 1989', () => {
    const out = run([ref('Some referrals engage Section 47 of the Children’s Act.')]);
    expect(provisions(out)).toEqual([['Children Act 1989', '47', null]]);
    expect(out[0]!.text).toBe('Section 47 of the Children’s Act');
  });

  it('two sections of one Act in one sentence (23-020-284)', () => {
    const line = seedLine('23-020-284', "Children's social care will deal with a referral");
    const out = run([ref(line, 11)]);
    expect(provisions(out)).toEqual([
      ['Children Act 1989', '17', null],
      ['Children Act 1989', '47', null],
    ]);
    expect(out.map((x) => x.text)).toEqual(['section 17 of the Children Act 1989', 'Section 47 of the Children Act 1989']);
  });

  it('"sections 17 and 47 of" and "ss.17 and 47 of"', () => {
    for (const s of [
      'The Council has duties under sections 17 and 47 of the Children Act 1989.',
      'The Council has duties under ss.17 and 47 of the Children Act 1989.',
    ]) {
      expect(provisions(run([ref(s)]))).toEqual([
        ['Children Act 1989', '17', null],
        ['Children Act 1989', '47', null],
      ]);
    }
  });

  it('Section 41 of the Highways Act 1980, section 117 of the Mental Health Act 1983', () => {
    const out = run(
      paras([
        'Section 41 of the Highways Act 1980 places a duty on the Council to maintain the highway.',
        'Mr B is entitled to aftercare under section 117 of the Mental Health Act 1983.',
      ]),
    );
    expect(provisions(out)).toEqual([
      ['Highways Act 1980', '41', null],
      ['Mental Health Act 1983', '117', null],
    ]);
    expect(out.map((x) => x.url)).toEqual([
      'https://www.legislation.gov.uk/ukpga/1980/66/section/41',
      'https://www.legislation.gov.uk/ukpga/1983/20/section/117',
    ]);
  });

  it('(Education Act 1996, 508B(1) and Schedule 35B): a number straight after the Act', () => {
    const out = run([
      ref('Councils must arrange free travel to school for eligible children. (Education Act 1996, 508B(1) and Schedule 35B)'),
    ]);
    expect(provisions(out)).toEqual([
      ['Education Act 1996', '508B', '(1)'],
      ['Education Act 1996', 'Schedule 35B', null],
    ]);
    expect(out.map((x) => x.url)).toEqual([
      'https://www.legislation.gov.uk/ukpga/1996/56/section/508B',
      'https://www.legislation.gov.uk/ukpga/1996/56/schedule/35B',
    ]);
  });

  it('S13A(1)(c) of the Local Government Finance Act 1992 (as amended)', () => {
    const out = run([
      ref('The Council may reduce the council tax due under S13A(1)(c) of the Local Government Finance Act 1992 (as amended).'),
    ]);
    expect(provisions(out)).toEqual([['Local Government Finance Act 1992', '13A', '(1)(c)']]);
    expect(out[0]!.url).toBe('https://www.legislation.gov.uk/ukpga/1992/14/section/13A');
    expect(out[0]!.jurisdiction).toBe(false);
  });

  it('(section 47 of the Children Act 1989) at the end of a sentence (20-003-139)', () => {
    const line = seedLine('20-003-139', 'Councils have a duty to make enquiries');
    const out = run(paras([line], 6));
    expect(provisions(out)).toEqual([['Children Act 1989', '47', null]]);
    expect(out[0]!.text).toBe('section 47 of the Children Act 1989');
    expect(out[0]!.evidence).toEqual([
      {
        paragraph: 6,
        block: 0,
        sentence:
          'The enquiries must establish the child’s situation and determine whether protective action is required (section 47 of the Children Act 1989).',
      },
    ]);
  });

  it('an Act with the section after it: "Children Act 1989, section 20"', () => {
    expect(provisions(run([ref('The Council accommodated him under the Children Act 1989, section 20.')]))).toEqual([
      ['Children Act 1989', '20', null],
    ]);
  });

  it('an Act with the section after it in brackets: "Care Act 2014 (section 9)"', () => {
    const out = run([ref('The Council must assess needs under the Care Act 2014 (section 9).')]);
    expect(provisions(out)).toEqual([['Care Act 2014', '9', null]]);
    expect(out[0]!.text).toBe('Care Act 2014 (section 9)');
  });
});

describe('Acts named without a section', () => {
  it('the Care Act 2014 is a whole-Act citation linked to its contents', () => {
    const out = run([ref('The Care Act 2014 sets out the duties of councils to assess needs.', 5)]);
    expect(out).toEqual([
      {
        act: 'Care Act 2014',
        section: null,
        subsection: null,
        text: 'Care Act 2014',
        url: 'https://www.legislation.gov.uk/ukpga/2014/23/contents',
        paragraphs: [5],
        jurisdiction: false,
        evidence: [{ paragraph: 5, block: 0, sentence: 'The Care Act 2014 sets out the duties of councils to assess needs.' }],
      },
    ]);
  });

  it('an Act outside the table keeps its name (with lower-case words) and gets no link', () => {
    const out = run([ref('Mr A asked for the records under the Freedom of Information Act 2000.')]);
    expect(out).toHaveLength(1);
    expect(out[0]!.act).toBe('Freedom of Information Act 2000');
    expect(out[0]!.section).toBeNull();
    expect(out[0]!.url).toBeNull();
    expect(out[0]!.jurisdiction).toBe(false);
  });

  it('a section of an Act outside the table gets no link either', () => {
    const out = run([ref('Section 1 of the Freedom of Information Act 2000 gives a right of access.')]);
    expect(provisions(out)).toEqual([['Freedom of Information Act 2000', '1', null]]);
    expect(out[0]!.url).toBeNull();
  });

  it('"the Children’s Act" alone (18-009-360) is the Children Act 1989 as a whole', () => {
    const line = seedLine('18-009-360', 'The Children’s Act also provides for a complaint procedure');
    const out = run(paras([line], 8));
    expect(provisions(out)).toEqual([['Children Act 1989', null, null]]);
    expect(out[0]!.text).toBe('Children’s Act');
    expect(out[0]!.url).toBe('https://www.legislation.gov.uk/ukpga/1989/41/contents');
  });

  it('no whole-Act item for an Act whose sections are cited', () => {
    const out = run(
      paras([
        seedLine('18-009-360', 'The Children’s Act 1989 sets out the circumstances'),
        seedLine('18-009-360', 'Section 47 of the Children’s Act allows the Council'),
      ]),
    );
    expect(provisions(out)).toEqual([
      ['Children Act 1989', '47', null],
      ['Children Act 1989', '17', null],
    ]);
  });

  it('a Code of Practice named after an Act is not the Act', () => {
    expect(run([ref('The Mental Capacity Act Code of Practice says staff should record decisions.')])).toEqual([]);
  });

  it('the longest title wins only when it is really the name', () => {
    expect(provisions(run([ref('The Housing Grants, Construction and Regeneration Act 1996 governs grants.')]))).toEqual([
      ['Housing Grants, Construction and Regeneration Act 1996', null, null],
    ]);
    // Not the Care Act 2014, not "Care Act 1990".
    const out = run([ref('The National Health Service and Community Care Act 1990 applied.')]);
    expect(provisions(out)).toEqual([['National Health Service and Community Care Act 1990', null, null]]);
    expect(out[0]!.url).toBeNull();
  });
});

describe('references that lean on earlier citations', () => {
  it('"the 1989 Act" resolves to the Act of that year cited earlier', () => {
    const out = run(
      paras([
        'The Children Act 1989 sets out duties to children in need.',
        'Under section 17 of the 1989 Act the Council may provide services.',
      ]),
    );
    expect(provisions(out)).toEqual([['Children Act 1989', '17', null]]);
    expect(out[0]!.text).toBe('section 17 of the 1989 Act');
  });

  it('"the 1996 Act" with no Act of 1996 cited earlier is not a citation', () => {
    expect(run([ref('Under section 3 of the 1996 Act the Council must act.')])).toEqual([]);
  });

  it('a yearless "the Housing Act" is used only after the decision names its year', () => {
    expect(run([ref('The Council considered her application under the Housing Act.')])).toEqual([]);
    const out = run(
      paras(['She applied as homeless under the Housing Act 1996.', 'The Council considered her application under the Housing Act.']),
    );
    expect(provisions(out)).toEqual([['Housing Act 1996', null, null]]);
    expect(out[0]!.paragraphs).toEqual([1, 2]);
  });

  it('"Section 17 refers to..." after the Children’s Act was discussed (18-009-360)', () => {
    const fours = seedLine('18-009-360', 'The Hertfordshire Safeguarding Children Board publishes');
    const five = seedLine('18-009-360', 'Section 47 of the Children’s Act allows the Council');
    const six = seedLine('18-009-360', 'Section 17 refers to services');
    const out = run(paras([fours, five, six], 4));
    expect(provisions(out)).toEqual([
      ['Children Act 1989', '47', null],
      ['Children Act 1989', '17', null],
    ]);
    const [s47, s17] = out;
    expect(s47!.paragraphs).toEqual([4, 5]);
    expect(s47!.evidence.map((e) => e.sentence)).toEqual([
      'Some referrals engage Section 47 of the Children’s Act.',
      'Section 47 of the Children’s Act allows the Council to make enquiries with all agencies who work with a child and the family.',
    ]);
    expect(s17!.paragraphs).toEqual([5, 6]);
    expect(s17!.text).toBe('Section 17 of the Children’s Act');
    expect(s17!.evidence.map((e) => e.sentence)).toEqual([
      'This might lead it to offer services under Section 17 of the Children’s Act.',
      'Section 17 refers to services children’s services must provide to ‘children in need’.',
    ]);
  });

  it('a bare section with no Act in reach is dropped, never guessed', () => {
    expect(run([ref('Section 17 refers to services children’s services must provide to ‘children in need’.')])).toEqual([]);
    // The Act was last named three paragraphs earlier and this section was never cited with it.
    const out = run(paras(['The Children Act 1989 sets out duties.', 'Nothing here.', 'Nor here.', 'Section 20 is about accommodation.']));
    expect(provisions(out)).toEqual([['Children Act 1989', null, null]]);
  });

  it('reach is counted in paragraphs: items of one paragraph are one, unnumbered blocks one each', () => {
    const texts = ['The Children Act 1989 sets out duties.', 'Nothing here.', 'Section 20 is about accommodation.'];
    // Resolved, the section replaces the whole-Act item (see "no whole-Act item..." above).
    const resolved = [['Children Act 1989', '20', null]];
    // Two unnumbered blocks on: in reach. Three: not.
    expect(provisions(run(texts.map((t, i) => ref(t, null, i))))).toEqual(resolved);
    const far = ['The Children Act 1989 sets out duties.', 'Nothing here.', 'Nor here.', 'Section 20 is about accommodation.'];
    expect(provisions(run(far.map((t, i) => ref(t, null, i))))).toEqual([['Children Act 1989', null, null]]);
    // Paragraph 4 named the Act and has three more items; paragraph 6 is two paragraphs on.
    const items = ['The Children Act 1989 sets out duties:', 'to assess;', 'to plan;', 'to review.'].map((t, i) => ref(t, 4, i));
    expect(provisions(run([...items, ref('Nothing here.', 5, 4), ref('Section 20 is about accommodation.', 6, 5)]))).toEqual(resolved);
  });

  it('a bare section does not borrow the Ombudsman’s own Act', () => {
    expect(provisions(run(paras(['(Local Government Act 1974, section 34(3), as amended)', 'Section 17 refers to services.'])))).toEqual([
      [LGA, '34', '(3)'],
    ]);
  });

  it('"section 47 investigation" joins s.47 once the decision has cited it (23-017-456)', () => {
    const duty = seedLine('23-017-456', 'If a council suspects a child is likely to suffer significant harm');
    const strategy = seedLine('23-017-456', 'In such cases, the council should');
    const lead = seedLine('23-017-456', 'Although other agencies help, councils lead section 47');
    const later = seedContains('23-017-456', 'The Council decided to start a section 47 investigation.');
    const refs = [...paras([duty, strategy, lead], 14), ...paras([later], 25).map((r) => ({ ...r, block: 10 }))];
    const out = run(refs);
    expect(provisions(out)).toEqual([['Children Act 1989', '47', null]]);
    expect(out[0]!.paragraphs).toEqual([14, 15, 16, 25]);
    expect(out[0]!.evidence.map((e) => e.sentence)).toEqual([
      'This duty falls under section 47 of the Children Act 1989.',
      'This discussion will be used to share information and decide whether a safeguarding investigation (routinely referred to as a ‘section 47’) is needed.',
      'Although other agencies help, councils lead section 47 investigations, and are responsible for deciding what action to take afterwards.',
      'The Council decided to start a section 47 investigation.',
    ]);
  });

  it('"a ‘section 47’" with no Act anywhere is not a citation', () => {
    expect(
      run([
        ref(
          'This discussion will be used to share information and decide whether a safeguarding investigation (routinely referred to as a ‘section 47’) is needed.',
        ),
      ]),
    ).toEqual([]);
  });

  it('a list item under a paragraph that cites the Act (23-020-284)', () => {
    const cites = seedLine('23-020-284', "Children's social care will deal with a referral");
    const worker = seedLine('23-020-284', 'The worker receiving the referral will:');
    const item = seedLine('23-020-284', 'where the child is already known and new information');
    const out = run([ref(cites, 11, 0), ref(worker, 12, 1), ref(item, 13, 2)]);
    expect(provisions(out)).toEqual([
      ['Children Act 1989', '17', null],
      ['Children Act 1989', '47', null],
    ]);
    expect(out[1]!.paragraphs).toEqual([11, 13]);
  });
});

describe('not citations', () => {
  it('"Council 2 is not in our jurisdiction" (19-015-077)', () => {
    const line = seedLine('19-015-077', 'I will refer to this Council as');
    expect(run(paras([line]))).toEqual([]);
  });

  it('"In the section headed ‘agreed action’" (18-009-360)', () => {
    const line = seedLine('18-009-360', 'In the section headed ‘agreed action’');
    expect(run(paras([line]))).toEqual([]);
  });

  it('"In a section marked ..." (18-009-360)', () => {
    expect(run(paras([seedLine('18-009-360', 'In a section marked “analysis')]))).toEqual([]);
  });

  it('money, dates and a policy’s own numbering', () => {
    expect(
      run([
        ref('The Council agreed to pay Mr X £1,950 by 21 Aug 2019 and £509.81 within 20 working days.'),
        ref('Section 2.1 of its policy says complaints are answered in 10 working days.'),
        ref('Stage 2 of the procedure began on 3 May 2018.'),
      ]),
    ).toEqual([]);
  });

  it('a section of something that is not an Act', () => {
    expect(run(paras(['The Children Act 1989 applies.', 'Section 4 of the Council’s procedures sets timescales.']))).toEqual([
      expect.objectContaining({ act: 'Children Act 1989', section: null }),
    ]);
  });

  it('a possessive "s" before a number is not "s."', () => {
    expect(run([ref('Mr X’s 2 children and Ms Y’s 3 visits were recorded.')])).toEqual([]);
  });

  it('the verb "act" and a yearless unknown Act', () => {
    expect(run([ref('At the opposite end of the spectrum it could act to place a child into its care.')])).toEqual([]);
    expect(run([ref('She relied on the Planning Act.')])).toEqual([]);
  });
});

describe('a whole seed decision’s role section and findings (18-009-360)', () => {
  it('lists the provisions in order of first appearance', () => {
    const lines = [
      seedLine('18-009-360', 'We investigate complaints of injustice'),
      seedLine('18-009-360', 'We must also consider whether any fault'),
      seedLine('18-009-360', 'If we are satisfied with a council’s actions'),
      seedLine('18-009-360', 'The Children’s Act 1989 sets out'),
      seedLine('18-009-360', 'The Hertfordshire Safeguarding Children Board publishes'),
      seedLine('18-009-360', 'Section 47 of the Children’s Act allows the Council'),
      seedLine('18-009-360', 'Section 17 refers to services'),
    ];
    const out = run(paras(lines));
    expect(provisions(out)).toEqual([
      [LGA, '34', '(3)'],
      [LGA, '26', '(1)'],
      [LGA, '26A', '(1)'],
      [LGA, '30', '(1B)'],
      [LGA, '34H', '(1)'],
      ['Children Act 1989', '47', null],
      ['Children Act 1989', '17', null],
    ]);
    expect(out.map((x) => x.jurisdiction)).toEqual([true, true, true, true, true, false, false]);
    expect(out.map((x) => x.paragraphs)).toEqual([[1], [2], [2], [3], [3], [5, 6], [6, 7]]);
  });
});

describe('linear time', () => {
  const KB100 = 100 * 1024;
  const repeat = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  const inputs = [
    'section 1(',
    'Act 1974, sections 26(1) and ',
    '((((((',
    'Act Act Act ',
    'Local Government Act 1974, section 1(1)(a)(b)(c)(d)(e)(f) and ',
    'Schedule 5/5A/5B/',
    'Children and Families and Care and Housing ',
    'S1S1S1 s.1 ss.1 and ',
    'section 47 of the section 47 of the ',
    '(Local Government Act 1974, (',
    'the 1989 Act ',
    'Local Government Local Government Children Care Act ',
    'A B C D E F G H I J K L M N O P Q Act ',
    'Housing Grants, Housing Grants, Construction and Act 1996, ',
  ];
  for (const unit of inputs) {
    // A pattern that backtracks catastrophically would not finish within the test's timeout; the
    // static proof is regex-safety.test.ts, and how fast the parser is belongs to npm run bench.
    it(`finishes on 100 KB of ${JSON.stringify(unit)}`, () => {
      const text = repeat(unit);
      expect(Array.isArray(extractStatutes([ref(text)]))).toBe(true);
    });
  }
});
