/**
 * DOM front end: reads a decision from a `Document` (the live page, or a saved
 * HTML file) into the document model, keeping for each block the element it came
 * from so the sidebar can scroll to it and highlight it.
 *
 * Structure is found by visible text first (the title pattern, the header labels,
 * the section headings) and ids and classes are only hints (`#article`, `.label`
 * / `.value`), because the site's markup is known only second-hand. No globals:
 * node types are tested by `nodeType`, never `instanceof HTMLElement`, so the
 * same code runs in the page, in happy-dom and in a Node DOM.
 *
 * Deliberately avoids `innerText` and `getComputedStyle`: both force layout, and
 * this runs before the sidebar's first paint.
 */
import type { DecisionDoc, Header } from './model';
import { DocBuilder } from './doc-builder';
import {
  lineKind,
  parseHeaderLine,
  parseTitle,
  sectionRole,
  keyRole,
  headingKey,
} from './page-vocabulary';
import { cleanText } from './text-normalise';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA',
  'INPUT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'IMG', 'PICTURE', 'ASIDE', 'DIALOG',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const LIST_TAGS = new Set(['OL', 'UL']);
/** Elements that start a new line of text when their content is read as one string. */
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'BR', 'TR', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'OL', 'UL', 'TABLE', 'DD', 'DT']);
/** Deeper than any real page; a hostile page cannot make the walk recurse without bound. */
const MAX_DEPTH = 200;

export interface DocumentReading {
  doc: DecisionDoc;
  /** Parallel to `doc.blocks`: the element each block was read from. */
  elements: Element[];
}

function isHidden(el: Element): boolean {
  // Most elements have no attributes at all: one call rules them out instead of three.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The element's text, skipping hidden parts, optionally without its nested lists; or only its
 * first `room` characters: shorter than `room` only when it is the whole text.
 */
function textOf(el: Element, withoutLists = false, depth = 0, room = Infinity): string {
  let out = '';
  // Siblings walked in place: no array of child nodes per element.
  for (let node = el.firstChild; node && out.length < room; node = node.nextSibling) {
    if (node.nodeType === TEXT) {
      const value = node.nodeValue ?? '';
      // Past `room` is never used: a long paragraph is not copied whole to read its start.
      out += room === Infinity ? value : value.slice(0, room - out.length);
    } else if (node.nodeType === ELEMENT && depth < MAX_DEPTH) {
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || isHidden(child)) continue;
      if (withoutLists && LIST_TAGS.has(tag)) continue;
      const inner = textOf(child, withoutLists, depth + 1, room - out.length);
      out += BLOCK_TAGS.has(tag) ? ` ${inner} ` : inner;
    }
  }
  return out;
}

function text(el: Element, withoutLists = false): string {
  // A text node's value is the browser's own string, which every later test reads more slowly
  // than one of the script's: the leading space (trimmed away by cleanText, which drops leading
  // space anyway) makes the trim copy the text into a fresh string once. Patterns and the word scan
  // of each sentence, which read it many times over, then run faster (the scan by about a quarter).
  return cleanText(' ' + textOf(el, withoutLists));
}

/** Long enough to tell from its start whether a text is a header line, chrome or a sign-off. */
const LINE_START = 300;

/**
 * The element's clean text, or when that is long, a start of it: at least LINE_START characters,
 * not ending in ':' or '.', so `lineKind` is null for both and `parseHeaderLine` finds the same
 * field. Cleaning the start of a text gives the start of the cleaned text.
 */
function textStart(el: Element): string {
  // Raw text is mostly words: a third more than LINE_START of it nearly always cleans to enough
  // (more is read only when not). Cleaning what was read is most of the cost.
  for (let room = (4 * LINE_START) / 3; room < 20 * LINE_START; room *= 4) {
    const read = textOf(el, false, 0, room);
    const start = cleanText(read);
    const last = start[start.length - 1];
    if (read.length < room || (start.length >= LINE_START && last !== ':' && last !== '.')) return start;
  }
  return text(el);
}

function childElements(el: Element): Element[] {
  return Array.from(el.children);
}

