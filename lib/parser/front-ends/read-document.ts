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
 * Avoids `innerText` (it forces layout, and this runs before the sidebar's first
 * paint): hidden text is found from attributes and, where the document has a view,
 * from the stylesheets' hiding rules, with `getComputedStyle` asked only about the
 * elements those rules select. Where the markup gives no decision, the page's
 * visible text goes to the text front end (`readVisibleText`).
 */
import type { DecisionDoc, Header } from '../model';
import { DocBuilder } from './doc-builder';
import { cleanHeadingKey, lineKind, parseHeaderLine, parseTitle, keyRole } from './page-vocabulary';
import { cleanText } from './text-normalise';
import { readText } from './read-text';
import { characterClass, INVISIBLE_CHARACTERS } from '../vocabulary/characters-to-clean';
import { checkpoint, runSteps, type Steps } from '../steps';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'ASIDE',
  'DIALOG',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const LIST_TAGS = new Set(['OL', 'UL']);
/** Elements that start a new line of text when their content is read as one string. */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'BR',
  'TR',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'OL',
  'UL',
  'TABLE',
  'DD',
  'DT',
]);
/** The deepest list items the model holds (Block.depth): lists nested deeper are read as their text. */
const MAX_LIST_DEPTH = 4;

export interface DocumentReading {
  doc: DecisionDoc;
  /** Parallel to `doc.blocks`: the element each block was read from. */
  elements: Element[];
  /** The statement went on past the reading's limit of characters, and was read only that far. */
  cut?: boolean;
}

/**
 * Elements the page's stylesheets hide (display:none, visibility:hidden), when the document has a
 * view to compute styles with (the live page; not a parsed saved page). The rules that hide are
 * found in the stylesheets and the elements they select confirmed by `getComputedStyle`, so a later
 * rule that shows them again wins as in the page; asking every element for its style would cost the
 * first paint. When a stylesheet cannot be read (another origin's), every element is asked.
 */
function hiddenByStyle(doc: Document): ReadonlySet<Element> {
  const hidden = new Set<Element>();
  const view = doc.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function' || !doc.body) return hidden;
  const candidates = new Set<Element>();
  let unreadable = false;
  const collect = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      // Style rules (with their selector) and grouping rules (@media, @supports; style rules too
      // can nest others) alike may hold rules.
      const r = rule as CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList; media?: MediaList };
      if (r.media && view.matchMedia && !view.matchMedia(r.media.mediaText).matches) continue;
      if (r.selectorText && r.style) {
        const display = r.style.getPropertyValue('display').trim();
        const visibility = r.style.getPropertyValue('visibility').trim();
        if (display === 'none' || visibility === 'hidden' || visibility === 'collapse') {
          try {
            for (const el of Array.from(doc.body.querySelectorAll(r.selectorText))) candidates.add(el);
          } catch {
            // A selector this engine cannot run (a pseudo-element): nothing it selects is text.
          }
        }
      }
      if (r.cssRules?.length) collect(r.cssRules);
    }
  };
  for (const sheet of Array.from(doc.styleSheets ?? [])) {
    try {
      collect(sheet.cssRules);
    } catch {
      unreadable = true;
    }
  }
  const elements = unreadable ? Array.from(doc.body.querySelectorAll('*')) : candidates;
  for (const el of elements) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') hidden.add(el);
  }
  return hidden;
}

const NOTHING_HIDDEN: ReadonlySet<Element> = new Set();

function isHidden(el: Element, byStyle: ReadonlySet<Element>): boolean {
  // Most elements have no attributes at all: one call rules them out instead of three.
  if (!el.hasAttributes()) return byStyle.size > 0 && byStyle.has(el);
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)/i.test(style)) return true;
  return byStyle.size > 0 && byStyle.has(el);
}

/**
 * The element's text, skipping hidden parts, optionally without its nested lists; or only its
 * first `room` characters: shorter than `room` only when it is the whole text. The tree is walked
 * by its links, not by recursion, so no depth of nesting loses text.
 */
