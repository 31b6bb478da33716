/**
 * Text as people have it (issue #16): the seeds' text rewritten the ways copies of a decision come
 * (header labels and values on separate lines, copied from a browser without list numbers, a
 * trailing space on every line, hard-wrapped at 80 columns, straight quotes), each read to the
 * same summary as the original, or to a warning where something could not be recovered.
 */
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../lib/parser/parse-decision';
import type { DecisionSummary } from '../../lib/schema';
import { htmlDocument, readRepoFile, SEED_REFS, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';

/** Summaries compared without block indexes (a rewritten text can split its blocks differently). */
function comparable(s: DecisionSummary): unknown {
  return JSON.parse(JSON.stringify(s, (key, v: unknown) => (key === 'block' ? undefined : v)));
}

/** As a scraper's text gives the header: each label and value on a line of its own, the category in pieces. */
export function splitHeader(text: string): string {
  return text.replace(/^(Category|Decision|Decision date) : (.*)$/gm, (_, label: string, value: string) =>
    label === 'Category' ? `${label} :\n${value.replace(' > ', '\n>\n')}` : `${label} :\n${value}`,
  );
}

describe('header labels and values on separate lines', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: the same summary as the original`, () => {
      const text = splitHeader(seedText(ref));
      expect(text).toMatch(/^Decision date :\n\d\d \w{3} \d{4}$/m);
      expect(text).toMatch(/^Category :\nChildren's care services\n>\nChild protection$/m);
      expect(comparable(summaryOf(text, SEED_URLS[ref]))).toEqual(comparable(summaryOf(seedText(ref), SEED_URLS[ref])));
    });
  }

  it('a real report whose header comes that way (test/corpus/reports/15-017-863.txt), under a title line', () => {
    const text = `Some Council (15 017 863)\n${readRepoFile('test/corpus/reports/15-017-863.txt')}`;
    // Its header, verbatim: "Category :", "Adult care services", ">", "Assessment and care plan",
    // "Decision :", "Upheld", "Decision date :", "08 Feb 2017".
    const s = summaryOf(text);
    expect(s.category).toEqual({ area: 'Adult care services', topic: 'Assessment and care plan', source: 'page' });
    expect(s.outcome).toMatchObject({ label: 'Upheld', kind: 'upheld', inferred: false });
    expect(s.decisionDate).toBe('2017-02-08');
  });

  it('blank lines between label and value, and the category on one line after its label', () => {
    const text = seedText('23-017-456')
      .replace('Decision date : 06 Jun 2024', 'Decision date :\n\n06 Jun 2024')
      .replace("Category : Children's care services > Child protection", "Category :\nChildren's care services > Child protection");
    const s = summaryOf(text);
    expect(s.decisionDate).toBe('2024-06-06');
    expect(s.category).toEqual({ area: "Children's care services", topic: 'Child protection', source: 'page' });
  });

  it('a label with nothing after it gives no value rather than the next section', () => {
    const text = seedText('23-017-456').replace('Decision : Upheld', 'Decision :');
    const s = summaryOf(text);
    expect(s.outcome.label).not.toMatch(/Decision date|06 Jun/);
    expect(s.decisionDate).toBe('2024-06-06');
  });
});

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

/**
 * The text a browser copies from a page (select all, copy), as the HTML standard's innerText lays it
 * out: a line per block, a blank line round each paragraph, and no list numbers or bullets, which
 * are CSS markers rather than text.
 */
export function browserCopy(html: string): string {
  let out = '';
  /** Line breaks owed before the next text: the most any block boundary since asked for. */
  let pending = 0;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (!text.trim()) {
        if (!pending) out += text;
        return;
      }
      if (pending && out) out += '\n'.repeat(pending);
      pending = 0;
      out += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD' || tag === 'TITLE') return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const breaks = tag === 'P' ? 2 : BLOCK.has(tag) ? 1 : 0;
    pending = Math.max(pending, breaks);
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    pending = Math.max(pending, breaks);
  };
  visit(htmlDocument(html).body);
  // A line's spaces at either end are not copied.
  return out
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** The same text with a space at the end of every line. */
export function trailingSpaces(text: string): string {
  return text.replace(/\n/g, ' \n');
}

/** Hard-wrapped at `width` columns as plain-text tools wrap: at spaces, continuation lines unindented. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let current = indent;
      for (const word of line.trim().split(' ')) {
        if (current.trim() && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current.trim() ? `${current} ${word}` : `${indent}${word}`;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Curly quotes and apostrophes made straight, as many editors and forms do. */
export function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

/** The parts of a summary a reader compares, each item by its wording. */
function itemsOf(s: DecisionSummary) {
  return {
    complaints: s.complaints.map((c) => c.text),
    faults: s.faults.map((f) => `${f.injustice}: ${f.text}`),
    remedies: s.remedies.map((r) => `${r.kind} ${r.amount}: ${r.text}`),
    statutes: s.statutes.map((x) => `${x.act} ${x.section} ${x.subsection}`),
    guidance: s.guidance.map((g) => g.title),
    regulators: s.regulators.map((r) => JSON.stringify(r, (key, v: unknown) => (key === 'paragraph' || key === 'block' ? undefined : v))),
  };
}

/** Every paragraph number the summary gives, with what it is given for. */
function numbersOf(s: DecisionSummary): Map<string, number | null> {
  const numbers = new Map<string, number | null>();
  s.complaints.forEach((c) => numbers.set(`complaint ${c.text}`, c.paragraph));
  s.faults.forEach((f) => numbers.set(`fault ${f.text}`, f.paragraph));
  s.remedies.forEach((r) => numbers.set(`remedy ${r.kind} ${r.amount} ${r.text}`, r.paragraph));
  s.statutes.forEach((x) => x.evidence.forEach((e) => numbers.set(`statute ${x.act} ${x.section} ${e.sentence}`, e.paragraph)));
  return numbers;
}

describe('copied from a browser: no list numbers or bullets', () => {
  for (const ref of SEED_REFS) {
    describe(ref, () => {
      // Copied from the page's reconstruction (seeds/*.html), whose decision text is the seed's verbatim.
      const copy = browserCopy(seedHtml(ref));
      const original = summaryOf(seedText(ref), SEED_URLS[ref]);
      const fromCopy = summaryOf(copy, SEED_URLS[ref]);

      it('the copy has no list markers', () => {
        expect(copy).toContain(original.complaints[0]!.text);
        expect(copy).not.toMatch(/^\s*(?:\d{1,3}\.|[-\u2022])\s/m);
      });

      it('the same items as the original: none missing, none spurious', () => {
        expect(itemsOf(fromCopy)).toEqual(itemsOf(original));
        const headline = (s: DecisionSummary) => [s.outcome.label, s.outcome.kind, s.decisionDate, s.summary, s.category];
        expect(headline(fromCopy)).toEqual(headline(original));
      });

      it('never a wrong paragraph number, and a warning where one is missing', () => {
        const want = numbersOf(original);
        const got = numbersOf(fromCopy);
        let missing = 0;
        for (const [what, paragraph] of got) {
          if (paragraph === null) missing++;
          else expect(paragraph, what).toBe(want.get(what));
        }
        if (missing > 0) expect(fromCopy.warnings.join(' ')).toMatch(/no list numbers/);
        // Paragraphs before the first list keep their numbers: the first complaint's, at least.
        expect(fromCopy.complaints[0]!.paragraph).toBe(original.complaints[0]!.paragraph);
      });
    });
  }

  it('18-009-360 gains no spurious remedy and keeps its £500', () => {
    const s = summaryOf(browserCopy(seedHtml('18-009-360')));
    const kinds = (x: DecisionSummary) => x.remedies.map((r) => [r.kind, r.amount]);
    expect(kinds(s)).toEqual(kinds(summaryOf(seedText('18-009-360'))));
    // Paragraph 88's agreed actions: "Provide a written apology to Mr C...", "Pay Mr C £500 in
    // recognition of his distress..."; paragraph 89: "...all relevant personnel are familiar with the policy...".
    expect(kinds(s)).toEqual(
      expect.arrayContaining([
        ['apology', null],
        ['payment', 500],
        ['service-improvement', null],
      ]),
    );
    expect(s.totalPayments).toBe(500);
  });

  it('numbers every paragraph when the copy has no list to make them uncertain', () => {
    // 19-015-077's paragraphs before its first list: paragraphs 1 to 7 (The complaint, What I have
    // investigated, the role and powers), whose statutes cite paragraphs 4-7.
    const s = summaryOf(browserCopy(seedHtml('19-015-077')));
    expect(s.statutes.filter((x) => x.jurisdiction).flatMap((x) => x.paragraphs)).toEqual([4, 4, 5, 6, 7, 7]);
  });
});

describe('a space at the end of every line', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: the same summary as the original`, () => {
      const text = trailingSpaces(seedText(ref));
      expect(text).toMatch(/\. \n/);
      expect(comparable(summaryOf(text, SEED_URLS[ref]))).toEqual(comparable(summaryOf(seedText(ref), SEED_URLS[ref])));
    });
  }

  it('the "- " layout keeps its faults and remedies (23-017-456: 3 faults, 1 remedy, 4 complaints)', () => {
    const s = summaryOf(trailingSpaces(seedText('23-017-456')));
    expect([s.faults.length, s.remedies.length, s.complaints.length]).toEqual([3, 1, 4]);
  });
});

