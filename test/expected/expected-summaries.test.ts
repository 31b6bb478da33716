/**
 * The parser's whole output on every seed (seeds/*.txt, seeds/*.html) and every page fixture
 * (test/fixtures/*.html, *.txt), committed under test/expected/ and compared exactly: any change to
 * any output shows up here and, as a diff of these files, in review. The files were read by hand
 * against the seeds' text when first written (README.md here says what was checked).
 *
 * After a change that alters output on purpose, regenerate them and read the diff:
 *
 *   UPDATE_EXPECTED=1 npx vitest run --project unit test/expected
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../lib/parser/parse-decision';
import type { ParseResult } from '../../lib/schema';
import { readRepoFile, ROOT, SEED_URLS, type SeedRef } from '../helpers/seeds';

const UPDATE = process.env.UPDATE_EXPECTED === '1';

interface Input {
  /** Repository path of the input. */
  path: string;
  url: string | null;
}

const inputs: Input[] = [
  ...readdirSync(`${ROOT}seeds`)
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => ({ path: `seeds/${f}`, url: SEED_URLS[f.replace(/\.\w+$/, '') as SeedRef] ?? null })),
  ...readdirSync(`${ROOT}test/fixtures`)
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => ({ path: `test/fixtures/${f}`, url: null })),
].sort((a, b) => a.path.localeCompare(b.path));

/** A page as the content script has it: a document with a view, so the page's own styles apply. */
function page(html: string): Document {
  const window = new Window({
    url: 'https://www.lgo.org.uk/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

function parse(input: Input): ParseResult {
  const source = readRepoFile(input.path);
  return parseDecision(input.path.endsWith('.html') ? page(source) : source, { url: input.url });
}

const expectedPath = (input: Input) => `test/expected/${input.path.replace(/^test\//, '')}.json`;

describe('expected summaries (test/expected/)', () => {
  it('covers every seed and fixture page', () => {
    expect(inputs.filter((i) => i.path.startsWith('seeds/')).length).toBe(10);
    expect(inputs.length).toBeGreaterThan(10);
  });

  for (const input of inputs) {
    it(`${input.path} gives ${expectedPath(input)}`, () => {
      const actual = JSON.parse(JSON.stringify(parse(input))) as ParseResult;
      const file = `${ROOT}${expectedPath(input)}`;
      if (UPDATE) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(existsSync(file), `${expectedPath(input)} is missing: UPDATE_EXPECTED=1 npx vitest run --project unit test/expected`).toBe(true);
      const expected = JSON.parse(readRepoFile(expectedPath(input))) as ParseResult;
      expect(actual, `${input.path}: the output differs from ${expectedPath(input)} (if on purpose: UPDATE_EXPECTED=1 npx vitest run --project unit test/expected, then read the diff)`).toEqual(expected);
    });
  }
});
