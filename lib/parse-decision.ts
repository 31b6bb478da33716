/**
 * The parser's entry point: a `Document` or plain text (plus the page address
 * when known) in, plain data out. Never throws for any input: a page that is
 * not a decision, or one the parser trips on, gives a `{ ok: false }` result
 * with a message a person can read.
 */
import type { DecisionDoc } from './model';
import { analyse } from './analyse';
import { readDocument } from './read-document';
import { readText } from './read-text';
import type { ParseResult } from './schema';

export interface ParseOptions {
  /** The page address, when known: gives the summary its `url`, and the category when the page has none. */
  url?: string | null;
}

const NOT_A_DECISION =
  'This is not an Ombudsman decision page: no title of the form "Organisation (YY NNN NNN)" with a decision statement was found.';

/** A decision has a statement: a recognised section, a Decision line, or a summary with paragraphs. */
function isDecision(doc: DecisionDoc): boolean {
  const hasSections = doc.sections.some((s) => s.role !== 'other' && s.role !== 'preamble');
  return doc.blocks.length > 0 && (hasSections || doc.header.decision !== null);
}

function fromModel(read: () => DecisionDoc | null, url: string | null): ParseResult {
  try {
    const doc = read();
    if (!doc || !isDecision(doc)) return { ok: false, reason: 'not-a-decision', message: NOT_A_DECISION };
    return { ok: true, summary: analyse(doc, url) };
  } catch (error) {
    // A parser bug on an odd page: report it as such, never throw into the page.
    return {
      ok: false,
      reason: 'unreadable',
      message: `The decision could not be read: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
    };
  }
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  if (!text.trim()) return { ok: false, reason: 'empty', message: 'The text is empty.' };
  return fromModel(() => readText(text), options.url ?? null);
}

/**
 * Parses a page and also returns the document model and, for each block, the
 * element it was read from (for scrolling and highlighting, and the saved copy).
 */
export function parseDocumentWithElements(
  document: Document,
  options: ParseOptions = {},
): { result: ParseResult; elements: Element[]; doc: DecisionDoc | null } {
  let reading: ReturnType<typeof readDocument> = null;
  const result = fromModel(() => {
    reading = readDocument(document);
    return reading?.doc ?? null;
  }, options.url ?? null);
  const read = reading as ReturnType<typeof readDocument>;
  return result.ok && read ? { result, elements: read.elements, doc: read.doc } : { result, elements: [], doc: null };
}

export function parseDecision(input: Document | string, options: ParseOptions = {}): ParseResult {
  return typeof input === 'string' ? parseText(input, options) : parseDocumentWithElements(input, options).result;
}
