/**
 * The ordered document model that both front ends (plain text, DOM) produce and
 * the analysis step reads. Keeping one model is what makes the text and HTML
 * versions of a decision give the same summary.
 */
import { z } from 'zod';

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
  text: z.string().min(1),
  /** The number a reader sees on the live page; list items carry their paragraph's number. */
  paragraph: z.number().int().positive().nullable(),
  /** 0 for paragraphs, 1 for items of a list in a paragraph, 2 for items nested in those. */
  depth: z.number().int().min(0).max(4),
  /** The item's marker when the text shows one: "a)", "•". */
  marker: z.string().nullable(),
  /** Index into `sections`, or -1 before the first heading. */
  section: z.number().int().min(-1),
});
export type Block = z.infer<typeof BlockSchema>;

export const HeaderSchema = z.object({
  category: z.string().nullable(),
  decision: z.string().nullable(),
  decisionDate: z.string().nullable(),
  /** Public-interest reports: "Ombudsman satisfied with council's response: <date>". */
  satisfied: z.string().nullable(),
});
export type Header = z.infer<typeof HeaderSchema>;

export const DecisionDocSchema = z.object({
  title: z.string(),
  authority: z.string(),
  reference: z.string(),
  header: HeaderSchema,
  summary: z.string().nullable(),
  layout: z.enum(['decision', 'report']),
  sections: z.array(SectionSchema),
  blocks: z.array(BlockSchema),
});
export type DecisionDoc = z.infer<typeof DecisionDocSchema>;
