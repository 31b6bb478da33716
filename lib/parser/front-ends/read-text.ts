/**
 * Plain-text front end: turns the text of a decision page, as people copy or save
 * it, into the document model. Handles the layouts copies take:
 *  - numbered: "  1." paragraphs separated by blank lines, deeper-indented "1."
 *    for lettered sub-items, "•" bullets, "Back to top" after each section;
 *  - one line per block: "- " before every paragraph and list item, with lines
 *    sometimes wrapped mid-item or two items run together (" - ");
 *  - the older public-interest report: unnumbered paragraphs under Summary /
 *    The complaint / Finding / Recommendations.
 * Any of them with or without the Category / Decision / Decision date lines.
 *
 * Copies restart numbering in every section and after every bullet list, while
 * the live page numbers paragraphs through the whole statement ("as I explain in
 * paragraph 34"), so printed numbers are ignored and paragraphs are counted.
 */
import type { Block, DecisionDoc, Header, Section, SectionRole } from '../model';
import { lineKind, parseHeaderLine, parseTitle, sectionRole, headingKey } from './page-vocabulary';
import { cleanText } from './text-normalise';
import { DocBuilder } from './doc-builder';
import { HONORIFIC_SOURCE } from '../vocabulary/honorifics';

type Line =
  | { kind: 'blank' }
  | { kind: 'numbered'; indent: number; text: string }
  | { kind: 'bullet'; indent: number; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'plain'; text: string };

