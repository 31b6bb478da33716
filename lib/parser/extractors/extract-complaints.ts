/**
 * The complainant's pseudonym and the points of complaint as the statement lists them.
 */
import type { DecisionDoc } from '../model';
import type { ComplaintPoint } from '../../schema';
import { HONORIFIC_SOURCE } from '../vocabulary/honorifics';

const TITLE = HONORIFIC_SOURCE;
/** "whom I shall call Ms V", "who I refer to here as Mr X", "I have called the complainant ‘Mr C’". */
const NAMING = new RegExp(
  String.raw`\b(?:call(?:ed)?|refer to|referred to|name)(?: (?:here|him|her|them|the complainant))? (?:as )?[‘'"“]?(${TITLE} [A-Z])(?![A-Za-z])`,
);
const PSEUDONYM = new RegExp(String.raw`\b(${TITLE} [A-Z])(?![A-Za-z])`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { NAMING, PSEUDONYM };

export function readComplainant(doc: DecisionDoc): string | null {
  const complaintText = doc.blocks.filter((b) => doc.sections[b.section]?.role === 'complaint').map((b) => b.text);
  for (const t of complaintText) {
    const m = NAMING.exec(t);
    if (m) return m[1]!;
  }
  for (const t of [doc.summary ?? '', ...complaintText]) {
    const m = PSEUDONYM.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The listed points: items of a list that a complaint-section paragraph
 * introduces with a colon. Without such a list, the paragraphs that state what
 * is complained of.
 */
export function readComplaints(doc: DecisionDoc): ComplaintPoint[] {
  const inComplaint = doc.blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => doc.sections[block.section]?.role === 'complaint' && doc.sections[block.section]?.level === 1);
  const listed: ComplaintPoint[] = [];
  let underLeadIn = false;
  for (const { block, index } of inComplaint) {
    if (block.kind === 'paragraph') underLeadIn = block.text.endsWith(':');
    else if (underLeadIn && block.depth === 1) listed.push({ text: block.text, paragraph: block.paragraph, block: index });
  }
  if (listed.length > 0) return listed;
  return inComplaint
    .filter(
      ({ block }) => block.kind === 'paragraph' && /\bcomplain|\basked (me |us )?to (consider|look)|\bsays?\b|\bsaid\b/i.test(block.text),
    )
    .map(({ block, index }) => ({ text: block.text, paragraph: block.paragraph, block: index }));
}