describe('hard-wrapped lines', () => {
  for (const width of [80, 72]) {
    for (const ref of SEED_REFS) {
      it(`${ref} at ${width} columns: the same summary as the original`, () => {
        const text = hardWrap(seedText(ref), width);
        expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(width);
        expect(comparable(summaryOf(text, SEED_URLS[ref]))).toEqual(comparable(summaryOf(seedText(ref), SEED_URLS[ref])));
      });
    }
  }

  it('with trailing spaces as well', () => {
    const text = trailingSpaces(hardWrap(seedText('23-020-284'), 80));
    expect(comparable(summaryOf(text))).toEqual(comparable(summaryOf(seedText('23-020-284'))));
  });

  it('the summary is not cut at its first line, nor an Act name at a wrap', () => {
    const text = hardWrap(seedText('20-003-139'), 80);
    // "Summary: Mr X complains about the Council’s actions in relation to concerns about his son, Y."
    // runs over three lines at 80 columns.
    expect(text).toMatch(/^Summary: Mr X complains about the Council’s actions in relation to concerns$/m);
    const s = summaryOf(text);
    expect(s.summary).toBe(
      'Mr X complains about the Council’s actions in relation to concerns about his son, Y. There is fault by the Council, which has caused injustice. The Council has agreed to apologise.',
    );
    expect(s.statutes.map((x) => x.act)).not.toContain('Government Act 1974');
    expect(s.statutes.filter((x) => x.act === 'Local Government Act 1974').length).toBeGreaterThan(0);
  });

  for (const width of [64, 72, 76, 78, 80]) {
    it(`the report layout, one block a line, wrapped at ${width}: lines that end their blocks are not joined`, () => {
      // test/fixtures/report-18-009-360.txt: its Recommendations are four unnumbered items, one a
      // line, ending "...time and trouble;", "...within 20 working days; and"; a finding has a
      // semicolon mid-sentence ("...contrary to its policy; that was wrong...").
      const text = readRepoFile('test/fixtures/report-18-009-360.txt');
      const wrapped = hardWrap(text, width);
      expect(wrapped.split('\n').length).toBeGreaterThan(text.split('\n').length + 3);
      expect(comparable(summaryOf(wrapped))).toEqual(comparable(summaryOf(text)));
    });
  }
});

