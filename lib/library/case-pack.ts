/**
 * The case pack: saved cases as one self-contained HTML file to hand to someone else. A table of
 * the cases, then each case's headline, its findings with their paragraph numbers, and the
 * verbatim text saved with it.
 *
 * Self-contained and inert: no script, no external style sheet, font or image, so opening it makes
 * no request and runs nothing, offline, in any browser. A Content-Security-Policy meta
 * (`default-src 'none'; style-src 'unsafe-inline'`) holds to that even if a text slipped through.
 * Every text (the parser's and the page's, which a hostile page could fill with markup) goes
 * through `escapeHtml`; the only addresses written are the case's own page on lgo.org.uk (checked
 * by `PageAddressSchema` when it was saved) and in-file anchors.
 *
 * Pure: built from records, one string per case (`casePackSection`), so an export of 1,000 cases
 * gathers them into a Blob a case at a time (case-pack-export.ts) and never builds one string of
 * the whole pack. The tags and notes are the person's own and are left out: a pack is for sharing.
 */
import { statuteLabel } from '../citation';
import { formatDate, formatPounds, INJUSTICE_TEXT, OUTCOME_TEXT, REMEDY_TEXT } from '../display-text';
import { shortDate } from '../parser/extractors/dates';
import type { DecisionSummary } from '../schema';

/** What the pack needs of a saved case: a backup case has it all (the tags and note are not used). */
export interface PackCase {
  reference: string;
  url: string;
  savedAt: string;
  summary: DecisionSummary;
  /** The verbatim text saved with the case. */
  text: string;
}

/** One row of the table at the top. */
export interface PackIndexRow {
  reference: string;
  anchor: string;
  organisation: string;
  decided: string;
  outcome: string;
  area: string;
  paid: string;
}

