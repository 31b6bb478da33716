/**
 * Writes a parsed decision back out as plain text in the numbered layout that
 * copies of the site take ("  12. ..." paragraphs, "      a) ..." items). This is
 * the verbatim copy the library keeps: every word of every paragraph as the page
 * shows it, laid out so that the text front end reads it back to the same
 * summary when a newer parser re-reads saved cases.
 */
import type { DecisionDoc } from '../model';

export function docToText(doc: DecisionDoc): string {
  const out: string[] = doc.title ? [doc.title, ''] : [];
  const h = doc.header;
  if (h.category) out.push(`Category : ${h.category}`, '');
  if (h.decision) out.push(`Decision : ${h.decision}`, '');
  if (h.decisionDate) out.push(`Decision date : ${h.decisionDate}`, '');
  if (doc.layout === 'decision' && doc.summary) out.push("The Ombudsman's final decision:", '', `Summary: ${doc.summary}`, '');
  let section = -2;
  let numbered = 0;
  doc.blocks.forEach((block, blockIndex) => {
    if (block.section !== section) {
      // Headings of sections with no blocks of their own (a section heading followed by a sub-heading).
      for (let s = section + 1; s <= block.section; s++) {
        const heading = doc.sections[s];
        if (heading) out.push(heading.heading, '');
      }
      section = block.section;
    }
    if (block.kind === 'paragraph') {
      out.push(block.paragraph === null ? block.text : `  ${++numbered}. ${block.text}`, '');
    } else {
      // As the copies show them: bullets at the paragraphs' indent, lettered items as deeper-indented numbers.
      let itemNumber = 1;
      for (let i = blockIndex - 1; i >= 0 && doc.blocks[i]!.kind === 'item'; i--) if (doc.blocks[i]!.depth === block.depth) itemNumber++;
      out.push(
        block.marker === '\u2022'
          ? `${'  '.repeat(block.depth)}\u2022 ${block.text}`
          : `${' '.repeat(2 + block.depth * 4)}${itemNumber}. ${block.text}`,
        '',
      );
    }
  });
  for (let s = section + 1; s < doc.sections.length; s++) out.push(doc.sections[s]!.heading, '');
  if (h.satisfied) out.push(`Ombudsman satisfied with council's response: ${h.satisfied}`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