function textOf(el: Element, withoutLists = false, room = Infinity, byStyle = NOTHING_HIDDEN): string {
  let out = '';
  let node: Node | null = el.firstChild;
  while (node && out.length < room) {
    let enter = false;
    if (node.nodeType === TEXT) {
      const value = node.nodeValue ?? '';
      // Past `room` is never used: a long paragraph is not copied whole to read its start.
      out += room === Infinity ? value : value.slice(0, room - out.length);
    } else if (node.nodeType === ELEMENT) {
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (!SKIP_TAGS.has(tag) && !isHidden(child, byStyle) && !(withoutLists && LIST_TAGS.has(tag))) {
        if (BLOCK_TAGS.has(tag)) out += ' ';
        if (child.firstChild) enter = true;
        else if (BLOCK_TAGS.has(tag)) out += ' ';
      }
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // On to the next sibling, closing the blocks this node ends.
    while (node !== el && !node.nextSibling) {
      node = node.parentNode!;
      if (node !== el && BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) out += ' ';
    }
    node = node === el ? null : node.nextSibling;
  }
  return out;
}

function text(el: Element, withoutLists = false, byStyle = NOTHING_HIDDEN): string {
  // A text node's value is the browser's own string, which every later test reads more slowly
  // than one of the script's: the leading space (trimmed away by cleanText, which drops leading
  // space anyway) makes the trim copy the text into a fresh string once. Patterns and the word scan
  // of each sentence, which read it many times over, then run faster (the scan by about a quarter).
  return cleanText(' ' + textOf(el, withoutLists, Infinity, byStyle));
}

/** Long enough to tell from its start whether a text is a header line, chrome or a sign-off. */
const LINE_START = 300;

/**
 * The element's clean text, or when that is long, a start of it: at least LINE_START characters,
 * not ending in ':' or '.', so `lineKind` is null for both and `parseHeaderLine` finds the same
 * field. Cleaning the start of a text gives the start of the cleaned text.
 */
function textStart(el: Element, byStyle: ReadonlySet<Element>): string {
  // Raw text is mostly words: a third more than LINE_START of it nearly always cleans to enough
  // (more is read only when not). Cleaning what was read is most of the cost.
  for (let room = (4 * LINE_START) / 3; room < 20 * LINE_START; room *= 4) {
    const read = textOf(el, false, room, byStyle);
    const start = cleanText(read);
    const last = start[start.length - 1];
    if (read.length < room || (start.length >= LINE_START && last !== ':' && last !== '.')) return start;
  }
  return text(el, false, byStyle);
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
  if (t) return { ...t, element: null };
  return titleAnywhere(doc);
}

/** Longer than any title: an element with more text is not one. */
const LONGEST_TITLE = 260;

/**
 * The last resort: the one title-shaped text of the page in whatever element holds it (a <p>, a
 * <strong>, a <span>), the outermost element of that text. Several references make a listing.
 */
function titleAnywhere(doc: Document): { authority: string; reference: string; element: Element } | null {
  const body = doc.body;
  if (!body) return null;
  let found: { authority: string; reference: string; element: Element } | null = null;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const content = el.textContent ?? '';
    // A title ends with its reference's bracket: most elements are ruled out before their text is cleaned.
    if (content.length > LONGEST_TITLE || !content.trimEnd().endsWith(')') || SKIP_TAGS.has(el.tagName.toUpperCase())) continue;
    if (found && found.element.contains(el)) continue;
    const t = parseTitle(text(el));
    if (!t) continue;
    if (found && found.reference !== t.reference) return null;
    found ??= { ...t, element: el };
  }
  return found;
}

/**
 * Headings whose text names a statement section: the surest sign of where the decision is. With
 * their keys (headingKey), which a contents list is told by: each heading is read once.
 */
