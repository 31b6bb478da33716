/**
 * The case pack (lib/library/case-pack.ts, case-pack-export.ts) built from the seed decisions as
 * saved cases, read back with an HTML parser: the table, each case's findings with their paragraph
 * numbers (counted by hand in seeds/*.txt, where numbered paragraphs restart per heading but run on
 * through the live page), the verbatim text, nothing that runs or loads, and every text, however
 * hostile, read back as the same text.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { buildCasePack, caseAnchor, escapeHtml, type PackCase } from '../../lib/library/case-pack';
import { exportCasePackBlob } from '../../lib/library/case-pack-export';
import type { BackupV2Case } from '../../lib/library/saved-case';
import { readDocument } from '../../lib/parser/front-ends/read-document';
import { docToText } from '../../lib/parser/front-ends/doc-to-text';
import { SEED_REFS, SEED_URLS, htmlDocument, readRepoFile, seedText, summaryOf, type SeedRef } from '../helpers/seeds';

const CREATED = new Date(Date.UTC(2026, 11, 3, 12, 0, 0));

function packCase(ref: SeedRef): PackCase {
  return {
    reference: ref.replaceAll('-', ' '),
    url: SEED_URLS[ref],
    savedAt: '2025-03-01T10:00:00.000Z',
    summary: summaryOf(seedText(ref), SEED_URLS[ref]),
    text: seedText(ref),
  };
}

function sectionOf(doc: Document, reference: string): HTMLElement {
  const section = doc.getElementById(caseAnchor(reference));
  if (!section) throw new Error(`no section for ${reference}`);
  return section;
}

/** The list item of a section whose quoted sentence contains `words`. */
function itemWith(section: HTMLElement, words: string): HTMLElement {
  const items = [...section.querySelectorAll<HTMLElement>('ol.items > li')].filter((li) => li.textContent?.includes(words));
  expect(items, words).toHaveLength(1);
  return items[0]!;
}

/** Every address the document could load or go to: any attribute naming one, and any url() in its style. */
function addresses(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    for (const name of ['href', 'src', 'srcset', 'action', 'data', 'poster', 'background', 'formaction']) {
      const value = el.getAttribute(name);
      if (value !== null) found.push(value);
    }
  }
  return found;
}

