/**
 * The template form: a citation laid out by a template the person can edit, by default
 * "{organisation} [{year}] LGSCO {reference} ({date})", after the neutral citations of the courts.
 * It only looks like one: no standard form exists for the Ombudsman's decisions, and LGSCO is
 * the Ombudsman's own abbreviation, not a recognised court code.
 *
 * A placeholder with no value (a page without a decision date has no {date} or {year}) leaves no
 * stray punctuation behind: see `closeGaps`.
 */
import type { CitationFields } from './fields';

export const DEFAULT_TEMPLATE = '{organisation} [{year}] LGSCO {reference} ({date})';
/** A citation is a line: 300 characters is far more than any sensible layout needs. */
export const MAX_TEMPLATE_CHARS = 300;

/** What a template may name, and where each value comes from. Described for people in placeholders.ts. */
const VALUES = {
  organisation: (f: CitationFields) => f.organisation,
  reference: (f: CitationFields) => f.reference,
  date: (f: CitationFields) => f.date,
  year: (f: CitationFields) => f.year,
  isodate: (f: CitationFields) => f.isoDate,
  ombudsman: (f: CitationFields) => f.ombudsman,
  url: (f: CitationFields) => f.url,
} satisfies Record<string, (f: CitationFields) => string | null>;
export type PlaceholderName = keyof typeof VALUES;
export const PLACEHOLDER_NAMES = Object.keys(VALUES) as PlaceholderName[];

export type TemplatePart = { text: string } | { placeholder: PlaceholderName };
export type TemplateCheck = { ok: true; parts: TemplatePart[] } | { ok: false; problems: string[]; unknown: string[] };

function isPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(VALUES, name);
}

/** Splits a template into text and placeholders, or says everything that is wrong with it. */
export function parseTemplate(template: string): TemplateCheck {
  const problems: string[] = [];
  const unknown: string[] = [];
  const parts: TemplatePart[] = [];
  if (template.trim() === '') problems.push('The template is empty.');
  if (template.length > MAX_TEMPLATE_CHARS)
    problems.push(`The template is ${template.length} characters long: at most ${MAX_TEMPLATE_CHARS}.`);
  // Control characters include line breaks: a citation is one line, one per case in a list.
  if ([...template].some((c) => c < ' ' || c === '\u007f')) problems.push('A citation is one line: the template cannot hold a line break.');
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '}') {
      problems.push('A } without its {.');
      i++;
    } else if (c === '{') {
      const end = template.indexOf('}', i + 1);
      const nextOpen = template.indexOf('{', i + 1);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        problems.push('A { without its }.');
        i++;
        continue;
      }
      const name = template.slice(i + 1, end);
      if (isPlaceholder(name)) {
        if (text) parts.push({ text });
        text = '';
        parts.push({ placeholder: name });
      } else if (!unknown.includes(name)) unknown.push(name);
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  if (text) parts.push({ text });
  if (unknown.length > 0)
    problems.push(
      `Unknown ${unknown.length === 1 ? 'placeholder' : 'placeholders'} ${unknown.map((n) => `{${n}}`).join(', ')}: use ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ')}.`,
    );
  return problems.length > 0 ? { ok: false, problems, unknown } : { ok: true, parts };
}

/** Stands for a value that is missing while the line is tidied; no citation value or template can hold it (control characters are refused). */
const MISSING = '\u0000';
/** What may sit between a missing value and its neighbours: spaces and separators. */
const GAP = new Set([' ', ',', ';', ':', '-', '–', '—', MISSING]);
const BRACKETS = new Map([
  [')', '('],
  [']', '['],
  ['>', '<'],
]);
const OPENING = new Set(BRACKETS.values());

/** Brackets that held only missing values (and spaces or separators) go with them: "[{year}]" with no year leaves nothing. */
function dropEmptyBrackets(line: string): string {
  const out: string[] = [];
  const open: number[] = [];
  for (const c of line) {
    const opener = BRACKETS.get(c);
    const last = open.at(-1);
    if (OPENING.has(c)) open.push(out.length);
    else if (opener !== undefined && last !== undefined && out[last] === opener) {
      open.pop();
      const inside = out.slice(last + 1);
      if (inside.includes(MISSING) && inside.every((x) => GAP.has(x))) {
        out.length = last;
        out.push(MISSING);
        continue;
      }
    }
    out.push(c);
  }
  return out.join('');
}

/** Next to these a missing value's separators go too: "({reference}, {date})" gives "(19 015 077)", "{reference}, {date}." gives "19 015 077.". */
const AFTER_OPENING = new Set(OPENING);
const BEFORE_CLOSING = new Set([...BRACKETS.keys(), '.', '!', '?']);

/**
 * The rule for a missing value: each stretch of spaces and separators holding missing values
 * becomes what joined it to the text before (", " in "A, {date}, B" gives "A, B"), or, when that
 * was only spaces, what joined it to the text after; at the start or end of the line, just inside
 * a bracket or before a full stop, nothing.
 */
function closeGaps(line: string): string {
  const chars = [...line];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    if (!GAP.has(chars[i]!)) {
      out += chars[i++];
      continue;
    }
    let j = i;
    while (j < chars.length && GAP.has(chars[j]!)) j++;
    const run = chars.slice(i, j).join('');
    if (!run.includes(MISSING)) out += run;
    else if (i > 0 && j < chars.length && !AFTER_OPENING.has(chars[i - 1]!) && !BEFORE_CLOSING.has(chars[j]!)) {
      const before = run.slice(0, run.indexOf(MISSING));
      out += before.trim() ? before : run.slice(run.lastIndexOf(MISSING) + 1);
    }
    i = j;
  }
  return out.trim();
}

export function renderTemplate(parts: readonly TemplatePart[], fields: CitationFields): string {
  const line = parts.map((p) => ('text' in p ? p.text : VALUES[p.placeholder](fields)?.replaceAll(MISSING, '') || MISSING)).join('');
  return closeGaps(dropEmptyBrackets(line));
}

/** The template form of one case. A template that does not parse (never a stored one: those are checked when read) gives the default's line. */
export function templateCitation(template: string, fields: CitationFields): string {
  const checked = parseTemplate(template);
  const parts = checked.ok ? checked.parts : (parseTemplate(DEFAULT_TEMPLATE) as { ok: true; parts: TemplatePart[] }).parts;
  return renderTemplate(parts, fields);
}