function sectionHeadings(doc: Document): { elements: Element[]; keys: Set<string> } {
  const elements: Element[] = [];
  const keys = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6, p > strong:only-child, p > b:only-child'))) {
    const key = cleanHeadingKey(text(el));
    if (keyRole(key, null) === null) continue;
    elements.push(el);
    keys.add(key);
  }
  return { elements, keys };
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
const VISIBLE = new RegExp(`[^\\s${characterClass(INVISIBLE_CHARACTERS)}]`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { VISIBLE };
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

/** An element the walk looks inside whatever its text: not a heading, list, paragraph or skipped element. */
function isWrapper(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return !HEADING_TAGS.has(tag) && !LIST_TAGS.has(tag) && !SKIP_TAGS.has(tag) && tag !== 'P' && tag !== 'BLOCKQUOTE' && tag !== 'LI';
}

/** The element's one element child when it has no other content than spaces; else null. */
function onlyElementChild(el: Element): Element | null {
  let only: Element | null = null;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT) {
      if (only) return null;
      only = node as Element;
    } else if ((node.nodeType === TEXT || node.nodeType === CDATA) && (node.nodeValue ?? '').trim()) {
      return null;
    }
  }
  return only;
}

/** Whether the element, or one round it inside `scope`, is hidden. */
function hiddenWithin(el: Element, scope: Element, byStyle: ReadonlySet<Element>): boolean {
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) if (isHidden(node, byStyle)) return true;
  return false;
}

/**
 * Header fields: the deepest element whose text reads "Label : value", or a label
 * element followed by its value element (`.label` / `.value` on the site).
 */