function findTitle(doc: Document): { authority: string; reference: string; element: Element | null } | null {
  // A decision's title is its h1; failing that, the only title-shaped heading.
  // Several different ones make a listing or search page, not a decision.
  for (const el of Array.from(doc.querySelectorAll('h1'))) {
    const t = parseTitle(text(el));
    if (t) return { ...t, element: el };
  }
  const found = new Map<string, { authority: string; reference: string; element: Element }>();
  for (const el of Array.from(doc.querySelectorAll('h2, h3, [class*="title" i], [class*="header" i] p'))) {
    const t = parseTitle(text(el));
    if (t && !found.has(t.reference)) found.set(t.reference, { ...t, element: el });
  }
  if (found.size > 1) return null;
  if (found.size === 1) return [...found.values()][0]!;
  // The document title usually carries the site name after a separator.
  // The lookbehind tries a match only at the head of a run of spaces: the same splits as
  // /\s+[-|\u2013]\s+/, which retried from every space of a long run (quadratic).
  const docTitle = cleanText(doc.title ?? '').split(/(?<!\s)\s+[-|\u2013]\s+/)[0] ?? '';
  const t = parseTitle(docTitle);
  return t ? { ...t, element: null } : null;
}

/** Headings whose text names a statement section: the surest sign of where the decision is. */
function sectionHeadings(doc: Document): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, p > strong:only-child, p > b:only-child'))) {
    if (sectionRole(text(el), null) !== null) found.push(el);
  }
  return found;
}

function commonAncestor(a: Element, b: Element): Element {
  let node: Element | null = a;
  while (node && !node.contains(b)) node = node.parentElement;
  return node ?? a;
}

function findRoot(doc: Document, headings: Element[]): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const hinted = doc.querySelector('#article') ?? doc.querySelector('article');
  if (headings.length === 0) return hinted;
  if (hinted && headings.every((h) => hinted.contains(h))) return hinted;
  return headings.reduce<Element>((acc, h) => commonAncestor(acc, h), headings[0]!);
}

const HEADER_LABEL = /^(category|decision|date of decision|summary|ombudsman satisfied)/i;
/** The longest label HEADER_LABEL matches ('ombudsman satisfied'). Keep it so when changing it. */
const LONGEST_LABEL = 19;
/** A character `cleanText` keeps at the start of a text: neither a space nor an invisible one. */
const VISIBLE = /[^\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\u00AD]/;
/** NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION (no globals): what textContent reads. */
const SHOW_TEXT = 0x4 | 0x8;

/**
 * Gives `visit` the node's text, one text or CDATA node at a time (what textContent reads),
 * until it returns true; true then. Reading the whole text of every container was the cost.
 * Null after a few hundred nodes (a hostile page), for the caller to read the whole text instead.
 */
function someText(node: Node, visit: (text: string) => boolean, budget = [256]): boolean | null {
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (--budget[0]! < 0) return null;
    const type = n.nodeType;
    const done = type === ELEMENT ? someText(n, visit, budget) : (type === TEXT || type === CDATA) && visit(n.nodeValue!);
    if (done !== false) return done;
  }
  return false;
}

/**
 * Whether an element whose text starts with this text node's, from `at` (its first visible
 * character), may start with a header label. The element's text, cleaned, starts with the node's,
 * cleaned: once that holds a label's length, it decides for every element it starts.
 */
function mayStartLabel(value: string, at: number): boolean {
  // A label starts with c, d, s or o, either case (| 32 lower-cases a letter and makes no other
  // character one of these): most text is ruled out here, before any copy.
  const initial = value.charCodeAt(at) | 32;
  if (initial !== 99 && initial !== 100 && initial !== 111 && initial !== 115) return false;
  const head = cleanText(value.slice(at, at + 2 * LONGEST_LABEL));
  return head.length < LONGEST_LABEL || HEADER_LABEL.test(head);
}

/**
 * The elements under `scope`, in document order, whose text may start with a header label,
 * found from the text nodes in one native pass: each text node with a visible character starts
 * the text of the elements around it that hold no earlier one. Asking every element for the
 * start of its text was the cost.
 */
