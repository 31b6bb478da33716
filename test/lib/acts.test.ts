import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACTS,
  actUrl,
  canonicalActName,
  findActByTitle,
  isJurisdictionAct,
  lookupAct,
  provisionUrl,
  scheduleUrl,
  sectionUrl,
} from '../../lib/parser/extractors/acts';
import { StatuteSchema } from '../../lib/schema';

// Copied by hand from the "Statutes (wording)" section of the pages doc.
const EXPECTED: [title: string, year: number, chapter: number][] = [
  ['Local Government Act 1974', 1974, 7],
  ['Children Act 1989', 1989, 41],
  ['Care Act 2014', 2014, 23],
  ['Children and Families Act 2014', 2014, 6],
  ['Housing Act 1996', 1996, 52],
  ['Education Act 1996', 1996, 56],
  ['Equality Act 2010', 2010, 15],
  ['Data Protection Act 2018', 2018, 12],
  ['Mental Capacity Act 2005', 2005, 9],
  ['Mental Health Act 1983', 1983, 20],
  ['Town and Country Planning Act 1990', 1990, 8],
  ['Highways Act 1980', 1980, 66],
  ['Human Rights Act 1998', 1998, 42],
  ['Housing Grants, Construction and Regeneration Act 1996', 1996, 53],
  ['Local Government Finance Act 1992', 1992, 14],
  ['Homelessness Reduction Act 2017', 2017, 13],
  ['Health Service Commissioners Act 1993', 1993, 46],
];

const url = z.string().url();

describe('the table of Acts', () => {
  it('holds exactly the checked Acts, with their years and chapters', () => {
    expect(ACTS.map((a) => [a.title, a.year, a.chapter])).toEqual(EXPECTED);
  });

  it('are all UK Public General Acts titled "<name> <year>"', () => {
    for (const act of ACTS) {
      expect(act.type).toBe('ukpga');
      expect(act.title).toBe(`${act.name} ${act.year}`);
    }
  });

  it('marks only the Ombudsman’s own powers as jurisdiction', () => {
    expect(ACTS.filter((a) => a.jurisdiction).map((a) => a.title)).toEqual([
      'Local Government Act 1974',
      'Health Service Commissioners Act 1993',
    ]);
    expect(isJurisdictionAct('Local Government Act 1974')).toBe(true);
    expect(isJurisdictionAct('Local Government Act 1972')).toBe(false);
    expect(isJurisdictionAct('Children Act 1989')).toBe(false);
  });
});

describe('lookupAct', () => {
  it('finds an Act by name and year', () => {
    expect(lookupAct('Highways Act', 1980)?.chapter).toBe(66);
    expect(lookupAct('Local Government Finance Act', 1992)?.chapter).toBe(14);
  });

  it('reads the Ombudsman’s "Children’s Act" spellings as the Children Act 1989', () => {
    for (const name of ["Children's Act", 'Children’s Act', 'Childrens Act', 'Children Act', 'children’s act']) {
      expect(lookupAct(name, 1989)?.title).toBe('Children Act 1989');
      expect(lookupAct(name, null)?.title).toBe('Children Act 1989');
    }
    expect(canonicalActName('Children’s Act')).toBe('Children Act');
  });

  it('tolerates a missing comma in a long title', () => {
    expect(lookupAct('Housing Grants Construction and Regeneration Act', 1996)?.chapter).toBe(53);
  });

  it('does not match a year the table does not hold', () => {
    expect(lookupAct('Children Act', 2004)).toBeNull();
    expect(lookupAct('Housing Act', 1985)).toBeNull();
    expect(lookupAct('Local Government Act', 1972)).toBeNull();
  });

  it('maps a yearless name only where it cannot mean another Act', () => {
    expect(lookupAct('Care Act', null)?.title).toBe('Care Act 2014');
    expect(lookupAct('Mental Capacity Act', null)?.title).toBe('Mental Capacity Act 2005');
    // Housing Act 1985/1988/2004, Education Act 2002, Local Government Act 1972/2000 exist too.
    expect(lookupAct('Housing Act', null)).toBeNull();
    expect(lookupAct('Education Act', null)).toBeNull();
    expect(lookupAct('Local Government Act', null)).toBeNull();
    expect(lookupAct('Data Protection Act', null)).toBeNull();
  });

  it('knows nothing of Acts outside the table', () => {
    expect(lookupAct('Freedom of Information Act', 2000)).toBeNull();
    expect(lookupAct('Freedom of Information Act', null)).toBeNull();
    expect(findActByTitle('Freedom of Information Act 2000')).toBeNull();
  });
});

describe('legislation.gov.uk links', () => {
  const lga = lookupAct('Local Government Act', 1974)!;
  const education = lookupAct('Education Act', 1996)!;
  const care = lookupAct('Care Act', 2014)!;

  it('builds section, schedule and whole-Act addresses', () => {
    expect(sectionUrl(lga, '26A')).toBe('https://www.legislation.gov.uk/ukpga/1974/7/section/26A');
    expect(sectionUrl(lga, '33ZA')).toBe('https://www.legislation.gov.uk/ukpga/1974/7/section/33ZA');
    expect(scheduleUrl(education, '35B')).toBe('https://www.legislation.gov.uk/ukpga/1996/56/schedule/35B');
    expect(actUrl(care)).toBe('https://www.legislation.gov.uk/ukpga/2014/23/contents');
  });

  it('links a provision as the Statute contract holds it', () => {
    expect(provisionUrl('Children Act 1989', '47')).toBe('https://www.legislation.gov.uk/ukpga/1989/41/section/47');
    expect(provisionUrl('Local Government Act 1974', 'Schedule 5A')).toBe('https://www.legislation.gov.uk/ukpga/1974/7/schedule/5A');
    expect(provisionUrl('Care Act 2014', null)).toBe('https://www.legislation.gov.uk/ukpga/2014/23/contents');
    expect(provisionUrl('Health Service Commissioners Act 1993', '18ZA')).toBe('https://www.legislation.gov.uk/ukpga/1993/46/section/18ZA');
  });

  it('never guesses a link for an Act outside the table', () => {
    expect(provisionUrl('Freedom of Information Act 2000', '1')).toBeNull();
    expect(provisionUrl('Freedom of Information Act 2000', null)).toBeNull();
    // Same name as a table Act, different year: a different Act.
    expect(provisionUrl('Children Act 2004', '11')).toBeNull();
  });

  it('gives valid URLs for every Act in the table, each one a statute link the summary accepts', () => {
    for (const act of ACTS) {
      for (const link of [actUrl(act), sectionUrl(act, '1A'), scheduleUrl(act, '2')]) {
        expect(url.safeParse(link).success).toBe(true);
        expect(StatuteSchema.shape.url.safeParse(link).success).toBe(true);
      }
    }
  });

  it('the summary accepts no other statute link: not another site, not javascript: or data:', () => {
    for (const link of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://www.legislation.gov.uk/ukpga/1989/41/section/17',
      'https://www.legislation.gov.uk.example.com/ukpga/1989/41',
      'https://example.com/https://www.legislation.gov.uk/',
      ' https://www.legislation.gov.uk/ukpga/1989/41/section/17',
    ]) {
      expect(StatuteSchema.shape.url.safeParse(link).success, link).toBe(false);
    }
    expect(StatuteSchema.shape.url.safeParse(null).success).toBe(true);
  });
});