const NUMBERED = /^(\s*)\d{1,3}\.\s+(\S.*)$/;
const BULLET = /^(\s*)[\u2022\u25CF\u25AA\u25E6\u2023\u00B7*]\s+(\S.*)$/;
const DASH = /^\s*[-\u2013]\s+(\S.*)$/;
/** Two "- " items run together on one line after a wrapped line. */
const RUN_TOGETHER = /([.;:!?\u2019\u201D)])\s+-\s+(?=[A-Z\u2018\u201C"'(])/g;
const TERMINAL = /[.;:!?\u2019\u201D")\]]$/;

function classify(line: string): Line {
  // Spaces at a line's end (editors, e-mail) must not hide its final punctuation.
  const raw = line.trimEnd();
  if (raw === '') return { kind: 'blank' };
  let m = NUMBERED.exec(raw);
  if (m) return { kind: 'numbered', indent: m[1]!.replace(/\t/g, '    ').length, text: m[2]! };
  m = BULLET.exec(raw);
  if (m) return { kind: 'bullet', indent: m[1]!.replace(/\t/g, '    ').length, text: m[2]! };
  m = DASH.exec(raw);
  if (m) return { kind: 'dash', text: m[1]! };
  return { kind: 'plain', text: raw.trim() };
}

function hasText(line: Line): line is Exclude<Line, { kind: 'blank' }> {
  return line.kind !== 'blank';
}

/**
 * Joins lines wrapped in the middle of a block to the block, then splits blocks
 * that a wrap ran together ("... he posed. - The Council then ...").
 */
function logicalLines(rawLines: string[]): Line[] {
  const out: Line[] = [];
  for (const raw of rawLines) {
    const line = classify(raw);
    const prev = out[out.length - 1];
    if (
      line.kind === 'plain' &&
      prev &&
      hasText(prev) &&
      prev.kind !== 'plain' &&
      !TERMINAL.test(prev.text) &&
      !parseHeaderLine(line.text) &&
      // Chrome, and the summary's intro after a contents list's last entry ("- Final decision").
      lineKind(cleanText(line.text)) === null
    ) {
      prev.text = `${prev.text} ${line.text}`;
      continue;
    }
    out.push(line);
  }
  const split: Line[] = [];
  for (const line of out) {
    if (line.kind !== 'dash') {
      split.push(line);
      continue;
    }
    const parts = line.text.replace(RUN_TOGETHER, '$1\n').split('\n');
    for (const part of parts) split.push({ kind: 'dash', text: part.trim() });
  }
  return split;
}

/** The widest a hard-wrapped text's lines can be: e-mail and plain-text tools wrap at 72-80. */
const MAX_WRAP_WIDTH = 100;

/**
 * Lines of a hard-wrapped text joined back into the lines of its blocks. A text is taken as
 * hard-wrapped when no line is wider than MAX_WRAP_WIDTH and several lines fill that width. A line
 * then runs on into the next when the next line's first word would not have fitted after it (a
 * wrapper would have put it there), unless a blank line, a header line or chrome starts the next
 * block, the line ends a list's item (a semicolon after a lead-in), or it ends a sentence and the
 * next starts with a small letter (an unmarked item) or a list marker, or the next is a section
 * heading. A block whose last line happens to fill the width, ending a sentence, is still joined
 * to a next one that starts with a capital: nothing in the text tells the two apart.
 */
function unwrapLines(rawLines: string[]): string[] {
  const lines = rawLines.map((l) => l.trimEnd());
  const width = lines.reduce((w, l) => Math.max(w, l.length), 0);
  if (width > MAX_WRAP_WIDTH) return rawLines;
  const full = (i: number): boolean => {
    const next = lines[i + 1];
    if (!lines[i] || !next?.trim()) return false;
    const words = next.trimStart();
    const space = words.indexOf(' ');
    return lines[i].length + 1 + (space < 0 ? words.length : space) > width;
  };
  let fullLines = 0;
  for (let i = 0; i < lines.length; i++) if (full(i)) fullLines++;
  if (fullLines < 3) return rawLines;
  const out: string[] = [];
  let inList = false; // after a lead-in ("...has agreed to:"), until a block ends a sentence
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = out[out.length - 1];
    if (previous !== undefined && i > 0 && full(i - 1) && continuesBlock(previous, line, inList)) {
      out[out.length - 1] = `${previous} ${line.trim()}`;
    } else {
      if (previous?.endsWith(':')) inList = true;
      else if (previous !== undefined && /[.!?]$/.test(previous)) inList = false;
      out.push(line);
    }
  }
  return out;
}

const ITEM_END = /;(?: and| or)?$/;
/** The end of a sentence, or of a lead-in ("...has agreed to:"). */
const SENTENCE_END = /[.!?:][\u2019\u201D"')]?$/;
/** Full stops that end no sentence, after which a small letter runs on. */
const ABBREVIATION_END = /\b(?:e\.g|i\.e|etc|para|paras|no|cf|approx|vs|v)\.$/i;

function continuesBlock(previous: string, line: string, inList: boolean): boolean {
  // A wrap can put a dash or a number first on a line ("– which Miss B attended"): a list marker
  // only after a finished sentence.
  if (classify(line).kind !== 'plain') return !TERMINAL.test(previous);
  const t = cleanText(line);
  if (parseHeaderLine(t) || lineKind(t) !== null || parseTitle(t)) return false;
  // In a list, an unmarked item ends with its semicolon ("...within 20 working days; and").
  if (inList && ITEM_END.test(previous) && !/^(?:and|or)\b/.test(t)) return false;
  // A sentence that ended is followed by a capital: a small letter starts an unmarked item
  // ("...has agreed to:" or "...the identified faults." then "pay the first family £300...").
  if (SENTENCE_END.test(previous) && !ABBREVIATION_END.test(previous) && /^[a-z]/.test(t)) return false;
  // A section heading starts a section even after a line without a full stop ("...found fault
  // causing injustice" then "Recommendations"): a wrap leaves no such line of its own.
  return !(looksLikeHeading(t) && sectionRole(t, null) !== null);
}

/** A category value's pieces as a scraper's text keeps them: `Area` / `>` / `Topic`, one per line. */
const CATEGORY_PIECE_JOIN = /^>|>$/;

/**
 * Header values on the lines after their labels (`Decision date :` then `22 Feb 2017`; the
 * category as `Area` / `>` / `Topic`), as copies of block-level label and value elements give
 * them: joined back into one "Label : value" line. A following label, or two blank lines, end the
 * value.
 */
function joinHeaderValues(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'plain') {
      out.push(line);
      continue;
    }
    const header = parseHeaderLine(cleanText(line.text));
    // The header comes before the statement: its first section heading ends the search.
    if (!header && sectionRole(cleanText(line.text), null) !== null) return out.concat(lines.slice(i));
    if (!header || header.value || header.field === 'satisfied') {
      out.push(line);
      continue;
    }
    const pieces: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.kind === 'blank') {
        if (lines[j + 1]?.kind === 'blank') break;
        continue;
      }
      const t = cleanText(next.text);
      if (next.kind !== 'plain' || parseHeaderLine(t) || lineKind(t) !== null) break;
      const joined = pieces.join(' ');
      // A category runs on while a '>' joins its pieces; any other value is one line.
      if (pieces.length > 0 && !(header.field === 'category' && (CATEGORY_PIECE_JOIN.test(t) || joined.endsWith('>')))) break;
      pieces.push(t);
    }
    if (pieces.length === 0) {
      out.push(line);
      continue;
    }
    const label = cleanText(line.text);
    out.push({ kind: 'plain', text: `${label.endsWith(':') ? label.slice(0, -1) : label} : ${pieces.join(' ')}` });
    i = j - 1;
  }
  return out;
}

