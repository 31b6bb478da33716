/**
 * The Acts the extension can link to legislation.gov.uk, as data: extractors/acts builds its
 * lookups from these rows once, at load.
 *
 * Every chapter number here was checked by hand; an Act that is not in this table is still
 * reported, but with no link, because a guessed link to the wrong Act is worse than none.
 * Every row has an example sentence that cites it (from the seeds or the corpus where one does,
 * else in the decisions' own wording); test/lib/vocabulary-rows.test.ts runs each through the parser
 * and checks the Act is read, with its link.
 */

export interface ActRow {
  /** The title without its year, as legislation.gov.uk has it: "Children Act". */
  name: string;
  year: number;
  chapter: number;
  /**
   * Whether the name written without a year ("the Care Act") may be taken to mean this Act.
   * Uniqueness within this table is not enough: "the Housing Act" could be the 1985, 1988 or
   * 2004 Act, none of which is here, so it must not silently become the 1996 Act.
   */
  yearless: boolean;
  /** The Ombudsman's own powers: shown apart from the law of the case. */
  jurisdiction?: boolean;
  /** Other spellings of `name` (without the year) that decisions use for this Act. */
  aliases?: readonly string[];
  example: string;
}

// yearless only where no other Act of that short title is in force that a decision would
// plausibly cite, or (Children Act) where the Ombudsman's own usage is settled: the 2004 Act is
// always cited with its year, "the Children('s) Act" in decisions means 1989.
export const ACT_ROWS: readonly ActRow[] = [
  {
    name: 'Local Government Act',
    year: 1974,
    chapter: 7,
    yearless: false, // also 1972, 1999, 2000 Acts
    jurisdiction: true,
    example:
      'If there was no fault in how the organisation made its decision, we cannot question the outcome. (Local Government Act 1974, section 34(3), as amended)',
  },
  {
    name: 'Children Act',
    year: 1989,
    chapter: 41,
    yearless: true,
    aliases: ["Children's Act", 'Childrens Act'],
    example:
      'The Children’s Act 1989 sets out the circumstances where a council may become involved in family life because of concerns for a child’s welfare.',
  },
  {
    name: 'Care Act',
    year: 2014,
    chapter: 23,
    yearless: true,
    example: 'Section 9 of the Care Act 2014 requires councils to carry out an assessment of anyone who appears to need care and support.',
  },
  {
    name: 'Children and Families Act',
    year: 2014,
    chapter: 6,
    yearless: true,
    example: 'The Children and Families Act 2014 says the council must secure the special educational provision in the plan.',
  },
  {
    name: 'Housing Act',
    year: 1996,
    chapter: 52,
    yearless: false, // also 1985, 1988, 2004
    example:
      'The Housing Act 1996 gives homeless applicants a right of review and appeal about key decisions on their homelessness application.',
  },
  {
    name: 'Education Act',
    year: 1996,
    chapter: 56,
    yearless: false, // also 2002, 2011
    example: 'The council must make suitable travel arrangements for eligible children. (Education Act 1996, 508B(1) and Schedule 35B)',
  },
  {
    name: 'Equality Act',
    year: 2010,
    chapter: 15,
    yearless: false, // also 2006
    example: 'Section 149 of the Equality Act 2010 places a public sector equality duty on councils.',
  },
  {
    name: 'Data Protection Act',
    year: 2018,
    chapter: 12,
    yearless: false, // also 1998
    example:
      'The Information Commissioner’s Officer has powers - which the Ombudsman does not - to require compliance with the Freedom of Information Act, Environmental Information Regulations and the UK General Data Protection Regulations, tailored by the Data Protection Act 2018.',
  },
  {
    name: 'Mental Capacity Act',
    year: 2005,
    chapter: 9,
    yearless: true,
    example:
      'The Mental Capacity Act 2005 is the framework for acting and deciding for people who lack the mental capacity to make particular decisions.',
  },
  {
    name: 'Mental Health Act',
    year: 1983,
    chapter: 20,
    yearless: false, // the 2007 amending Act is cited too
    example: 'Section 117 of the Mental Health Act 1983 places a duty on councils to provide aftercare services.',
  },
  {
    name: 'Town and Country Planning Act',
    year: 1990,
    chapter: 8,
    yearless: false, // also 1971
    example: 'The Town and Country Planning Act 1990 gives councils powers to take enforcement action.',
  },
  {
    name: 'Highways Act',
    year: 1980,
    chapter: 66,
    yearless: false, // also 1959
    example: 'Section 41 of the Highways Act 1980 places a duty on highway authorities to maintain public highways.',
  },
  {
    name: 'Human Rights Act',
    year: 1998,
    chapter: 42,
    yearless: true,
    example: 'The Human Rights Act 1998 requires councils to act compatibly with the rights it sets out.',
  },
  {
    name: 'Housing Grants, Construction and Regeneration Act',
    year: 1996,
    chapter: 53,
    yearless: true,
    example: 'The Housing Grants, Construction and Regeneration Act 1996 sets out when a council must give a disabled facilities grant.',
  },
  {
    name: 'Local Government Finance Act',
    year: 1992,
    chapter: 14,
    yearless: false, // also 1988
    example: 'The Local Government Finance Act 1992 says who is liable to pay council tax.',
  },
  {
    name: 'Homelessness Reduction Act',
    year: 2017,
    chapter: 13,
    yearless: true,
    example: 'The Homelessness Reduction Act 2017 gave councils new duties to prevent and relieve homelessness.',
  },
  {
    name: 'Health Service Commissioners Act',
    year: 1993,
    chapter: 46,
    yearless: true,
    jurisdiction: true,
    example:
      'The Local Government and Social Care Ombudsman and Health Service Ombudsman have the power to jointly consider complaints about health and social care. (Local Government Act 1974, section 33ZA, as amended, and Health Service Commissioners Act 1993, section 18ZA).',
  },
];