describe('straight quotes and apostrophes', () => {
  for (const ref of SEED_REFS) {
    it(`${ref}: the same summary as the original, but for the quotes themselves`, () => {
      const text = straightQuotes(seedText(ref));
      expect(text).not.toMatch(/[\u2018\u2019\u201C\u201D]/);
      const original: unknown = JSON.parse(
        JSON.stringify(comparable(summaryOf(seedText(ref), SEED_URLS[ref])), (_, v: unknown) =>
          typeof v === 'string' ? straightQuotes(v) : v,
        ),
      );
      expect(comparable(summaryOf(text, SEED_URLS[ref]))).toEqual(original);
    });
  }
});

describe('the real decisions of the corpus (test/corpus/), rewritten the same ways', () => {
  const labels = JSON.parse(readRepoFile('test/corpus/labels.json')) as { file: string; url: string }[];
  const read = (text: string, url: string, fold = false) =>
    JSON.stringify(parseDecision(text, { url }), (key, v: unknown) =>
      key === 'block' ? undefined : fold && typeof v === 'string' ? straightQuotes(v) : v,
    );
  const ways: [string, (text: string) => string, boolean][] = [
    ['a space at the end of every line', trailingSpaces, false],
    ['straight quotes', straightQuotes, true],
    ['header labels and values on separate lines', splitHeader, false],
  ];
  for (const [name, rewrite, fold] of ways) {
    it(`${name}: every one of the ${labels.length} reads as its original`, () => {
      for (const { file, url } of labels) {
        const text = readRepoFile(`test/corpus/${file}`);
        expect(read(rewrite(text), url, fold), file).toBe(read(text, url, fold));
      }
    });
  }

  it('copied without list numbers: never a wrong paragraph number, no fault, remedy or statute the original lacks', () => {
    let copies = 0;
    for (const { file, url } of labels) {
      const text = readRepoFile(`test/corpus/${file}`);
      // What a browser leaves out: the "1." numbers and "- " / "•" markers, which are list markers, not text.
      const copy = text.replace(/^\s*(?:\d{1,3}\.|[-\u2022])\s+/gm, '');
      if (copy === text) continue;
      copies++;
      const original = summaryOf(text, url);
      const fromCopy = summaryOf(copy, url);
      const items = (s: DecisionSummary) => [
        ...s.faults.map((f) => [`fault ${f.text}`, f.paragraph] as const),
        ...s.remedies.map((r) => [`remedy ${r.kind} ${r.amount} ${r.text}`, r.paragraph] as const),
        ...s.statutes.flatMap((x) => x.evidence.map((e) => [`statute ${x.act} ${x.section} ${e.sentence}`, e.paragraph] as const)),
      ];
      const want = new Map(items(original));
      const complaints = new Map(original.complaints.map((c) => [c.text, c.paragraph]));
      for (const [what, paragraph] of items(fromCopy)) {
        expect(want.has(what), `${file}: ${what}`).toBe(true);
        if (paragraph !== null) expect(paragraph, `${file}: ${what}`).toBe(want.get(what));
      }
      for (const c of fromCopy.complaints) {
        if (c.paragraph !== null && complaints.has(c.text)) expect(c.paragraph, `${file}: ${c.text}`).toBe(complaints.get(c.text));
      }
      // A number the original gives and the copy could not: said in a warning.
      const lost =
        items(fromCopy).some(([what, p]) => p === null && want.get(what) !== null) ||
        fromCopy.complaints.some((c) => c.paragraph === null && (complaints.get(c.text) ?? null) !== null);
      if (lost) expect(fromCopy.warnings.join(' '), file).toMatch(/no list numbers/);
    }
    expect(copies).toBeGreaterThan(60);
  });

  it('the five reports wrapped at 80 columns keep their recommendations, unnumbered one a line', () => {
    for (const { file, url } of labels.filter((l) => l.file.startsWith('reports/'))) {
      const text = readRepoFile(`test/corpus/${file}`);
      expect(read(hardWrap(text, 80), url), file).toBe(read(text, url));
    }
  });
});