function looksLikeHeading(text: string): boolean {
  return text.length <= 120 && !TERMINAL.test(text) && !/^[a-z]/.test(text);
}

/** In the "- " layout, whether an item after a lead-in ("...the Council:") continues its list. */
function looksLikeListItem(text: string): boolean {
  if (/^[a-z]/.test(text)) return true;
  if (/(;|; and|; or|, and|, or|,)$/.test(text)) return true;
  const sentences = text.split(/[.!?]\s+(?=[A-Z])/).length;
  return text.length <= 120 && sentences === 1;
}

/** The older public-interest report: unnumbered paragraphs under Summary / Finding headings. */
function looksLikeReport(lines: Line[]): boolean {
  return lines.some((l) => {
    if (l.kind !== 'plain') return false;
    const t = cleanText(l.text);
    if (parseHeaderLine(t)?.field === 'satisfied') return true;
    if (!looksLikeHeading(t)) return false;
    const key = headingKey(t);
    return key === 'summary' || key === 'finding';
  });
}

/** An item that its list goes on after: "...could be appealed;", "...and". */
const LIST_OPEN = /(?:;|; and|; or|, and|, or|,)$/;
/** The openings of a paragraph that no list item shares: the people of the case, the writer. */
const PARAGRAPH_OPENING = new RegExp(String.raw`^(?:${HONORIFIC_SOURCE} [A-Z](?![A-Za-z])|(?:I|We) |In addition\b|However\b|Finally\b)`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { PARAGRAPH_OPENING };

const UNCERTAIN_NUMBERS =
  'This copy has no list numbers: paragraphs after its first list, and items after the first of a list, have no paragraph number, as lists and paragraphs cannot be told apart.';

export function readText(text: string): DecisionDoc | null {
  const rawLines = unwrapLines(text.replace(/\r\n?/g, '\n').split('\n'));
  const titleIndex = rawLines.findIndex((l) => parseTitle(cleanText(l)) !== null);
  // No title line (a scraper's or a republishing site's copy): read from the start, for the parse
  // to accept when it has a statement and a reference in its address.
  // Several different decision titles as lines: a copied listing or search page.
  const refs = new Set(rawLines.map((l) => parseTitle(cleanText(l))?.reference).filter(Boolean));
  if (refs.size > 1) return null;
  const title = titleIndex < 0 ? null : parseTitle(cleanText(rawLines[titleIndex]!))!;

  const header: Header = { category: null, decision: null, decisionDate: null, satisfied: null };
  let summary: string | null = null;
  const lines = joinHeaderValues(logicalLines(rawLines.slice(titleIndex + 1)));

  // Heading texts seen as real section headings after content starts: a run of
  // them before any content is an in-page contents list, not the sections.
  const headingKeys = new Set(
    lines
      .filter((l): l is { kind: 'plain'; text: string } => l.kind === 'plain' && looksLikeHeading(l.text))
      .map((l) => headingKey(l.text)),
  );
  // A copy without list markers (a browser's leaves out list numbers and bullets) is read as the
  // "- " layout is, but a list item and a paragraph then look alike: paragraphs are numbered only
  // until the first list, and later items carry no number, so that no number is ever wrong.
  const markerless = !lines.some((l) => l.kind === 'numbered' || l.kind === 'bullet' || l.kind === 'dash') && !looksLikeReport(lines);
  let countUncertain = false;
  let lastItem = '';
  const b = new DocBuilder();
  let seenContent = false;
  let contentsEntry = false; // the previous line was an entry of an in-page contents list
  let numberedIndent: number | null = null;
  let leadIn = false; // the previous paragraph ended with a colon ("- " layout lists)
  let inListRun = false;
  let runLower = false; // a list's items keep the case of its first item
  let runLong = false; // ...and its length: a list of long points stays one
  let report = false;

  let afterBlank = true;
  let plainList = false; // unmarked item lines under a plain lead-in ("...agreed to:")
  let plainListStarted = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const blankBefore = afterBlank;
    afterBlank = line.kind === 'blank';
    if (line.kind === 'blank') {
      // The list may start after one blank line under its lead-in; a blank line after items ends it.
      if (plainListStarted) plainList = false;
      continue;
    }
    const t = cleanText(line.text);
    if (!t) continue;
    const afterContentsEntry = contentsEntry;
    contentsEntry = false;
    const kind = lineKind(t);
    if (kind === 'sign-off') break;
    if (kind !== null) continue; // chrome, or the final decision's intro
    // The title again (a page's heading over a copy of its text that has the title too).
    if (title && parseTitle(t)?.reference === title.reference) continue;

    const h = parseHeaderLine(t);
    if (h && (h.field === 'satisfied' || !seenContent)) {
      if (h.field === 'summary') summary = h.value || summary;
      else if (h.field === 'satisfied') {
        header.satisfied = h.value;
        report = true;
      } else header[h.field] = h.value;
      continue;
    }

    if (!seenContent && (line.kind === 'plain' || line.kind === 'dash') && looksLikeHeading(t)) {
      // Contents list: a heading text that occurs again later, before any paragraph; in the "- "
      // layout, the entries that follow one and name a section too (a copy cut short lacks the
      // sections they name: "- Final decision").
      const later = lines.slice(i + 1).some((l) => l.kind === 'plain' && headingKey(l.text) === headingKey(t));
      const listed = afterContentsEntry && line.kind === 'dash' && sectionRole(t, null) !== null;
      if ((later && headingKeys.has(headingKey(t))) || listed) {
        contentsEntry = true;
        continue;
      }
    }

    if (markerless && line.kind === 'plain' && !looksLikeHeading(t)) line = { kind: 'dash', text: line.text };
    switch (line.kind) {
      case 'plain': {
        if (plainList && !(blankBefore && plainListStarted) && b.hasParagraph && !looksLikeHeading(t)) {
          // Report layout: unmarked items, one per line, under "...has agreed to:".
          b.item(t, 1, 'bullet');
          plainListStarted = true;
        } else if (looksLikeHeading(t)) {
          const role = sectionRole(t, b.currentRole);
          if (role === 'summary' || (role === 'findings' && headingKey(t) === 'finding')) report = true;
          b.heading(t, role);
          leadIn = false;
          inListRun = false;
        } else {
          seenContent = true;
          b.paragraph(t, false);
          leadIn = t.endsWith(':');
          plainList = leadIn;
          plainListStarted = false;
          inListRun = false;
        }
        break;
      }
      case 'numbered': {
        seenContent = true;
        if (numberedIndent === null || line.indent < numberedIndent) numberedIndent = line.indent;
        if (line.indent > numberedIndent && b.hasParagraph) b.item(t, 1, 'letter');
        else b.paragraph(t, true);
        break;
      }
      case 'bullet': {
        seenContent = true;
        const depth = numberedIndent !== null && line.indent > numberedIndent + 2 ? 2 : 1;
        if (b.hasParagraph) b.item(t, depth, 'bullet');
        else b.paragraph(t, false);
        break;
      }
      case 'dash': {
        seenContent = true;
        // After a lead-in ending with a colon the next item always belongs to its
        // list; later ones while they keep the first item's case and shape.
        const lower = /^[a-z]/.test(t);
        let continues = inListRun && lower === runLower && (runLong || looksLikeListItem(t));
        if (markerless && inListRun) {
          // Without markers, an item left open ("...could be appealed;") is surely followed by
          // another, and a line that opens with the people of the case or the writer surely starts
          // a paragraph ("Mr C says...", "I have...").
          if (LIST_OPEN.test(lastItem)) continues = lower === runLower;
          else if (PARAGRAPH_OPENING.test(t)) continues = false;
        }
        if ((leadIn || continues) && b.hasParagraph) {
          b.item(t, 1, 'bullet');
          lastItem = t;
          if (markerless) {
            // Only the item right after its lead-in surely belongs to that paragraph.
            if (!countUncertain) b.warn(UNCERTAIN_NUMBERS);
            countUncertain = true;
            b.forgetParagraph();
          }
          if (!inListRun) {
            runLower = lower;
            runLong = !looksLikeListItem(t);
          }
          inListRun = true;
          leadIn = false;
        } else {
          b.paragraph(t, !countUncertain);
          leadIn = t.endsWith(':');
          inListRun = false;
        }
        break;
      }
    }
  }

  if (report && !summary) summary = b.firstParagraphOf('summary');
  return b.build({
    title: title && `${title.authority} (${title.reference})`,
    authority: title?.authority ?? null,
    reference: title?.reference ?? null,
    header,
    summary,
    layout: report ? 'report' : 'decision',
  });
}

export type { Block, Section, SectionRole };
