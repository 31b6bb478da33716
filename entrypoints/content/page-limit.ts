/**
 * How much of a page the sidebar reads. A decision runs to 10-45 KB of text (the
 * longest public-interest reports in the corpus to ~110 KB); a page with more
 * than two million characters of statement is not one a person reads, and
 * reading it whole takes seconds of work even in slices. The sidebar reads
 * that much, says so, and shows what it found there.
 */
import type { DecisionDoc } from '../../lib/parser/model';
import { SLICE_MS } from './sliced';

/** Characters of statement text read at most: twice the 1 MB page the bench's long-task figure uses. */
export const MAX_STATEMENT_CHARS = 2_000_000;

/**
 * A page of at most this many elements is read in one task. A decision page has a few hundred (the
 * seeds 126 to 246, with the site's header and footer), and a first visit reads one in 10-20 ms,
 * most of it the code's first run whatever the length (six times the largest seed's statement,
 * 832 elements, took about half as long again). In 10 ms slices such a page paused once, half-way
 * through, and what ran in that pause (the page's own work; on a busy machine another process)
 * delayed the first paint by more than the reading left to do. Longer pages are read in slices
 * from the start, as before: the bench's 1 MB page has 2,974 elements.
 */
export const READ_IN_ONE_TASK_ELEMENTS = 1_000;

/** How long the reading's slices may run on this page (runSliced's `sliceMs`): without a pause on a decision-sized page. */
export function readingSliceMs(document: Document): number {
  return document.getElementsByTagName('*').length <= READ_IN_ONE_TASK_ELEMENTS ? Infinity : SLICE_MS;
}

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