function headerCandidates(scope: Element): Element[] {
  const found: Element[] = [];
  const texts = scope.ownerDocument.createNodeIterator(scope, SHOW_TEXT);
  /** The last text node before this one with a visible character. */
  let previous: Node | null = null;
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const value = node.nodeValue!;
    // Most text starts with a printable ASCII character: no search for those.
    const first = value.charCodeAt(0);
    const at = first > 32 && first < 127 ? 0 : value.search(VISIBLE);
    if (at < 0) continue;
    if (mayStartLabel(value, at)) {
      // Its elements up to the first that holds `previous` too, outermost first.
      const end = found.length;
      for (let el = node.parentNode; el && el !== scope && !(previous && el.contains(previous)); el = el.parentNode) {
        found.splice(end, 0, el as Element);
      }
    }
    previous = node;
  }
  return found;
}

/**
 * Header fields: the deepest element whose text reads "Label : value", or a label
 * element followed by its value element (`.label` / `.value` on the site).
 */
function readHeader(scope: Element): { header: Header; summary: string | null; used: Set<Element> } {
  const header: Header = { category: null, decision: null, decisionDate: null, satisfied: null };
  let summary: string | null = null;
  const used = new Set<Element>();
  // Cheap filters first: most elements are not header fields. The start of their text rules most
  // out (headerCandidates); then their length, counted only as far as it takes (the page's big
  // containers start like their first field); then their first characters, cleaned as text()
  // cleans them, so a label with an invisible character in it still passes.
  for (const el of headerCandidates(scope)) {
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) continue;
    let length = 0;
    if (someText(el, (t) => (length += t.length) > 4000) ?? el.textContent!.length > 4000) continue;
    if (!HEADER_LABEL.test(cleanText(el.textContent!.trimStart().slice(0, 80)))) continue;
    const t = text(el);
    let line = parseHeaderLine(t);
    if (line && !line.value) {
      // A label on its own: the value is the next element.
      const next = el.nextElementSibling;
      if (!next) continue;
      // What /:?\s*$/ removed, without its retries from every space of a long run (quadratic).
      const label = t.trimEnd();
      line = parseHeaderLine(`${label.endsWith(':') ? label.slice(0, -1) : label} : ${text(next)}`);
      if (!line) continue;
      used.add(next);
    } else if (!line) {
      // "Category" label without a colon, value in the next sibling.
      const bare = /^(category|decision|decision date)$/i.exec(t);
      const next = el.nextElementSibling;
      if (!bare || !next) continue;
      line = parseHeaderLine(`${bare[1]} : ${text(next)}`);
      if (!line) continue;
      used.add(next);
    } else if (childElements(el).some((c) => parseHeaderLine(text(c))?.value)) {
      continue; // a deeper element holds the field
    }
    used.add(el);
    if (line.field === 'summary') summary ??= line.value;
    else if (header[line.field] === null) header[line.field] = line.value;
  }
  return { header, summary, used };
}

function isContentsList(list: Element, headingTexts: Set<string>): boolean {
  const items = childElements(list).filter((c) => c.tagName.toUpperCase() === 'LI');
  if (items.length < 2) return false;
  return items.every((li) => {
    const link = li.querySelector('a');
    const href = link?.getAttribute('href') ?? '';
    return (href.startsWith('#') && text(li) === text(link!)) || headingTexts.has(headingKey(text(li)));
  }) && items.some((li) => headingTexts.has(headingKey(text(li))));
}

/** A short paragraph made only of bold text is a heading on some layouts. */
function isBoldHeading(el: Element): boolean {
  const kid = el.firstElementChild;
  if (!kid || kid.nextElementSibling) return false;
  const tag = kid.tagName.toUpperCase();
  if (tag !== 'STRONG' && tag !== 'B') return false;
  const t = text(el);
  return t === text(kid) && t.length <= 120 && !/[.;,]$/.test(t);
}

