/**
 * The build leaves the table rows' examples out of the extension (scripts/build/strip-row-examples.ts).
 * What must hold: only the `example`/`examples`/`expected` properties go, the tables stay valid code with every
 * other field, and no code the extension ships reads those properties (it would get undefined in the build).
 * That the built content script holds none of the examples is checked on the build in test/e2e/manifest.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_PROPERTIES,
  isTableWithExamples,
  OTHER_TABLES_WITH_EXAMPLES,
  stripRowExamples,
} from '../../scripts/build/strip-row-examples';
import { REPO_ROOT } from '../../scripts/browser-harness';

/** Every table whose examples the build strips, relative to the repository. */
const tables = [
  ...readdirSync(join(REPO_ROOT, 'lib/parser/vocabulary'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `lib/parser/vocabulary/${f}`),
  ...OTHER_TABLES_WITH_EXAMPLES,
];

/** Every property name of every object literal in a module, in order; with `outsideExamples`, none within an example. */
function objectPropertyNames(source: string, outsideExamples = false): string[] {
  const file = ts.createSourceFile('t.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = node.name.getText(file);
      if (outsideExamples && EXAMPLE_PROPERTIES.has(name)) return;
      names.push(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

function syntaxErrors(source: string): string[] {
  const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('stripping the rows’ examples', () => {
  it('removes example and examples wherever they stand in a row, with their commas, and nothing else', () => {
    const source = [
      'const A = [',
      "  { pattern: /^upheld/, kind: 'upheld', example: 'Upheld' },",
      "  { example: 'Not upheld', pattern: /^not upheld/, kind: 'not-upheld' },",
      "  { name: 'x', examples: ['One example: with a colon.', 'Two'], words: ['example:'], },",
      "  { heading: 'example: kept', exampleCount: 2, examples: [{ heading: 'H', layout: 'report' }] },",
      "  { kind: 'both', example: 'a', examples: ['b'] },",
      '];',
    ].join('\n');
    expect(stripRowExamples(source)).toBe(
      [
        'const A = [',
        "  { pattern: /^upheld/, kind: 'upheld' },",
        "  { pattern: /^not upheld/, kind: 'not-upheld' },",
        "  { name: 'x', words: ['example:'], },",
        "  { heading: 'example: kept', exampleCount: 2 },",
        "  { kind: 'both' },",
        '];',
      ].join('\n'),
    );
  });

  it.each(tables)('%s: still valid code, with every property but the examples', (name) => {
    const source = readFileSync(join(REPO_ROOT, name), 'utf8');
    const stripped = stripRowExamples(source, name);
    expect(syntaxErrors(stripped)).toEqual([]);
    expect(objectPropertyNames(stripped)).toEqual(objectPropertyNames(source, true));
  });

  it('finds examples to strip in the tables (a renamed property would ship them again)', () => {
    const stripped = tables.filter((name) => {
      const source = readFileSync(join(REPO_ROOT, name), 'utf8');
      return objectPropertyNames(source).some((n) => EXAMPLE_PROPERTIES.has(n));
    });
    expect(stripped.length).toBe(tables.length);
  });

  it('applies to the tables with examples only', () => {
    expect(isTableWithExamples('/work/x/lib/parser/vocabulary/outcomes.ts')).toBe(true);
    expect(isTableWithExamples('/work/x/lib/parser/vocabulary/outcomes.ts?import')).toBe(true);
    expect(isTableWithExamples('C:\\work\\x\\lib\\parser\\vocabulary\\outcomes.ts')).toBe(true);
    expect(isTableWithExamples('/work/x/lib/parser/extractors/amounts.ts')).toBe(true);
    expect(isTableWithExamples('/work/x/lib/library/payment-purposes.ts')).toBe(true);
    expect(isTableWithExamples('/work/x/lib/parser/extractors/extract-remedies.ts')).toBe(false);
    expect(isTableWithExamples('/work/x/lib/library/payment-context.ts')).toBe(false);
    expect(isTableWithExamples('/work/x/test/lib/vocabulary/outcomes.test.ts')).toBe(false);
    expect(isTableWithExamples('/work/x/test/lib/amounts.ts')).toBe(false);
  });
});

describe('no shipped code reads a row’s examples', () => {
  const SHIPPED = ['lib', 'components', 'entrypoints'];
  const files = SHIPPED.flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => join(dir, f)),
  );

  /** `x.example`, `x['examples']` and `{ example } = x` in a module. */
  function readsOfExamples(source: string): string[] {
    const file = ts.createSourceFile('t.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && EXAMPLE_PROPERTIES.has(node.name.text)) found.push(node.getText(file));
      if (
        ts.isElementAccessExpression(node) &&
        ts.isStringLiteral(node.argumentExpression) &&
        EXAMPLE_PROPERTIES.has(node.argumentExpression.text)
      )
        found.push(node.getText(file));
      if (ts.isBindingElement(node) && EXAMPLE_PROPERTIES.has((node.propertyName ?? node.name).getText(file)))
        found.push(node.getText(file));
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }

  it('the check sees a read', () => {
    expect(readsOfExamples('const a = row.examples[0]; const { example } = row; const b = r["example"];')).toHaveLength(3);
  });

  it('lib/, components/ and entrypoints/ read no example, examples or expected property', () => {
    expect(files.length).toBeGreaterThan(50);
    const reads = files.flatMap((f) => readsOfExamples(readFileSync(join(REPO_ROOT, f), 'utf8')).map((r) => `${f}: ${r}`));
    expect(reads).toEqual([]);
  });
});
