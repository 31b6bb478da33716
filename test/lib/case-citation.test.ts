/**
 * Citations of a decision (lib/case-citation/): the site's form and the template form on the five
 * seeds, the placeholders' table, a missing value, and templates that are wrong.
 *
 * Each expected line was written from the seed's header (seeds/*.txt: the title line, then
 * "Decision date : 08 Feb 2021"), not from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { citeCase, citeCases } from '../../lib/case-citation/cite';
import { citationFields, CitationFieldsSchema, OMBUDSMAN } from '../../lib/case-citation/fields';
import { siteCitation } from '../../lib/case-citation/site-form';
import { PLACEHOLDERS } from '../../lib/case-citation/placeholders';
import { DEFAULT_TEMPLATE, MAX_TEMPLATE_CHARS, PLACEHOLDER_NAMES, parseTemplate, templateCitation } from '../../lib/case-citation/template';
import { SEED_REFS, SEED_URLS, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

const SEEDS: Record<SeedRef, { organisation: string; reference: string; date: string; year: string }> = {
  '19-015-077': { organisation: 'Stoke-on-Trent City Council', reference: '19 015 077', date: '8 February 2021', year: '2021' },
  '23-020-284': { organisation: 'Stockport Metropolitan Borough Council', reference: '23 020 284', date: '20 October 2024', year: '2024' },
  '20-003-139': { organisation: 'Stoke-on-Trent City Council', reference: '20 003 139', date: '1 June 2021', year: '2021' },
  '18-009-360': { organisation: 'Hertfordshire County Council', reference: '18 009 360', date: '21 August 2019', year: '2019' },
  '23-017-456': { organisation: 'Derbyshire County Council', reference: '23 017 456', date: '6 June 2024', year: '2024' },
};

const fieldsOf = (ref: SeedRef) => citationFields(summaryOf(seedText(ref), SEED_URLS[ref]));

describe('the citation of each seed', () => {
  it.each(SEED_REFS)('%s: fields, site form and template form', (ref) => {
    const { organisation, reference, date, year } = SEEDS[ref];
    const fields = fieldsOf(ref);
    expect(CitationFieldsSchema.safeParse(fields).success).toBe(true);
    expect(fields).toMatchObject({ organisation, reference, date, year, ombudsman: OMBUDSMAN, url: SEED_URLS[ref] });
    expect(siteCitation(fields)).toBe(
      `${organisation} (${reference}), Local Government and Social Care Ombudsman, ${date} <${SEED_URLS[ref]}>`,
    );
    expect(templateCitation(DEFAULT_TEMPLATE, fields)).toBe(`${organisation} [${year}] LGSCO ${reference} (${date})`);
  });

  it('writes 19 015 077 out in full, in both forms', () => {
    const fields = fieldsOf('19-015-077');
    expect(siteCitation(fields)).toBe(
      'Stoke-on-Trent City Council (19 015 077), Local Government and Social Care Ombudsman, 8 February 2021 <https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/19-015-077>',
    );
    expect(templateCitation(DEFAULT_TEMPLATE, fields)).toBe('Stoke-on-Trent City Council [2021] LGSCO 19 015 077 (8 February 2021)');
  });

  it('cites a selection one line per case, in the order given, in the chosen form', () => {
    const sources = (['18-009-360', '23-020-284'] as const).map((ref) => summaryOf(seedText(ref), SEED_URLS[ref]));
    expect(citeCases(sources, { form: 'template', template: DEFAULT_TEMPLATE })).toBe(
      'Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)\n' +
        'Stockport Metropolitan Borough Council [2024] LGSCO 23 020 284 (20 October 2024)',
    );
    const site = citeCases(sources, { form: 'site', template: DEFAULT_TEMPLATE }).split('\n');
    expect(site).toEqual([
      `Hertfordshire County Council (18 009 360), Local Government and Social Care Ombudsman, 21 August 2019 <${SEED_URLS['18-009-360']}>`,
      `Stockport Metropolitan Borough Council (23 020 284), Local Government and Social Care Ombudsman, 20 October 2024 <${SEED_URLS['23-020-284']}>`,
    ]);
  });

  it('reads a list entry’s empty organisation and date as missing', () => {
    const entry = { authority: '', reference: '22 003 275', decisionDate: '', url: '' };
    expect(citeCase(entry, { form: 'site', template: DEFAULT_TEMPLATE })).toBe('22 003 275, Local Government and Social Care Ombudsman');
    expect(citeCase(entry, { form: 'template', template: DEFAULT_TEMPLATE })).toBe('LGSCO 22 003 275');
  });
});

describe('placeholders', () => {
  it('the editor lists every placeholder a template may use, and no other', () => {
    expect(PLACEHOLDERS.map((p) => p.name)).toEqual(PLACEHOLDER_NAMES);
  });

  it.each(PLACEHOLDERS.map((p) => [p.name, p.example] as const))('{%s} on 19 015 077 is "%s"', (name, example) => {
    expect(templateCitation(`{${name}}`, fieldsOf('19-015-077'))).toBe(example);
  });

  it('a template may repeat a placeholder and put any text around it', () => {
    expect(templateCitation('Re {organisation}: {reference}/{year} ({reference}) see {url}', fieldsOf('20-003-139'))).toBe(
      `Re Stoke-on-Trent City Council: 20 003 139/2021 (20 003 139) see ${SEED_URLS['20-003-139']}`,
    );
  });
});

describe('a missing value leaves no stray brackets or separators', () => {
  const full = fieldsOf('19-015-077');
  const undated = { ...full, isoDate: null, date: null, year: null };

  it('drops the brackets that held only the missing value, and the space before them', () => {
    expect(templateCitation(DEFAULT_TEMPLATE, undated)).toBe('Stoke-on-Trent City Council LGSCO 19 015 077');
  });

  it('keeps the separator that joined it to the text before, once', () => {
    expect(templateCitation('{organisation}, {date}, {reference}', undated)).toBe('Stoke-on-Trent City Council, 19 015 077');
    expect(templateCitation('{organisation} – {date}; {reference}', undated)).toBe('Stoke-on-Trent City Council – 19 015 077');
  });

  it('keeps the one after when only spaces joined it before', () => {
    expect(templateCitation('{reference} {date}, {ombudsman}', undated)).toBe(`19 015 077, ${OMBUDSMAN}`);
  });

  it('drops the separators at the start or end of the line', () => {
    expect(templateCitation('{organisation}, {reference}, {date}', undated)).toBe('Stoke-on-Trent City Council, 19 015 077');
    expect(templateCitation('{organisation}, {reference}', { ...full, organisation: null })).toBe('19 015 077');
    expect(templateCitation('{reference}, {date}.', undated)).toBe('19 015 077.');
    expect(templateCitation('{organisation} ({reference}, {date})', undated)).toBe('Stoke-on-Trent City Council (19 015 077)');
    expect(templateCitation('{organisation} ({date}, {reference})', undated)).toBe('Stoke-on-Trent City Council (19 015 077)');
  });

  it('drops brackets holding several missing values, nested or not', () => {
    expect(templateCitation('{reference} ({date}; <{url}>)', { ...undated, url: null })).toBe('19 015 077');
    expect(templateCitation('{reference} ({date}; <{url}>)', { ...full, url: null })).toBe('19 015 077 (8 February 2021)');
  });

  it('leaves brackets, dashes and commas alone where nothing is missing', () => {
    const hyphenated = { ...full, organisation: 'Council (North) – A, B' };
    expect(templateCitation('{organisation} () [{year}]', hyphenated)).toBe('Council (North) – A, B () [2021]');
  });

  it('site form: no date, no address, no organisation', () => {
    expect(siteCitation(undated)).toBe(`Stoke-on-Trent City Council (19 015 077), ${OMBUDSMAN} <${full.url}>`);
    expect(siteCitation({ ...full, organisation: null, url: null })).toBe(`19 015 077, ${OMBUDSMAN}, 8 February 2021`);
  });
});

describe('templates that are wrong', () => {
  it('names each unknown placeholder once, and lists the known ones', () => {
    const checked = parseTemplate('{organisation} {orgnaisation} [{yaer}] {orgnaisation}');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.unknown).toEqual(['orgnaisation', 'yaer']);
    expect(checked.problems.join(' ')).toContain('Unknown placeholders {orgnaisation}, {yaer}: use {organisation}, {reference}, {date}');
  });

  it('placeholders are matched exactly, case included', () => {
    const checked = parseTemplate('{Reference}');
    expect(checked.ok ? [] : checked.unknown).toEqual(['Reference']);
  });

  it('refuses unbalanced braces', () => {
    for (const t of ['{reference', 'reference}', '{refer{ence}']) {
      const checked = parseTemplate(t);
      expect(checked.ok, t).toBe(false);
    }
  });

  it('refuses an empty template, a line break and an over-long one', () => {
    expect(parseTemplate('  ')).toMatchObject({ ok: false, problems: ['The template is empty.'] });
    expect(parseTemplate('{reference}\n{date}')).toMatchObject({ ok: false });
    expect(parseTemplate('x'.repeat(MAX_TEMPLATE_CHARS))).toMatchObject({ ok: true });
    const long = parseTemplate('x'.repeat(MAX_TEMPLATE_CHARS + 1));
    expect(long).toMatchObject({
      ok: false,
      problems: [`The template is ${MAX_TEMPLATE_CHARS + 1} characters long: at most ${MAX_TEMPLATE_CHARS}.`],
    });
  });

  it('the default template is valid', () => {
    expect(parseTemplate(DEFAULT_TEMPLATE).ok).toBe(true);
  });

  it('an unchecked bad template cites in the default form rather than failing', () => {
    expect(templateCitation('{nope}', fieldsOf('23-017-456'))).toBe('Derbyshire County Council [2024] LGSCO 23 017 456 (6 June 2024)');
  });
});
