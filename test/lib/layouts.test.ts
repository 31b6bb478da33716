/**
 * The layouts a decision page comes in, as text and as HTML, and pages that are
 * not decisions. Fixtures are the seeds and reconstructions derived from them
 * (see seeds/README.md).
 */
import { describe, expect, it } from 'vitest';
import { parseDecision, parseDocumentWithElements } from '../../lib/parser/parse-decision';
import { matchKey } from '../../lib/parser/front-ends/text-normalise';
import { htmlDocument, readRepoFile, SEED_REFS, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';

/** Summaries compared without the fields that legitimately differ by front end. */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'block' ? undefined : v)));
}

describe('text and HTML of the same decision', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: give the same summary`, () => {
      const fromText = summaryOf(seedText(ref), SEED_URLS[ref]);
      const fromHtml = summaryOf(htmlDocument(seedHtml(ref)), SEED_URLS[ref]);
      expect(comparable(fromHtml)).toEqual(comparable(fromText));
    });
  }

  it('the HTML keeps the running paragraph numbers of the live page, also when only a CSS counter shows them', () => {
    // 20-003-139.html has no start attributes: the parser counts the paragraphs.
    const s = summaryOf(htmlDocument(seedHtml('20-003-139')));
    expect(s.faults.map((f) => f.paragraph)).toEqual([16, 19, 24, 27, 31]);
    expect(s.remedies[0]!.paragraph).toBe(32);
  });
});

describe('links from the summary to the page', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: every fault, remedy and statute points at the element holding its sentence`, () => {
      const { result, elements } = parseDocumentWithElements(htmlDocument(seedHtml(ref)));
      if (!result.ok) throw new Error(result.message);
      const s = result.summary;
      const targets = [
        ...s.faults.map((f) => ({ block: f.block, sentence: f.text })),
        // Remedies read only from the summary point at no block: the summary is not one.
        ...s.remedies.flatMap((r) => (r.block === null ? [] : [{ block: r.block, sentence: r.text }])),
        ...s.statutes.flatMap((x) => x.evidence),
        ...s.guidance.flatMap((g) => g.evidence),
      ];
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) {
        const el = elements[t.block];
        expect(el, `block ${t.block}`).toBeDefined();
        expect(matchKey(el!.textContent ?? '')).toContain(matchKey(t.sentence));
      }
    });
  }

  it('a fault links to the list item of its paragraph', () => {
    const { result, elements } = parseDocumentWithElements(htmlDocument(seedHtml('23-017-456')));
    if (!result.ok) throw new Error(result.message);
    const el = elements[result.summary.faults[0]!.block]!;
    expect(el.tagName).toBe('LI');
    expect(el.parentElement!.getAttribute('start')).not.toBeNull();
  });
});

describe('pages without the Category / Decision / Decision date lines', () => {
  const stripHeader = (text: string) => text.replace(/^(Category|Decision|Decision date) :.*$/gm, '');

  it('infers the outcome from the summary and says so', () => {
    const expected = {
      '19-015-077': 'not-upheld', // "There is no evidence of Council fault."
      '23-020-284': 'not-upheld', // "I have found no evidence of fault."
      '20-003-139': 'upheld', // "There is fault by the Council, which has caused injustice."
      '18-009-360': 'upheld', // "We uphold this complaint, finding some fault..."
      '23-017-456': 'upheld', // "The Council was at fault for causing a short delay..."
    } as const;
    for (const ref of SEED_REFS) {
      const s = summaryOf(stripHeader(seedText(ref)));
      expect(s.outcome.kind, ref).toBe(expected[ref]);
      expect(s.outcome.inferred).toBe(true);
      expect(s.decisionDate).toBeNull();
      expect(s.warnings.join(' ')).toMatch(/outcome was inferred/);
    }
  });

  it('takes area and topic from the page address, and says so', () => {
    const s = summaryOf(stripHeader(seedText('20-003-139')), SEED_URLS['20-003-139']);
    expect(s.category).toEqual({ area: "Children's care services", topic: 'Child protection', source: 'address' });
    expect(s.warnings.join(' ')).toMatch(/taken from the page address/);
  });

  it('still finds the faults and remedies', () => {
    const s = summaryOf(stripHeader(seedText('18-009-360')));
    expect(s.remedies.find((r) => r.kind === 'payment')?.amount).toBe(500);
    expect(s.faults.length).toBe(summaryOf(seedText('18-009-360')).faults.length);
  });
});

