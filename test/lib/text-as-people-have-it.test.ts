/**
 * Text as people have it (issue #16): the seeds' text rewritten the ways copies of a decision come
 * (header labels and values on separate lines, copied from a browser without list numbers, a
 * trailing space on every line, hard-wrapped at 80 columns, straight quotes), each read to the
 * same summary as the original, or to a warning where something could not be recovered.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionSummary } from '../../lib/schema';
import { readRepoFile, SEED_REFS, SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

/** Summaries compared without block indexes (a rewritten text can split its blocks differently). */
function comparable(s: DecisionSummary): unknown {
  return JSON.parse(JSON.stringify(s, (key, v) => (key === 'block' ? undefined : v)));
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