export interface PackMeta {
  /** When the pack was made. */
  createdAt: Date;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML text or a quoted attribute value: the five characters that can start markup or end
 * a value become references, and the characters HTML forbids in a document (NUL, the C0 and C1
 * controls other than white space, lone surrogates) become U+FFFD, so any string comes out as the
 * same characters and never as markup.
 */
export function escapeHtml(text: string): string {
  return (
    text
      .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
      // eslint-disable-next-line no-control-regex -- finding the control characters is the point
      .replace(/[\0-\x08\x0B\x0E-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

/** `case-20-003-139b`: the in-file anchor of a case (references are digits, spaces and a letter). */
export function caseAnchor(reference: string): string {
  return `case-${reference.replace(/[^0-9a-z]+/gi, '-')}`;
}

function paragraphText(paragraph: number | null): string {
  return paragraph === null ? '' : `¶${paragraph}`;
}

export function packIndexRow(c: PackCase): PackIndexRow {
  const s = c.summary;
  return {
    reference: s.reference,
    anchor: caseAnchor(s.reference),
    organisation: s.authority ?? '—',
    decided: formatDate(s.decisionDate),
    outcome: OUTCOME_TEXT[s.outcome.kind] ?? s.outcome.label,
    area: s.category ? `${s.category.area}${s.category.topic ? ` › ${s.category.topic}` : ''}` : '—',
    paid: s.totalPayments > 0 ? formatPounds(s.totalPayments) : '',
  };
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.muted { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: .3rem .4rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
.case { border-top: 3px solid #1d4f91; margin-top: 2.5rem; padding-top: 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .6rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.items { padding-left: 1.4rem; }
.items li { margin-bottom: .5rem; }
.tag { display: inline-block; font-size: .8rem; font-weight: 600; border: 1px solid #888; border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; }
.para { font-weight: 600; color: #1d4f91; margin-right: .3rem; }
.quote { margin: .2rem 0 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.45 ui-serif, Georgia, "Times New Roman", serif; border-left: 3px solid #ddd; padding-left: .8rem; }
.warnings { border: 1px solid #c77c00; background: #fff8e6; padding: .4rem .8rem; }
a { color: #1d4f91; }
@page { margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .case { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  h2, h3 { break-after: avoid; }
  .items li, tr { break-inside: avoid; }
  .text { font-size: 10pt; border-left: none; padding-left: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The document's start: head, heading and the table of the cases. `rows` are the cases the pack holds, in order. */
export function casePackHead(rows: readonly PackIndexRow[], meta: PackMeta): string {
  const n = rows.length;
  const cases = `${n.toLocaleString('en-GB')} ${n === 1 ? 'decision' : 'decisions'}`;
  const made = shortDate(meta.createdAt.toISOString().slice(0, 10)) ?? meta.createdAt.toISOString().slice(0, 10);
  const tableRows = rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td><td><a href="#${escapeHtml(r.anchor)}">${escapeHtml(r.reference)}</a></td><td>${escapeHtml(r.organisation)}</td>` +
        `<td>${escapeHtml(r.decided)}</td><td>${escapeHtml(r.outcome)}</td><td>${escapeHtml(r.area)}</td><td class="num">${escapeHtml(r.paid)}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case pack: ${escapeHtml(cases)} of the Local Government and Social Care Ombudsman</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Case pack: ${escapeHtml(cases)}</h1>
<p class="muted">Decisions of the Local Government and Social Care Ombudsman, made into this file by Ombudsman Lens on ${escapeHtml(made)}.
Each decision's findings were read from its text by the extension: check each against its paragraph (¶) in the text below it.
The text is the copy saved on the day shown; the Ombudsman's site may have changed or removed the page since.</p>
</header>
<nav aria-label="Cases">
<table>
<thead><tr><th class="num">#</th><th>Reference</th><th>Organisation</th><th>Decided</th><th>Outcome</th><th>Area</th><th class="num">Paid</th></tr></thead>
<tbody>
${tableRows}
</tbody>
</table>
</nav>
<main>
`;
}

export const CASE_PACK_END = `</main>
</body>
</html>
`;

function fact(label: string, value: string | null | undefined): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function faultsHtml(s: DecisionSummary): string {
  if (s.faults.length === 0) return '<p class="muted">No fault found.</p>';
  const items = s.faults.map((f) => {
    const heading = f.heading ? `<div class="muted">${escapeHtml(f.heading)}</div>` : '';
    return `<li><span class="para">${escapeHtml(paragraphText(f.paragraph))}</span><span class="tag">${escapeHtml(INJUSTICE_TEXT[f.injustice])}</span>${heading}<p class="quote">${escapeHtml(f.text)}</p></li>`;
  });
  return `<ol class="items">${items.join('')}</ol>`;
}

function remediesHtml(s: DecisionSummary): string {
  if (s.remedies.length === 0) return '<p class="muted">No remedy agreed.</p>';
  const items = s.remedies.map((r) => {
    const where = r.block === null ? 'From the summary' : paragraphText(r.paragraph);
    const details = [
      r.amount !== null ? formatPounds(r.amount) : '',
      r.payee ? `to ${r.payee}` : '',
      r.purpose ? `for ${r.purpose}` : '',
      r.deadline ? `by: ${r.deadline.text}` : '',
    ].filter(Boolean);
    const detailText = details.length > 0 ? ` <strong>${escapeHtml(details.join(', '))}</strong>` : '';
    return `<li><span class="para">${escapeHtml(where)}</span><span class="tag">${escapeHtml(REMEDY_TEXT[r.kind])}</span>${detailText}<p class="quote">${escapeHtml(r.text)}</p></li>`;
  });
  const total = s.totalPayments > 0 ? `<p>Total paid: <strong>${escapeHtml(formatPounds(s.totalPayments))}</strong></p>` : '';
  return `<ol class="items">${items.join('')}</ol>${total}`;
}

function lawHtml(s: DecisionSummary): string {
  const law = s.statutes.filter((x) => !x.jurisdiction);
  if (law.length === 0) return '';
  const items = law.map((x) => {
    const paras = x.paragraphs.map((p) => `¶${p}`).join(' ');
    return `<li>${escapeHtml(statuteLabel(x))}${paras ? ` <span class="para">${escapeHtml(paras)}</span>` : ''}</li>`;
  });
  return `<h3>Law cited</h3><ul class="items">${items.join('')}</ul>`;
}

/** One case: its headline, its findings with their paragraph numbers, and its verbatim text. */
export function casePackSection(c: PackCase): string {
  const s = c.summary;
  const outcome = `${s.outcome.label}${s.outcome.inferred ? ' (no Decision line: read from the wording)' : ''}`;
  const area = s.category ? `${s.category.area}${s.category.topic ? ` › ${s.category.topic}` : ''}` : null;
  const saved = shortDate(c.savedAt.slice(0, 10)) ?? c.savedAt.slice(0, 10);
  const warnings =
    s.warnings.length > 0
      ? `<div class="warnings"><p>Not everything could be read:</p><ul>${s.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`
      : '';
  return `<section class="case" id="${escapeHtml(caseAnchor(s.reference))}">
<h2>${escapeHtml(s.authority ?? s.title)} <span class="muted">(${escapeHtml(s.reference)})</span></h2>
<dl class="facts">${fact('Outcome', outcome)}${fact('Decided', formatDate(s.decisionDate))}${fact('Area', area)}${fact('Complainant', s.complainant)}<dt>Address</dt><dd><a href="${escapeHtml(c.url)}">${escapeHtml(c.url)}</a></dd>${fact('Saved', saved)}${fact('Read by', `Ombudsman Lens parser ${s.parserVersion}`)}</dl>
${s.summary ? `<p>${escapeHtml(s.summary)}</p>` : ''}
${warnings}
<h3>Faults found</h3>
${faultsHtml(s)}
<h3>Remedies</h3>
${remediesHtml(s)}
${lawHtml(s)}
<h3>The decision, as saved</h3>
<div class="text">${escapeHtml(c.text)}</div>
</section>
`;
}

/** The whole pack as one string: for a handful of cases and for tests. Exports of many go through case-pack-export.ts. */
export function buildCasePack(cases: readonly PackCase[], meta: PackMeta): string {
  return casePackHead(cases.map(packIndexRow), meta) + cases.map(casePackSection).join('') + CASE_PACK_END;
}

export function casePackFileName(stamp: string): string {
  return `ombudsman-lens-case-pack-${stamp}.html`;
}

export const CASE_PACK_MIME = 'text/html;charset=utf-8';
