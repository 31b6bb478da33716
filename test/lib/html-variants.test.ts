/**
 * HTML as the site's scrapers describe it, and as pages can be built (issue #16): each fixture of
 * test/fixtures/html-variants.ts is its seed's page with one thing rewritten, and reads to the
 * seed's summary. Values expected below are read by hand from the seeds' text.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseDocumentWithElements } from '../../lib/parser/parse-decision';
import type { DecisionSummary } from '../../lib/schema';
import { matchKey } from '../../lib/parser/front-ends/text-normalise';
import { HTML_VARIANTS, variantHtml } from '../fixtures/html-variants';
import { htmlDocument, readRepoFile, SEED_URLS, seedHtml, seedText, summaryOf } from '../helpers/seeds';

/** Summaries compared without block indexes, which differ by front end. */
function comparable(s: DecisionSummary): unknown {
  return JSON.parse(JSON.stringify(s, (key, v) => (key === 'block' ? undefined : v)));
}

const fixture = (file: string) => readRepoFile(`test/fixtures/${file}`);
/** The markup without its comments (the note at the top names what the fixture leaves out). */
const markup = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');

/** A document with a view, as the content script has: styles computed from the page's stylesheets. */
function pageWithView(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

function read(document: Document, url: string | null = null) {
  const { result, elements } = parseDocumentWithElements(document, { url });
  if (!result.ok) throw new Error(result.message);
  return { summary: result.summary, elements };
}

describe('the fixtures are what test/fixtures/html-variants.ts makes of the seed pages', () => {
  for (const v of HTML_VARIANTS) {
    it(v.file, () => {
      expect(fixture(v.file)).toBe(variantHtml(v));
    });
  }
});

describe("each reads to its seed's summary, every item linked to the element holding its sentence", () => {
  for (const v of HTML_VARIANTS) {
    it(`${v.file}: ${v.what}`, () => {
      const url = SEED_URLS[v.seed];
      // The hidden-text page hides some text by its stylesheet: that needs a view, as the live page has.
      const document = v.file.startsWith('hidden-text') ? pageWithView(fixture(v.file), url) : htmlDocument(fixture(v.file));
      const { summary, elements } = read(document, url);
      expect(comparable(summary)).toEqual(comparable(summaryOf(seedText(v.seed), url)));
      // Items read from the statement's blocks (a remedy the summary states has none).
      const targets = [...summary.faults, ...summary.remedies, ...summary.statutes.flatMap((x) => x.evidence)]
        .map((x) => ({ block: x.block, sentence: 'text' in x ? x.text : x.sentence }))
        .filter((t): t is { block: number; sentence: string } => t.block !== null);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(matchKey(elements[t.block]?.textContent ?? '')).toContain(matchKey(t.sentence));
    });
  }
});

describe('header fields as .label / .value pairs', () => {
  it('labels and values in rows of their own, the category in three blocks (18-009-360)', () => {
    const html = fixture('label-value-blocks-18-009-360.html');
    expect(html).toContain('<div class="row"><div class="label">Decision date :</div></div>');
    const { summary } = read(htmlDocument(html));
    // "Category : Children's care services > Child protection", "Decision : Upheld", "Decision date : 21 Aug 2019"
    expect(summary.category).toEqual({ area: "Children's care services", topic: 'Child protection', source: 'page' });
    expect([summary.outcome.label, summary.outcome.inferred, summary.decisionDate]).toEqual(['Upheld', false, '2019-08-21']);
  });

  it('a definition list with labels without colons (23-017-456)', () => {
    const { summary } = read(htmlDocument(fixture('label-value-dl-23-017-456.html')));
    expect([summary.outcome.label, summary.decisionDate, summary.category?.topic]).toEqual(['Upheld', '2024-06-06', 'Child protection']);
  });
});

describe('the title where there is no <h1>', () => {
  it('in a paragraph, the page title saying nothing (19-015-077)', () => {
    const html = fixture('title-in-paragraph-19-015-077.html');
    expect(markup(html)).not.toContain('<h1');
    expect(html).toContain('<title>Decision - Local Government and Social Care Ombudsman</title>');
    const { summary } = read(htmlDocument(html));
    expect([summary.authority, summary.reference]).toEqual(['Stoke-on-Trent City Council', '19 015 077']);
  });

  it('only in <title>, without its " - Local Government and Social Care Ombudsman" (20-003-139)', () => {
    const html = fixture('title-only-in-title-20-003-139.html');
    expect(markup(html)).not.toMatch(/<h1|>Stoke-on-Trent City Council \(20 003 139\)</);
    const { summary } = read(htmlDocument(html));
    expect([summary.authority, summary.reference, summary.title]).toEqual([
      'Stoke-on-Trent City Council',
      '20 003 139',
      'Stoke-on-Trent City Council (20 003 139)',
    ]);
  });
});

describe('text the page hides is not read', () => {
  const html = fixture('hidden-text-18-009-360.html');
  const url = SEED_URLS['18-009-360'];

  it('with a view: neither attribute-hidden nor stylesheet-hidden text (the £1,000, the second Decision line)', () => {
    const { summary } = read(pageWithView(html, url), url);
    // The seed's one payment is £500 (paragraph 88); every £1,000 is hidden.
    expect(summary.remedies.filter((r) => r.amount !== null).map((r) => r.amount)).toEqual([500]);
    expect(summary.totalPayments).toBe(500);
    expect(summary.outcome.label).toBe('Upheld');
    expect(summary.faults.map((f) => f.text).join(' ')).not.toMatch(/That was fault by the Council|The Council was at fault\./);
  });

  it('without a view (a saved page parsed as data): the hidden, aria-hidden and inline display:none text still left out', () => {
    const { summary } = read(htmlDocument(html), url);
    const sentences = [...summary.faults, ...summary.remedies].map((x) => x.text);
    expect(sentences).not.toContain('The Council should pay Mr C £1,000.');
    expect(sentences).not.toContain('The Council will pay Mr C £1,000 for his distress.');
    expect(sentences).not.toContain('That was fault.');
  });
});

describe('stylesheet rules are read as the page applies them', () => {
  const url = SEED_URLS['18-009-360'];
  // The seed's £500 payment (paragraph 88), under a class a stylesheet rule names.
  const withRule = (css: string) =>
    seedHtml('18-009-360')
      .replace('  </style>', `${css}\n  </style>`)
      .replace('<li>Pay Mr C £500 in recognition', '<li class="pay">Pay Mr C £500 in recognition');

  it('a hiding rule a later, more specific one overrides hides nothing', () => {
    const html = withRule('    .pay { display: none; }\n    #article li.pay { display: list-item; }');
    expect(read(pageWithView(html, url), url).summary.totalPayments).toBe(500);
  });

  it('a hiding rule for print only hides nothing on screen', () => {
    const html = withRule('    @media print { .pay { display: none; } }');
    expect(read(pageWithView(html, url), url).summary.totalPayments).toBe(500);
  });

  it('a hiding rule that applies hides its element', () => {
    const html = withRule('    .pay { display: none; }');
    expect(read(pageWithView(html, url), url).summary.totalPayments).toBe(0);
  });
});

describe('depth is no cause of silent loss', () => {
  it('an article inside 300 wrappers keeps every paragraph and its payment (23-017-456)', () => {
    const html = fixture('deep-nesting-23-017-456.html');
    expect(html).toContain('<div>'.repeat(300));
    const { summary } = read(htmlDocument(html));
    const original = summaryOf(seedText('23-017-456'));
    // 91 paragraphs: the last remedy and fault keep their paragraph numbers (89 and 82 in the seed).
    expect(summary.remedies.map((r) => r.paragraph)).toEqual(original.remedies.map((r) => r.paragraph));
    expect(summary.faults.map((f) => f.paragraph)).toEqual(original.faults.map((f) => f.paragraph));
  });

  it("lists nested deeper than the model holds are read as their item's text", () => {
    const nested =
      '<ul><li>level one<ul><li>level two<ul><li>level three<ul><li>level four<ul><li>level five<ul><li>level six</li></ul></li></ul></li></ul></li></ul></li></ul></li></ul>';
    const html = `<h1>Some Council (21 000 001)</h1><div id="article"><h2>The complaint</h2><ol><li>Mr X complains:${nested}</li></ol></div>`;
    const { summary } = read(htmlDocument(html));
    expect(summary.complaints.map((c) => c.text)).toEqual(['level one']);
    const { result } = parseDocumentWithElements(htmlDocument(html));
    expect(result.ok).toBe(true);
  });
});

describe("where the markup gives no decision, the page's visible text does", () => {
  it('a copy of the text in a <pre> reads as the text (19-015-077), each block linked to the <pre>', () => {
    const { summary, elements } = read(htmlDocument(fixture('text-in-pre-19-015-077.html')));
    expect(comparable(summary)).toEqual(comparable(summaryOf(seedText('19-015-077'))));
    expect(new Set(elements.map((e) => e.tagName))).toEqual(new Set(['PRE']));
  });

  it('pages that are not decisions stay so', () => {
    for (const file of ['listing.html', 'search-results.html', 'not-a-decision.html']) {
      const { result } = parseDocumentWithElements(htmlDocument(fixture(file)));
      expect(result.ok, file).toBe(false);
    }
  });
});
