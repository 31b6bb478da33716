/**
 * The ordered document model that both front ends (plain text, DOM) produce and
 * the analysis step reads. Keeping one model is what makes the text and HTML
 * versions of a decision give the same summary.
 */
import * as z from 'zod/mini';

/**
 * What a section is for. Sub-headings inherit their statement section's role,
 * so a fault found under "Complaint A: ..." still knows it is in the findings.
 */
export const SectionRoleSchema = z.enum([
  'preamble',
  'summary',
  'complaint',
  'investigated',
  'role',
  'considered',
  'findings',
  'action',
  'final',
  'not-investigated',
  'other',
]);
export type SectionRole = z.infer<typeof SectionRoleSchema>;

export const SectionSchema = z.object({
  heading: z.string(),
  /** 1: a section of the statement; 2: a sub-heading inside one. */
  level: z.union([z.literal(1), z.literal(2)]),
  role: SectionRoleSchema,
});
export type Section = z.infer<typeof SectionSchema>;

export const BlockSchema = z.object({
  /** A numbered (or unnumbered) paragraph of the statement, or an item of a list inside one. */
  kind: z.enum(['paragraph', 'item']),
  /** Clean text, as `cleanText` gives it: both front ends clean every block, and the sentence index relies on it. */
  text: z.string().check(z.minLength(1)),
  /** The number a reader sees on the live page; list items carry their paragraph's number. */
  paragraph: z.nullable(z.int().check(z.positive())),
  /** 0 for paragraphs, 1 for items of a list in a paragraph, 2 for items nested in those. */
  depth: z.int().check(z.minimum(0), z.maximum(4)),
  /** The item's marker when the text shows one: "a)", "•". */
  marker: z.nullable(z.string()),
  /** Index into `sections`, or -1 before the first heading. */
  section: z.int().check(z.minimum(-1)),
});
export type Block = z.infer<typeof BlockSchema>;

export const HeaderSchema = z.object({
  category: z.nullable(z.string()),
  decision: z.nullable(z.string()),
  decisionDate: z.nullable(z.string()),
  /** Public-interest reports: "Ombudsman satisfied with council's response: <date>". */
  satisfied: z.nullable(z.string()),
});
export type Header = z.infer<typeof HeaderSchema>;

export const DecisionDocSchema = z.object({
  /** The title line; null for a copy without it (a scraper's, a republishing site's). */
  title: z.nullable(z.string()),
  authority: z.nullable(z.string()),
  /** From the title line: without one, the parse takes it from the address. */
  reference: z.nullable(z.string()),
  header: HeaderSchema,
  summary: z.nullable(z.string()),
  layout: z.enum(['decision', 'report']),
  sections: z.array(SectionSchema),
  blocks: z.array(BlockSchema),
  /** What the front end could not recover from its input (a copy without list numbers), in words. */
  warnings: z.optional(z.array(z.string())),
});
export type DecisionDoc = z.infer<typeof DecisionDocSchema>;
