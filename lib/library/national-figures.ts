/**
 * The Ombudsman's published national uphold rates, as data: each year's rate with what it counts,
 * where it was published and what to bear in mind. Gathered in docs/lgsco-national-figures.md
 * (from the project's shared notes), which gives every source; test/library/national-figures.test.ts
 * checks each row against that document. A year with no figure found (2016-17, 2017-18) has no row:
 * nothing is estimated.
 *
 * Years run April to March ("2022-23" is 1 April 2022 to 31 March 2023). The rate is upheld ÷
 * detailed investigations: decisions closed after initial enquiries are not investigations.
 */
import * as z from 'zod/mini';

export const NationalUpholdRateSchema = z.object({
  /** The Ombudsman's year, April to March: "2022-23". */
  year: z.string().check(
    z.regex(/^\d{4}-\d{2}$/),
    z.refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), 'Invalid year: not two consecutive years'),
  ),
  /** Per cent of detailed investigations upheld, as published (whole numbers). */
  upheldPercent: z.number().check(z.gte(0), z.lte(100)),
  /** The counts behind the rate, where the source gives them. */
  investigations: z.nullable(z.int().check(z.positive())),
  upheld: z.nullable(z.int().check(z.nonnegative())),
  /** What the rate counts, in words. */
  counts: z.string().check(z.minLength(1)),
  source: z.object({
    title: z.string().check(z.minLength(1)),
    /** Shown as a link: https only, never a script address. */
    url: z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\/\S*$/i)),
  }),
  /** What to bear in mind with this year's figure; null when nothing beyond the general caveat. */
  caveat: z.nullable(z.string()),
});
export type NationalUpholdRate = z.infer<typeof NationalUpholdRateSchema>;

const COUNTS = 'Complaints upheld, of those the Ombudsman investigated in detail (all areas of local government and adult social care)';

const CHANGE_OF_APPROACH =
  'From 2022-23 the Ombudsman was less likely to investigate “borderline” issues, “so we are naturally finding a higher proportion of fault overall”: rates before and after are not like for like.';

/** Where the Ombudsman said so (its annual report 2022-23, as reported). */
export const CHANGE_OF_APPROACH_SOURCE = {
  title: 'Ombudsman publishes annual report and accounts 2022-2023 (Wired-Gov)',
  url: 'https://www.wired-gov.net/wg/news.nsf/articles/ombudsman+publishes+annual+report+and+accounts+20122023092500?open',
};

/** Shown beside any comparison with the library's cases. */
export const NATIONAL_CAVEAT =
  'The national rate counts detailed investigations only: decisions closed after initial enquiries are not investigations, so they are left out of your cases’ share here too. Your saved cases are not a sample of all decisions. Years run April to March.';

const SECOND_HAND_COUNCIL = 'Quoted second-hand, in a council’s report of the annual review.';

export const NATIONAL_UPHOLD_RATES: readonly NationalUpholdRate[] = z.array(NationalUpholdRateSchema).parse([
  {
    year: '2014-15',
    upheldPercent: 46,
    investigations: null,
    upheld: null,
    counts: COUNTS,
    source: {
      title: 'Review of local government complaints 2015-16 (a copy on paperzz.com)',
      url: 'https://paperzz.com/doc/8088570/review-of-local-government-complaints-2015-16',
    },
    caveat: null,
  },
  {
    year: '2015-16',
    upheldPercent: 51,
    investigations: null,
    upheld: null,
    counts: COUNTS,
    source: {
      title: 'Review of local government complaints 2015-16 (a copy on paperzz.com)',
      url: 'https://paperzz.com/doc/8088570/review-of-local-government-complaints-2015-16',
    },
    caveat: null,
  },
  {
    year: '2018-19',
    upheldPercent: 58,
    investigations: null,
    upheld: null,
    counts: COUNTS,
    source: { title: 'Ombudsman bulletin', url: 'https://content.govdelivery.com/accounts/UKLGO/bulletins/2551480' },
    caveat: null,
  },
  {
    year: '2019-20',
    upheldPercent: 61,
    investigations: null,
    upheld: null,
    counts: COUNTS,
    source: {
      title: 'Review of local government complaints 2019-20 (a copy on readkong.com)',
      url: 'https://www.readkong.com/page/review-of-local-government-complaints-2019-2020-5927552',
    },
    caveat: null,
  },
  {
    year: '2020-21',
    upheldPercent: 67,
    investigations: null,
    upheld: null,
    counts: COUNTS,
    source: {
      title: 'Local Government and Social Care Ombudsman’s annual review (Cranfield and Marston Vale)',
      url: 'https://cranfieldandmarstonvale.co.uk/central-beds-council/local-government-and-social-care-ombudsmans-annual-review/',
    },
    caveat: SECOND_HAND_COUNCIL,
  },
  {
    year: '2021-22',
    upheldPercent: 66,
    investigations: 4253,
    upheld: 2825,
    counts: COUNTS,
    source: {
      title: 'Ombudsman annual report reveals two-thirds of complaints upheld after detailed investigation (Local Government Lawyer)',
      url: 'https://www.localgovernmentlawyer.co.uk/governance/396-governance-news/52493-ombudsman-annual-report-reveals-two-thirds-of-complaints-upheld-after-detailed-investigation',
    },
    caveat: null,
  },
  {
    year: '2022-23',
    upheldPercent: 74,
    investigations: 4301,
    upheld: 3203,
    counts: COUNTS,
    source: {
      title: 'Ombudsman annual report reveals leap in complaints upheld after detailed investigation (Local Government Lawyer)',
      url: 'https://www.localgovernmentlawyer.co.uk/governance/396-governance-news/55976-local-government-social-care-ombudsman-annual-report-reveals-leap-in-complaints-upheld-after-detailed-investigation',
    },
    caveat: CHANGE_OF_APPROACH,
  },
  {
    year: '2023-24',
    upheldPercent: 80,
    investigations: 4003,
    upheld: null,
    counts: COUNTS,
    source: {
      title: 'Ombudsman annual review, in Buckinghamshire Council’s compliments and complaints annual update 2023-24',
      url: 'https://buckinghamshire.gov.uk/your-council/contact-and-complaints/feedback-compliments-and-complaints-policy/compliments-complaints-annual-update-2023-24/ombudsman-annual-review',
    },
    caveat: `Quoted second-hand, in a council’s report. ${CHANGE_OF_APPROACH}`,
  },
  {
    year: '2024-25',
    upheldPercent: 83,
    investigations: 4441,
    upheld: 3665,
    counts: COUNTS,
    source: {
      title: 'Children’s complaints still dominate Ombudsman casework in 2024-25 (lgo.org.uk news)',
      url: 'https://www.lgo.org.uk/information-centre/news/2025/jul/children-s-complaints-still-dominate-ombudsman-casework-in-2024-25-but-housing-has-overtaken-adult-services',
    },
    caveat: CHANGE_OF_APPROACH,
  },
]);

/** "2022-23" for a decision dated 2023-02-14 (April to March). */
export function financialYearOf(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(isoDate);
  if (!m) return null;
  const start = Number(m[2]) >= 4 ? Number(m[1]) : Number(m[1]) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