function readHeader(scope: Element, byStyle: ReadonlySet<Element>): { header: Header; summary: string | null; used: Set<Element> } {
  const header: Header = { category: null, decision: null, decisionDate: null, satisfied: null };
  let summary: string | null = null;
  const used = new Set<Element>();
  // Cheap filters first: most elements are not header fields. The start of their text rules most
  // out (headerCandidates); then their length, counted only as far as it takes (the page's big
  // containers start like their first field); then their first characters, cleaned as text()
  // cleans them, so a label with an invisible character in it still passes.
  for (const el of headerCandidates(scope)) {
    if (SKIP_TAGS.has(el.tagName.toUpperCase()) || hiddenWithin(el, scope, byStyle)) continue;
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
  return (
    items.every((li) => {
      const link = li.querySelector('a');
      const href = link?.getAttribute('href') ?? '';
      return (href.startsWith('#') && text(li) === text(link!)) || headingTexts.has(cleanHeadingKey(text(li)));
    }) && items.some((li) => headingTexts.has(cleanHeadingKey(text(li))))
  );
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
  return runSteps(readDocumentSteps(doc));
}

/**
 * `readDocument` in steps (see steps.ts), pausing between the elements of the statement. The
 * statement is read as far as `maxChars` characters of block text: a page longer than that
 * is read that far, and its reading says it was `cut`.
 */
export function* readDocumentSteps(doc: Document, maxChars = Infinity): Steps<DocumentReading | null> {
  const byStyle = hiddenByStyle(doc);
  const title = findTitle(doc);
  if (!title) return null;
  const headings = sectionHeadings(doc);
  const root = findRoot(doc, headings.elements);
  if (!root) return null;

  const headerScope = doc.body ?? root;
  const { header, summary: headerSummary, used } = readHeader(headerScope, byStyle);
  const b = new DocBuilder<Element>();
  let summary = headerSummary;
  let report = header.satisfied !== null;
  let stopped = false;
  let cut = false;
  let visited = 0;
  /** A checkpoint every few elements; past the limit, the walk stops. */
  const full = (): boolean => {
    if (b.chars >= maxChars) cut = stopped = true;
    return stopped;
  };

  const walkList = function* (list: Element, depth: number): Steps<void> {
    const ordered = list.tagName.toUpperCase() === 'OL';
    const startAttr = list.getAttribute('start');
    const start = startAttr !== null && /^\d+$/.test(startAttr) ? Number(startAttr) : null;
    // The deepest items the model holds keep the lists nested in them as their text.
    const deepest = depth >= MAX_LIST_DEPTH;
    let index = 0;
    for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
      if (checkpoint(++visited)) yield;
      if (full()) return;
      if (li.tagName.toUpperCase() !== 'LI' || isHidden(li, byStyle)) continue;
      const t = text(li, !deepest, byStyle);
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
      if (deepest) continue;
      for (let nested = li.firstElementChild; nested; nested = nested.nextElementSibling) {
        if (LIST_TAGS.has(nested.tagName.toUpperCase())) yield* walkList(nested, depth + 1);
        // Only an element with children can hold a list (most are links and emphasis).
        else if (nested.firstElementChild) {
          for (const deep of Array.from(nested.querySelectorAll(':scope > ol, :scope > ul'))) yield* walkList(deep, depth + 1);
        }
      }
    }
  };

  /**
   * Reads one element of the statement, and says where the walk goes next: inside it (a
   * container), through it with walkList (a list of the statement), or on to the next element.
   * A plain function, not steps of its own (a generator per element visited was a cost of every
   * parse): the walk pauses between the elements, and walkList between a list's items, so the
   * reading of one element never needs to.
   */
  const visit = (child: Element): 'inside' | 'list' | 'next' => {
    const tag = child.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isHidden(child, byStyle) || used.has(child) || child === title.element) return 'next';
    // A list, or a container the walk will look inside, is not read as a block: the tests below
    // need only the start of its text (see textStart; a bold heading is short enough to be read
    // whole), and cleaning all of it was the cost, at every level of wrappers round an article.
    const inside =
      LIST_TAGS.has(tag) || (!HEADING_TAGS.has(tag) && tag !== 'P' && tag !== 'BLOCKQUOTE' && child.firstElementChild !== null);
    const t = inside ? textStart(child, byStyle) : text(child, false, byStyle);
    if (!t) return 'next';
    const kind = lineKind(t);
    if (kind === 'sign-off') {
      stopped = true;
      return 'next';
    }
    if (kind !== null) return 'next'; // chrome, or the final decision's intro
    // Read once for the satisfied line here and the header lines of a paragraph below.
    const line = parseHeaderLine(t);
    if (line?.field === 'satisfied') {
      header.satisfied ??= parseHeaderLine(text(child, false, byStyle))!.value;
      report = true;
      return 'next';
    }
    if (HEADING_TAGS.has(tag) || isBoldHeading(child)) {
      if (parseTitle(t)) return 'next';
      const key = cleanHeadingKey(t);
      const role = keyRole(key, b.currentRole);
      if (role === 'summary' || key === 'finding') report = true;
      b.heading(t, role);
      return 'next';
    }
    if (LIST_TAGS.has(tag)) return !b.hasParagraph && b.currentRole === null && isContentsList(child, headings.keys) ? 'next' : 'list';
    if (tag === 'P' || tag === 'BLOCKQUOTE') {
      if (line?.field === 'summary' && b.currentRole === null) summary ??= line.value;
      else if (!(line && line.field !== 'summary' && b.currentRole === null)) b.paragraph(t, false, child);
      return 'next';
    }
    // Containers: look inside. A container with text but no element children is a paragraph.
    if (child.firstElementChild !== null) return 'inside';
    if (b.currentRole !== null) b.paragraph(t, false, child);
    return 'next';
  };

  // Where to go on after each container entered, kept on a stack rather than by recursion: no
  // depth of nesting loses a paragraph.
  const resume: Element[] = [];
  for (let child = root.firstElementChild; child && !full();) {
    if (checkpoint(++visited)) yield;
    const next = child.nextElementSibling;
    // A bare wrapper round one element reads as that element: straight to it, for a chain of
    // wrappers would otherwise be read once for each of them (quadratic in a hostile page's depth).
    const only =
      isWrapper(child) && child !== title.element && !isHidden(child, byStyle) && !used.has(child) ? onlyElementChild(child) : null;
    // Not round bold text, which makes the wrapper a heading (isBoldHeading).
    const wrapped = only && !/^(?:STRONG|B)$/i.test(only.tagName) ? only : null;
    const where = wrapped ? 'inside' : visit(child);
    if (where === 'list') yield* walkList(child, 0);
    if (where === 'inside') {
      if (next) resume.push(next);
      child = wrapped ?? child.firstElementChild;
    } else {
      child = next ?? resume.pop() ?? null;
    }
  }
  if (report && !summary) summary = b.firstParagraphOf('summary');
  const reading = b.build({
    title: `${title.authority} (${title.reference})`,
    authority: title.authority,
    reference: title.reference,
    header,
    summary,
    layout: report ? 'report' : 'decision',
  });
  return { doc: reading, elements: b.sources as Element[], cut };
}

