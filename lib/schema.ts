/**
 * The decision summary: the one definition of what the parser produces.
 *
 * The JSON field names are a public contract: people script against the
 * command-line output, and the CSV export uses the same names. Add fields;
 * never rename or repurpose one.
 */
import * as z from 'zod/mini';

export const PARSER_VERSION = '1.1.0';

/** Where an extracted item came from, so every item shown can be traced to the text. */
export const EvidenceSchema = z.object({
  /** The paragraph number a reader sees on the live page (numbers run on through the statement). */
  paragraph: z.nullable(z.int().check(z.positive())),
  /** Index of the block in the parsed document: links back to the page element. */
  block: z.int().check(z.nonnegative()),
  /** The sentence the item was read from, verbatim (whitespace normalised). */
  sentence: z.string().check(z.minLength(1)),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const OrganisationKindSchema = z.enum(['council', 'care-provider', 'nhs', 'school', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const OutcomeKindSchema = z.enum(['upheld', 'not-upheld', 'closed-after-initial-enquiries', 'other']);
export type OutcomeKind = z.infer<typeof OutcomeKindSchema>;

export const OutcomeSchema = z.object({
  /** As printed ("Upheld"), or for an inferred outcome the label of the inferred kind. */
  label: z.string(),
  kind: OutcomeKindSchema,
  /** True when the page has no Decision line and the outcome was read from the summary's wording. */
  inferred: z.boolean(),
  evidence: z.nullable(z.string()),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const CategorySchema = z.object({
  area: z.string().check(z.minLength(1)),
  topic: z.nullable(z.string()),
  /** `page`: the Category line; `address`: derived from the address slugs. */
  source: z.enum(['page', 'address']),
});
export type Category = z.infer<typeof CategorySchema>;

export const ComplaintPointSchema = z.object({
  text: z.string().check(z.minLength(1)),
  paragraph: z.nullable(z.int().check(z.positive())),
  block: z.int().check(z.nonnegative()),
});
export type ComplaintPoint = z.infer<typeof ComplaintPointSchema>;

export const InjusticeSchema = z.enum(['caused', 'none', 'remedied', 'unstated']);
export type Injustice = z.infer<typeof InjusticeSchema>;

export const FaultSchema = z.object({
  /** The sentence that finds fault. */
  text: z.string().check(z.minLength(1)),
  paragraph: z.nullable(z.int().check(z.positive())),
  block: z.int().check(z.nonnegative()),
  /** The complaint strand ("c) The Council failed...") or subheading the fault sits under. */
  heading: z.nullable(z.string()),
  injustice: InjusticeSchema,
  /** The sentence that says whether the fault caused injustice, when there is one. */
  injusticeEvidence: z.nullable(EvidenceSchema),
});
export type Fault = z.infer<typeof FaultSchema>;

export const RemedyKindSchema = z.enum(['apology', 'payment', 'refund', 'reassessment', 'service-improvement', 'other']);
export type RemedyKind = z.infer<typeof RemedyKindSchema>;

export const DeadlineUnitSchema = z.enum(['day', 'working-day', 'week', 'month', 'year']);
export type DeadlineUnit = z.infer<typeof DeadlineUnitSchema>;

export const DeadlineSchema = z.object({
  text: z.string().check(z.minLength(1)),
  count: z.int().check(z.positive()),
  unit: DeadlineUnitSchema,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const RemedySchema = z.object({
  kind: RemedyKindSchema,
  /** The agreed or recommended action, as written. */
  text: z.string().check(z.minLength(1)),
  paragraph: z.nullable(z.int().check(z.positive())),
  /** The block of the statement it was read from; null when read from the summary, which is no block. */
  block: z.nullable(z.int().check(z.nonnegative())),
  /**
   * Where it was read from: the statement (the agreed action, or an "agreed to" clause), or only the
   * summary ("The Council has agreed to apologise to Mr X and pay him £250") when the statement at
   * hand gives no remedy of that kind. Summaries saved before this field existed are statement ones.
   */
  source: z._default(z.enum(['statement', 'summary']), 'statement'),
  /** Pounds, as a number: 1950, 509.81. Null when no sum is agreed. */
  amount: z.nullable(z.number().check(z.nonnegative())),
  payee: z.nullable(z.string()),
  purpose: z.nullable(z.string()),
  deadline: z.nullable(DeadlineSchema),
});
export type Remedy = z.infer<typeof RemedySchema>;

export const StatuteSchema = z.object({
  /** As titled on legislation.gov.uk, with its year: "Children Act 1989". */
  act: z.string().check(z.minLength(1)),
  /** Base section ("26A", "34B") or schedule ("Schedule 5"); null when the Act is cited as a whole. */
  section: z.nullable(z.string()),
  /** "(1)", "(6)(c)"; null when none. */
  subsection: z.nullable(z.string()),
  /** The citation as written, first occurrence. */
  text: z.string().check(z.minLength(1)),
  /**
   * legislation.gov.uk, only for Acts in the checked table: never a guessed link. Nothing else
   * passes, so a record read back or imported cannot put another site's link, or a javascript:
   * one, behind the statute's name in the sidebar.
   */
  url: z.nullable(z.string().check(z.regex(/^https:\/\/www\.legislation\.gov\.uk\/\S*$/))),
  paragraphs: z.array(z.int().check(z.positive())),
  /** True for the Ombudsman's own powers (Local Government Act 1974, Health Service Commissioners Act 1993). */
  jurisdiction: z.boolean(),
  evidence: z.array(EvidenceSchema).check(z.minLength(1)),
});
export type Statute = z.infer<typeof StatuteSchema>;

export const GuidanceSchema = z.object({
  title: z.string().check(z.minLength(1)),
  paragraphs: z.array(z.int().check(z.positive())),
  evidence: z.array(EvidenceSchema).check(z.minLength(1)),
});
export type Guidance = z.infer<typeof GuidanceSchema>;

export const RegulatorSchema = z.object({
  name: z.enum(['Ofsted', 'CQC']),
  paragraph: z.nullable(z.int().check(z.positive())),
  block: z.int().check(z.nonnegative()),
  text: z.string().check(z.minLength(1)),
});
export type Regulator = z.infer<typeof RegulatorSchema>;

/**
 * yyyy-mm-dd. The parser makes only days that exist (lib/dates.ts); that a day exists (no 2099-13-45) is checked
 * where records enter the library (lib/library/record-checks.ts), which keeps the check out of the content script.
 */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * The address of a decision page a case was saved from: http(s) on www.lgo.org.uk or lgo.org.uk,
 * the only hosts the extension runs on. Nothing else passes (javascript:, data:, another site,
 * "lgo.org.uk.example.com", "lgo.org.uk@example.com"), so a record cannot put such a link behind Open or into an export.
 */
export const PageAddressSchema = z
  .string()
  .check(z.maxLength(2000), z.regex(/^https?:\/\/(?:www\.)?lgo\.org\.uk(?:[/?#]\S*)?$/i, 'Invalid address: not a page on lgo.org.uk'));

export const DecisionSummarySchema = z.object({
  parserVersion: z.string(),
  /** As printed: "20 003 139", joint cases with their suffix "20 003 139b". */
  reference: z.string().check(z.regex(/^\d{2} \d{3} \d{3}[a-z]?$/)),
  url: z.nullable(z.string()),
  /** The title line; a copy without one gets its reference alone ("22 003 275"). */
  title: z.string().check(z.minLength(1)),
  /** The organisation complained about, from the title line: null for a copy without one. */
  authority: z.nullable(z.string().check(z.minLength(1))),
  organisationKind: OrganisationKindSchema,
  category: z.nullable(CategorySchema),
  outcome: OutcomeSchema,
  decisionDate: z.nullable(isoDate),
  /** Public-interest reports: the date the Ombudsman was satisfied with the response. */
  satisfiedDate: z.nullable(isoDate),
  layout: z.enum(['decision', 'report']),
  summary: z.nullable(z.string()),
  complainant: z.nullable(z.string()),
  complaints: z.array(ComplaintPointSchema),
  faults: z.array(FaultSchema),
  remedies: z.array(RemedySchema),
  totalPayments: z.number().check(z.nonnegative()),
  statutes: z.array(StatuteSchema),
  guidance: z.array(GuidanceSchema),
  regulators: z.array(RegulatorSchema),
  /** What the parser could not find, in words a reader understands. */
  warnings: z.array(z.string()),
});
export type DecisionSummary = z.infer<typeof DecisionSummarySchema>;

/**
 * What the sidebar can show before the analysis has run: the page header, read with
 * the document (so it can be painted in the first frame), filled in by the summary next.
 * The summary's own field schemas, listed rather than `z.pick`ed: the content script loads this
 * module, and `z.pick`/`z.extend` bring Zod's shape-copying helpers into it (about 0.3 KB gzip).
 */
const summaryField = DecisionSummarySchema.shape;
export const DecisionHeadlineSchema = z.object({
  reference: summaryField.reference,
  url: summaryField.url,
  title: summaryField.title,
  authority: summaryField.authority,
  category: summaryField.category,
  outcome: summaryField.outcome,
  decisionDate: summaryField.decisionDate,
  layout: summaryField.layout,
});
export type DecisionHeadline = z.infer<typeof DecisionHeadlineSchema>;

export const NotADecisionSchema = z.object({
  ok: z.literal(false),
  /** `unreadable`: the parser failed on this page; a bug to report, never expected. */
  reason: z.enum(['not-a-decision', 'empty', 'unreadable']),
  message: z.string(),
});

export const ParseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: DecisionSummarySchema }),
  NotADecisionSchema,
]);
export type ParseResult = z.infer<typeof ParseResultSchema>;