export function readDocument(doc: Document): DocumentReading | null {
  const title = findTitle(doc);
  if (!title) return null;
  const headings = sectionHeadings(doc);
  const root = findRoot(doc, headings);
  if (!root) return null;

  const headerScope = doc.body ?? root;
  const { header, summary: headerSummary, used } = readHeader(headerScope);
  const headingTexts = new Set(headings.map((h) => headingKey(text(h))));
  const b = new DocBuilder<Element>();
  let summary = headerSummary;
  let report = header.satisfied !== null;
  let stopped = false;

  const walkList = (list: Element, depth: number): void => {
    const ordered = list.tagName.toUpperCase() === 'OL';
    const startAttr = list.getAttribute('start');
    const start = startAttr !== null && /^\d+$/.test(startAttr) ? Number(startAttr) : null;
    let index = 0;
    for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
      if (li.tagName.toUpperCase() !== 'LI' || isHidden(li)) continue;
      const t = text(li, true);
      if (t && lineKind(t) !== 'chrome') {
        if (depth === 0 && ordered) {
          const valueAttr = li.getAttribute('value');
          const number = valueAttr && /^\d+$/.test(valueAttr) ? Number(valueAttr) : start !== null ? start + index : true;
          b.paragraph(t, number, li);
        } else if (depth === 0 && !b.hasParagraph) {
          b.paragraph(t, false, li);
        } else {
          b.item(t, Math.max(1, depth), ordered ? 'letter' : 'bullet', li);
        }
      }
      index++;
      for (let nested = li.firstElementChild; nested; nested = nested.nextElementSibling) {
        if (LIST_TAGS.has(nested.tagName.toUpperCase())) walkList(nested, depth + 1);
        // Only an element with children can hold a list (most are links and emphasis).
        else if (nested.firstElementChild) {
          for (const deep of Array.from(nested.querySelectorAll(':scope > ol, :scope > ul'))) walkList(deep, depth + 1);
        }
      }
    }
  };

  const walk = (el: Element, depth: number): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (stopped) return;
      const tag = child.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || isHidden(child) || used.has(child) || child === title.element) continue;
      // A list, or a container the walk will look inside, is not read as a block: the tests below
      // need only the start of its text (see textStart; a bold heading is short enough to be read
      // whole), and cleaning all of it was the cost, at every level of wrappers round an article.
      const inside =
        LIST_TAGS.has(tag) ||
        (!HEADING_TAGS.has(tag) && tag !== 'P' && tag !== 'BLOCKQUOTE' && child.firstElementChild !== null && depth < MAX_DEPTH);
      const t = inside ? textStart(child) : text(child);
      if (!t) continue;
      const kind = lineKind(t);
      if (kind === 'sign-off') {
        stopped = true;
        return;
      }
      if (kind !== null) continue; // chrome, or the final decision's intro
      // Read once for the satisfied line here and the header lines of a paragraph below.
      const line = parseHeaderLine(t);
      if (line?.field === 'satisfied') {
        header.satisfied ??= parseHeaderLine(text(child))!.value;
        report = true;
        continue;
      }
      if (HEADING_TAGS.has(tag) || isBoldHeading(child)) {
        if (parseTitle(t)) continue;
        const key = headingKey(t);
        const role = keyRole(key, b.currentRole);
        if (role === 'summary' || key === 'finding') report = true;
        b.heading(t, role);
        continue;
      }
      if (LIST_TAGS.has(tag)) {
        if (!b.hasParagraph && b.currentRole === null && isContentsList(child, headingTexts)) continue;
        walkList(child, 0);
        continue;
      }
      if (tag === 'P' || tag === 'BLOCKQUOTE') {
        if (line?.field === 'summary' && b.currentRole === null) {
          summary ??= line.value;
          continue;
        }
        if (line && line.field !== 'summary' && b.currentRole === null) continue;
        b.paragraph(t, false, child);
        continue;
      }
      // Containers: look inside. A container with text but no element children is a paragraph.
      if (child.firstElementChild === null || depth >= MAX_DEPTH) {
        if (b.currentRole !== null) b.paragraph(t, false, child);
        continue;
      }
      walk(child, depth + 1);
    }
  };

  walk(root, 0);
  if (report && !summary) summary = b.firstParagraphOf('summary');
  const reading = b.build({
    title: `${title.authority} (${title.reference})`,
    authority: title.authority,
    reference: title.reference,
    header,
    summary,
    layout: report ? 'report' : 'decision',
  });
  return { doc: reading, elements: b.sources as Element[] };
}