describe('the case pack of the five seeds', () => {
  const cases = SEED_REFS.map(packCase);
  const html = buildCasePack(cases, { createdAt: CREATED });
  const doc = htmlDocument(html);

  it('lists the cases in a table, in order, each linking to its section', () => {
    const rows = [...doc.querySelectorAll('nav table tbody tr')];
    expect(rows.map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual([
      '19 015 077',
      '23 020 284',
      '20 003 139',
      '18 009 360',
      '23 017 456',
    ]);
    for (const row of rows) {
      const href = row.querySelector('a')!.getAttribute('href')!;
      expect(doc.getElementById(href.slice(1))?.tagName).toBe('SECTION');
    }
    // Read from the seeds' header lines: the organisation, decision date and outcome.
    const cells = (i: number) => [...rows[i]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells(2).slice(2, 5)).toEqual(['Stoke-on-Trent City Council', '1 Jun 2021', 'Upheld']);
    expect(cells(0)[4]).toBe('Not upheld');
    expect(cells(3)[6]).toBe('£500');
    expect(doc.querySelector('h1')?.textContent).toBe('Case pack: 5 decisions');
  });

  it('keeps each decision text verbatim', () => {
    for (const c of cases) expect(sectionOf(doc, c.reference).querySelector('.text')?.textContent).toBe(c.text);
  });

  it('gives each fault and remedy with its paragraph number', () => {
    const stoke = sectionOf(doc, '20 003 139');
    expect(stoke.querySelector('h2')?.textContent).toBe('Stoke-on-Trent City Council (20 003 139)');
    // Paragraph 19 ("e) The Council failed to inform Mr X..."): fault, but no injustice.
    const appeal = itemWith(stoke, 'did not advise Mr X of his appeal rights');
    expect(appeal.querySelector('.para')?.textContent).toBe('¶19');
    expect(appeal.querySelector('.tag')?.textContent).toBe('No injustice');
    // Paragraph 32, the agreed action: an apology in writing within one month.
    const apology = itemWith(stoke, 'apologise in writing');
    expect(apology.querySelector('.para')?.textContent).toBe('¶32');
    expect(apology.querySelector('.tag')?.textContent).toBe('Apology');

    // 18 009 360, paragraph 88 item 2: "Pay Mr C £500 in recognition of his distress and time and trouble", under
    // the lead-in "Within 20 working days of this decision it will:".
    const payment = itemWith(sectionOf(doc, '18 009 360'), 'Pay Mr C £500');
    expect(payment.querySelector('.para')?.textContent).toBe('¶88');
    expect(payment.querySelector('strong')?.textContent).toBe(
      '£500, to Mr C, for distress and time and trouble, by: Within 20 working days of this decision',
    );
    expect(sectionOf(doc, '18 009 360').textContent).toContain('Total paid: £500');
  });

  it('says so when a decision found no fault and agreed no remedy', () => {
    const notUpheld = sectionOf(doc, '19 015 077');
    expect(notUpheld.querySelector('.facts')?.textContent).toContain('Not upheld');
    expect([...notUpheld.querySelectorAll('p.muted')].map((p) => p.textContent)).toEqual(['No fault found.', 'No remedy agreed.']);
  });

  it('has no script and nothing to load: a CSP that forbids both, and only in-file anchors and the cases’ own pages', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source, base, form').length).toBe(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    // The policy must come before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const own = new Set(Object.values(SEED_URLS));
    for (const address of addresses(doc)) expect(address.startsWith('#case-') || own.has(address), address).toBe(true);
    expect(doc.querySelector('style')?.textContent).not.toMatch(/url\(|@import|@font-face/);
  });

  it('starts each case on a new page when printed', () => {
    const style = doc.querySelector('style')?.textContent ?? '';
    const print = style.slice(style.indexOf('@media print'));
    expect(print).toMatch(/\n\s*\.case \{[^}]*break-before: page/);
    expect(doc.querySelectorAll('section.case')).toHaveLength(5);
  });
});

describe('escaping', () => {
  const nasty = `<script>alert("x")</script> & <img src=x onerror='alert(1)'> &amp; "double" 'single' </textarea></style>`;

  it('turns markup, ampersands and quotes into text, in text and in attribute values', () => {
    const doc = htmlDocument(`<p>${escapeHtml(nasty)}</p><a title="${escapeHtml(nasty)}" data-x='${escapeHtml(nasty)}'>x</a>`);
    expect(doc.querySelector('p')?.textContent).toBe(nasty);
    expect(doc.querySelector('a')?.getAttribute('title')).toBe(nasty);
    expect(doc.querySelector('a')?.getAttribute('data-x')).toBe(nasty);
    expect(doc.querySelectorAll('script, img').length).toBe(0);
  });

  it('replaces what HTML cannot hold (NUL, controls, a lone surrogate) and keeps everything else', () => {
    expect(escapeHtml('a\0b\u0007c\uD800d\uDFFFe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeHtml('tab\tline\nreturn\r😀 £ ’')).toBe('tab\tline\nreturn\r😀 £ ’');
  });

  it('leaves no field of a case as markup', () => {
    const base = packCase('18-009-360');
    const s = base.summary;
    const hostile: PackCase = {
      ...base,
      text: `${nasty}\n${base.text}`,
      summary: {
        ...s,
        title: nasty,
        authority: nasty,
        complainant: nasty,
        summary: nasty,
        category: { area: nasty, topic: nasty, source: 'page' },
        outcome: { ...s.outcome, label: nasty },
        warnings: [nasty],
        faults: s.faults.map((f) => ({ ...f, text: nasty, heading: nasty })),
        remedies: s.remedies.map((r) => ({
          ...r,
          text: nasty,
          payee: nasty,
          purpose: nasty,
          deadline: r.deadline && { ...r.deadline, text: nasty },
        })),
        statutes: s.statutes.map((x) => ({ ...x, act: nasty, section: null })),
      },
    };
    const doc = htmlDocument(buildCasePack([hostile], { createdAt: CREATED }));
    expect(doc.querySelectorAll('script, img, textarea').length).toBe(0);
    expect([...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toEqual([]);
    const section = sectionOf(doc, s.reference);
    expect(section.querySelector('h2')?.textContent).toBe(`${nasty} (18 009 360)`);
    expect(section.querySelector('.text')?.textContent).toBe(hostile.text);
    const count = (section.textContent ?? '').split(nasty).length - 1;
    // Authority, area and topic, complainant, summary, outcome, warning, each fault twice, each remedy's text, payee and purpose, each statute, and the text.
    expect(count).toBeGreaterThanOrEqual(8 + s.faults.length * 2 + s.remedies.length);
    expect(doc.querySelector('nav td:nth-child(3)')?.textContent).toBe(nasty);
  });

  it('keeps a hostile page’s markup as text (test/fixtures/hostile-decision.html, as the sidebar would save it)', () => {
    const page = htmlDocument(readRepoFile('test/fixtures/hostile-decision.html'));
    const url = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/hostile';
    const summary = summaryOf(page, url);
    const reading = readDocument(page);
    if (!reading) throw new Error('the hostile fixture is not read as a decision');
    const text = docToText(reading.doc);
    expect(text).toContain('<img src=x onerror="window.__lensPwned=1');
    const doc = htmlDocument(
      buildCasePack([{ reference: summary.reference, url, savedAt: '2025-03-01T10:00:00.000Z', summary, text }], { createdAt: CREATED }),
    );
    expect(doc.querySelectorAll('script, img').length).toBe(0);
    expect(sectionOf(doc, summary.reference).querySelector('.text')?.textContent).toBe(text);
    expect(doc.body.textContent).toContain(
      '<img src=x onerror="window.__lensPwned=1;document.documentElement.dataset.lensPwned=\'summary\'">',
    );
  });
});

describe('exporting a case pack from the library', () => {
  let n = 0;
  const freshStore = () => new CaseStore(new LensDatabase(`case-pack-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange }), () => CREATED);

  it('reads the cases asked for, in that order, and leaves out a damaged one, naming it', async () => {
    const store = freshStore();
    for (const ref of SEED_REFS) {
      const saved = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
      if (!saved.ok) throw new Error(saved.message);
    }
    // A stored text that is not gzip: the record is damaged.
    const db = (store as unknown as { db: LensDatabase }).db;
    await db.texts.put({ reference: '23 020 284', textGzip: new Uint8Array([1, 2, 3]) });
    const progress: number[] = [];
    const { blob, cases, skipped } = await exportCasePackBlob(store, ['20 003 139', '23 020 284', '18 009 360'], {
      batchSize: 2,
      now: () => CREATED,
      onProgress: (p) => progress.push(p.done),
    });
    expect(blob.type).toBe('text/html;charset=utf-8');
    expect(cases).toBe(2);
    expect(skipped).toEqual(['23 020 284']);
    expect(progress).toEqual([2, 3]);
    const expected = buildCasePack(
      ['20-003-139', '18-009-360'].map((ref) => ({ ...packCase(ref as SeedRef), savedAt: CREATED.toISOString() })),
      { createdAt: CREATED },
    );
    expect(await blob.text()).toBe(expected);
  });

  it('reads 1,000 cases a batch at a time, never asking for more than a batch, and stops when cancelled', async () => {
    const template = packCase('20-003-139');
    const reads: number[] = [];
    const store = {
      async readBackupCases(references: readonly string[]) {
        reads.push(references.length);
        const cases: BackupV2Case[] = references.map((reference) => ({
          ...template,
          reference,
          summary: { ...template.summary, reference },
          updatedAt: template.savedAt,
          parserVersion: template.summary.parserVersion,
          tags: ['private tag'],
          note: 'a private note',
          reparseError: null,
        }));
        return { cases, skipped: [] };
      },
    };
    const references = Array.from(
      { length: 1000 },
      (_, i) => `21 ${String(Math.floor(i / 1000)).padStart(3, '0')} ${String(i).padStart(3, '0')}`,
    );
    const { blob, cases } = await exportCasePackBlob(store, references, { now: () => CREATED });
    expect(cases).toBe(1000);
    expect(reads).toEqual(Array(20).fill(50));
    // Counted in the text: a DOM of 1,000 decisions takes happy-dom too long.
    const html = await blob.text();
    expect(html.match(/<section class="case" id="case-21-000-\d{3}">/g)).toHaveLength(1000);
    expect(html.match(/<tr><td class="num">\d+<\/td>/g)).toHaveLength(1000);
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
    // The person's own tags and notes stay out of a pack made to be shared.
    expect(html).not.toContain('private');

    const controller = new AbortController();
    reads.length = 0;
    const cancelled = exportCasePackBlob(store, references, {
      signal: controller.signal,
      onProgress: (p) => p.done >= 100 && controller.abort(),
    });
    await expect(cancelled).rejects.toThrow(/abort/i);
    expect(reads).toEqual([50, 50]);
  });
});
