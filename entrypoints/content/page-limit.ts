/**
 * How much of a page the sidebar reads. A decision runs to 10-45 KB of text (the
 * longest public-interest reports in the corpus to ~110 KB); a page with more
 * than two million characters of statement is not one a person reads, and
 * reading it whole takes seconds of work even in slices. The sidebar reads
 * that much, says so, and shows what it found there.
 */
import type { DecisionDoc } from '../../lib/parser/model';

/** Characters of statement text read at most: twice the 1 MB page the bench's long-task figure uses. */
export const MAX_STATEMENT_CHARS = 2_000_000;

const count = (n: number) => n.toLocaleString('en-GB');

/** What the sidebar says about a page it read only in part. */
export function partialReadingMessage(doc: DecisionDoc, limit: number = MAX_STATEMENT_CHARS): string {
  const read = doc.blocks.reduce((sum, block) => sum + block.text.length, 0);
  const last = doc.blocks.findLast((block) => block.paragraph !== null)?.paragraph ?? null;
  const where = last === null ? `${count(doc.blocks.length)} paragraphs` : `up to paragraph ${count(last)}`;
  return (
    `This page is too long to read whole (over ${count(limit)} characters). ` +
    `What is shown here was found in the first ${count(read)} characters, ${where}; the rest of the page was not read.`
  );
}
