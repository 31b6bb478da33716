/**
 * The parser's entry point: a `Document` or plain text (plus the page address
 * when known) in, plain data out. Never throws for any input: a page that is
 * not a decision, or one the parser trips on, gives a `{ ok: false }` result
 * with a message a person can read.
 */
import type { DecisionDoc } from './model';
import { analyse, analyseSteps } from './analyse';
import { runSteps, type Steps } from './steps';
import { readDocumentSteps, readVisibleText } from './front-ends/read-document';
import { readText } from './front-ends/read-text';
import type { DecisionHeadline, ParseResult } from '../schema';
import { headlineFields } from './extractors/headline';
import { referenceFromAddress } from './extractors/reference';

type NotADecision = Extract<ParseResult, { ok: false }>;

export interface ParseOptions {
  /** The page address, when known: gives the summary its `url`, and the category when the page has none. */
  url?: string | null;
  /**
   * The name of the file the text was read from, when known: a copy without its title line takes its
   * reference from the address, else from a YY-NNN-NNN in this name.
   */
  fileName?: string | null;
}

const NOT_A_DECISION =
  'This is not an Ombudsman decision page: no title of the form "Organisation (YY NNN NNN)" with a decision statement was found.';

const NO_REFERENCE =
  'This text has no title line of the form "Organisation (YY NNN NNN)", and no reference (YY-NNN-NNN) in its address or file name: give the page address with it.';

/**
 * A decision has a statement: a recognised section, a Decision line, or a summary with paragraphs.
 * A copy without its title line must show more of one: a summary or Decision line, and sections.
 */
function isDecision(doc: DecisionDoc): boolean {
  const hasSections = doc.sections.some((s) => s.role !== 'other' && s.role !== 'preamble');
  if (doc.title === null) return doc.blocks.length > 0 && hasSections && (doc.summary !== null || doc.header.decision !== null);
  return doc.blocks.length > 0 && (hasSections || doc.header.decision !== null);
}

/** The document with its reference: a copy without a title line takes it from its address or file name. */
function withReference(doc: DecisionDoc, options: ParseOptions): DecisionDoc | null {
  if (doc.reference !== null) return doc;
  const reference = referenceFromAddress(options.url) ?? referenceFromAddress(options.fileName);
  return reference === null ? null : { ...doc, reference };
}

/** Runs a step of the parse; a parser bug on an odd page is reported as such, never thrown into the page. */
function guarded<T>(step: () => T): T | NotADecision {
  try {
    return step();
  } catch (error) {
    return unreadable(error);
  }
}

function unreadable(error: unknown): NotADecision {
  return {
    ok: false,
    reason: 'unreadable',
    message: `The decision could not be read: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
  };
}

function fromModel(read: () => DecisionDoc | null, options: ParseOptions): ParseResult {
  return guarded(() => {
    const model = read();
    if (!model || !isDecision(model)) return { ok: false, reason: 'not-a-decision', message: NOT_A_DECISION } as const;
    const doc = withReference(model, options);
    if (!doc) return { ok: false, reason: 'not-a-decision', message: NO_REFERENCE } as const;
    return { ok: true, summary: analyse(doc, options.url ?? null) } as const;
  });
}

export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  if (!text.trim()) return { ok: false, reason: 'empty', message: 'The text is empty.' };
  return fromModel(() => readText(text), options);
}

/**
 * A page read but not yet analysed: enough for the sidebar's first paint. `headline`: the
 * summary's header fields, checked against the schema with the rest of the summary by
 * `analyseReading`. `cut`: the statement was longer than the reading's limit, and only its start
 * was read.
 */
export type PageReading =
  { ok: true; headline: DecisionHeadline; doc: DecisionDoc; url: string | null; elements: Element[]; cut: boolean } | NotADecision;

export interface PageReadOptions extends ParseOptions {
  /** Characters of statement text to read at most (see readDocumentSteps); by default all of it. */
  maxChars?: number;
}

/**
 * The first of a page parse's two steps: the document model, and the headline (the
 * header fields) from it, without the analysis of the statement. A sidebar paints the
 * headline first and shows the rest when `analyseReading` has run; one call of each
 * gives exactly what `parseDocumentWithElements` gives.
 */
export function readDecisionPage(document: Document, options: PageReadOptions = {}): PageReading {
  return runSteps(readDecisionPageSteps(document, options));
}

/** `readDecisionPage` in steps (see steps.ts): it pauses between the elements of the statement. */
export function* readDecisionPageSteps(document: Document, options: PageReadOptions = {}): Steps<PageReading> {
  const url = options.url ?? null;
  try {
    let reading = yield* readDocumentSteps(document, options.maxChars);
    // No decision in the markup, but perhaps in the page's visible text (a copy in a <pre>).
    if (!reading || !isDecision(reading.doc)) reading = readVisibleText(document, options.maxChars);
    if (!reading || !isDecision(reading.doc)) return { ok: false, reason: 'not-a-decision', message: NOT_A_DECISION };
    const doc = withReference(reading.doc, options);
    if (!doc) return { ok: false, reason: 'not-a-decision', message: NO_REFERENCE };
    return { ok: true, headline: headlineFields(doc, url), doc, url, elements: reading.elements, cut: reading.cut ?? false };
  } catch (error) {
    return unreadable(error);
  }
}

type Reading = { doc: DecisionDoc; url: string | null; headline: DecisionHeadline };

/** The second step: the analysis of what `readDecisionPage` read. */
export function analyseReading(reading: Reading): ParseResult {
  return runSteps(analyseReadingSteps(reading));
}

/** `analyseReading` in steps (see steps.ts), for a caller that lets the page run between them. */
export function* analyseReadingSteps(reading: Reading): Steps<ParseResult> {
  try {
    return { ok: true, summary: yield* analyseSteps(reading.doc, reading.headline) };
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Parses a page and also returns the document model and, for each block, the
 * element it was read from (for scrolling and highlighting, and the saved copy).
 */
export function parseDocumentWithElements(
  document: Document,
  options: ParseOptions = {},
): { result: ParseResult; elements: Element[]; doc: DecisionDoc | null } {
  const reading = readDecisionPage(document, options);
  if (!reading.ok) return { result: reading, elements: [], doc: null };
  const result = analyseReading(reading);
  return result.ok ? { result, elements: reading.elements, doc: reading.doc } : { result, elements: [], doc: null };
}

export function parseDecision(input: Document | string, options: ParseOptions = {}): ParseResult {
  return typeof input === 'string' ? parseText(input, options) : parseDocumentWithElements(input, options).result;
}