describe('the older public-interest report layout', () => {
  const fromText = summaryOf(readRepoFile('test/fixtures/report-18-009-360.txt'));
  const fromHtml = summaryOf(htmlDocument(readRepoFile('test/fixtures/report-18-009-360.html')));

  it('is read as a report, upheld by its Finding, with the satisfied date', () => {
    expect(fromText.layout).toBe('report');
    expect(fromText.outcome).toMatchObject({ kind: 'upheld', inferred: true });
    expect(fromText.satisfiedDate).toBe('2019-12-05');
    expect(fromText.summary).toMatch(/^Mr C complains at how the Council has responded/);
  });

  it('reads the unnumbered recommendations as remedies', () => {
    expect(fromText.remedies.map((r) => r.kind)).toEqual(['apology', 'payment', 'other', 'service-improvement']);
    expect(fromText.remedies[1]).toMatchObject({ amount: 500, payee: 'Mr C', purpose: 'distress and time and trouble' });
    expect(fromText.remedies[2]!.deadline).toMatchObject({ count: 20, unit: 'working-day' });
    expect(fromText.remedies[3]!.deadline).toMatchObject({ count: 3, unit: 'month' });
    expect(fromText.totalPayments).toBe(500);
  });

  it('finds fault in the Finding section', () => {
    expect(fromText.faults.some((f) => /justifies a finding of fault/.test(f.text))).toBe(true);
  });

  it('gives the same summary from its HTML', () => {
    expect(comparable(fromHtml)).toEqual(comparable(fromText));
  });
});

describe('a contents list of section headings at the top of the page', () => {
  it('is not taken for the sections (text)', () => {
    const text = seedText('23-017-456');
    const contents = [
      'The complaint',
      'The Ombudsman’s role and powers',
      'What I have and have not investigated',
      'What I found',
      'Agreed action',
      'Final decision',
    ].join('\n');
    const withContents = text.replace('Category :', `${contents}\nCategory :`);
    expect(comparable(summaryOf(withContents))).toEqual(comparable(summaryOf(text)));
  });

  it('is not taken for the sections (HTML: 23-017-456.html starts with one)', () => {
    expect(seedHtml('23-017-456')).toContain('class="contents"');
    const s = summaryOf(htmlDocument(seedHtml('23-017-456')));
    expect(s.complaints).toHaveLength(4);
    expect(s.faults).toHaveLength(3);
  });
});

describe('pages that are not decisions', () => {
  const cases: [string, string | Document][] = [
    ['a listing page', htmlDocument(readRepoFile('test/fixtures/listing.html'))],
    ['a search results page', htmlDocument(readRepoFile('test/fixtures/search-results.html'))],
    ['an ordinary site page', htmlDocument(readRepoFile('test/fixtures/not-a-decision.html'))],
    ['an empty document', htmlDocument('<!doctype html><title></title><body></body>')],
    ['unrelated text', 'Minutes of the parish council meeting.\n\n1. Apologies for absence.'],
    ['a title with no statement', 'Derbyshire County Council (23 017 456)\n\nPage not found.'],
  ];
  for (const [name, input] of cases) {
    it(`${name} gives a clear "not a decision" result, no half summary`, () => {
      const result = parseDecision(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('not-a-decision');
        expect(result.message).toMatch(/not an Ombudsman decision page/);
        expect(result).not.toHaveProperty('summary');
      }
    });
  }

  it('empty text says it is empty', () => {
    expect(parseDecision('  \n ')).toEqual({ ok: false, reason: 'empty', message: 'The text is empty.' });
  });
});

describe('organisations and joint cases', () => {
  const retitle = (title: string) => seedText('23-017-456').replace('Derbyshire County Council (23 017 456)', title);

  it('keeps a joint case’s letter suffix and tells NHS bodies, care providers and schools apart', () => {
    const nhs = summaryOf(retitle('Derbyshire Healthcare NHS Foundation Trust (23 017 456b)'));
    expect(nhs.reference).toBe('23 017 456b');
    expect(nhs.organisationKind).toBe('nhs');
    expect(summaryOf(retitle('Sunrise Care Homes Limited (23 017 456)')).organisationKind).toBe('care-provider');
    expect(summaryOf(retitle('St Mary’s Catholic Academy (23 017 456)')).organisationKind).toBe('school');
    expect(summaryOf(retitle('London Borough of Camden (23 017 456)')).organisationKind).toBe('council');
    expect(summaryOf(retitle('Royal Borough of Greenwich (23 017 456)')).organisationKind).toBe('council');
  });

  it('maps the outcome vocabulary tolerantly', () => {
    const relabel = (label: string) => summaryOf(seedText('23-017-456').replace('Decision : Upheld', `Decision : ${label}`)).outcome;
    expect(relabel('Closed after initial enquiries')).toMatchObject({ kind: 'closed-after-initial-enquiries', inferred: false });
    expect(relabel('Not upheld')).toMatchObject({ kind: 'not-upheld' });
    expect(relabel('Upheld: fault and injustice')).toMatchObject({ kind: 'upheld' });
    expect(relabel('Withdrawn')).toMatchObject({ kind: 'other', label: 'Withdrawn' });
  });
});