/** Elements that end a line of the page's visible text; paragraphs a blank line too. */
const LINE_TAGS = new Set([...BLOCK_TAGS, 'MAIN', 'HEADER', 'PRE', 'DL', 'ADDRESS', 'FIGURE', 'HR']);

/**
 * The page's visible text, a line per block as the HTML standard's innerText lays it out (without
 * layout: from the markup and the hidden tests above), lines in <pre> kept.
 */
function visibleText(body: Element, byStyle: ReadonlySet<Element>): string {
  const out: string[] = [];
  let pending = 0; // line breaks owed before the next text
  const push = (value: string): void => {
    if (pending && out.length) out.push('\n'.repeat(pending));
    pending = 0;
    out.push(value);
  };
  const visit = (el: Element, pre: boolean): void => {
    // Iterative over siblings, recursive only into elements: the depth of real text nesting.
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT || node.nodeType === CDATA) {
        const value = node.nodeValue ?? '';
        if (pre) push(value);
        else if (value.trim()) push(value.replace(/\s+/g, ' '));
        continue;
      }
      if (node.nodeType !== ELEMENT) continue;
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || isHidden(child, byStyle)) continue;
      if (tag === 'BR') {
        out.push('\n');
        continue;
      }
      const breaks = tag === 'P' ? 2 : LINE_TAGS.has(tag) ? 1 : 0;
      pending = Math.max(pending, breaks);
      visit(child, pre || tag === 'PRE');
      pending = Math.max(pending, breaks);
    }
  };
  visit(body, false);
  return out.join('');
}

/**
 * The element of the page that holds a block read from its text: the innermost one whose text
 * holds the block's start, found from the text node where that start begins.
 */
function elementHolding(body: Element, block: string): Element {
  const start = block.slice(0, 60);
  const key = block.slice(0, 20);
  const texts = body.ownerDocument.createNodeIterator(body, SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!cleanText(node.nodeValue ?? '').includes(key)) continue;
    for (let el = node.parentElement; el && el !== body; el = el.parentElement) {
      if (cleanText(el.textContent ?? '').includes(start)) return el;
    }
  }
  return body;
}

/**
 * A page whose markup gives no decision (its text in a <pre>, or in markup nothing here
 * recognises) read from its visible text by the text front end: the fallback when
 * `readDocument` finds no decision. Each block links to the element holding its start.
 */
export function readVisibleText(doc: Document, maxChars = Infinity): DocumentReading | null {
  const body = doc.body;
  if (!body) return null;
  const byStyle = hiddenByStyle(doc);
  const whole = visibleText(body, byStyle);
  const cut = whole.length > maxChars;
  const reading = readText(cut ? whole.slice(0, maxChars) : whole);
  if (!reading) return null;
  return { doc: reading, elements: reading.blocks.map((block) => elementHolding(body, block.text)), cut };
}
