/**
 * The vocabulary tables (lib/parser/vocabulary/) keep each row's example sentences in the row, where
 * a reader of the table sees the wording and the text it was taken from together, and where
 * test/lib/vocabulary.test.ts and vocabulary-rows.test.ts run them. Two more tables are written the
 * same way: the amount wordings (lib/parser/extractors/amounts.ts: each row's example and the sums it
 * must give, `expected`, run by test/lib/amounts.test.ts) and the payment purposes
 * (lib/library/payment-purposes.ts, run by test/library/payment-context.test.ts). The extension never
 * reads them, so its bundles leave them out: this Vite plugin removes every `example`, `examples` and
 * `expected` property of an object literal from those files when the extension is built (~5.2 KB gz
 * of the content script). Tests and the command-line tool read the files as written.
 *
 * It works on the TypeScript syntax tree, not on text patterns, so a string holding "example:" is
 * never cut; test/build/strip-row-examples.test.ts checks that no production code reads the property.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

export const EXAMPLE_PROPERTIES: ReadonlySet<string> = new Set(['example', 'examples', 'expected']);

/** The tables outside lib/parser/vocabulary/ whose rows carry examples, relative to the repository. */
export const OTHER_TABLES_WITH_EXAMPLES: readonly string[] = ['lib/parser/extractors/amounts.ts', 'lib/library/payment-purposes.ts'];

/** Whether a module id is one of the tables whose rows' examples are stripped. */
export function isTableWithExamples(id: string): boolean {
  const file = (id.split('?', 1)[0] ?? '').replace(/\\/g, '/');
  return /\/lib\/parser\/vocabulary\/[^/]+\.ts$/.test(file) || OTHER_TABLES_WITH_EXAMPLES.some((table) => file.endsWith(`/${table}`));
}

/** The source with every object literal's `example`, `examples` and `expected` property (and its comma) removed. */
export function stripRowExamples(source: string, fileName = 'table.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const props = node.properties;
      const strip = props.map((prop) => ts.isPropertyAssignment(prop) && EXAMPLE_PROPERTIES.has(propertyName(prop.name)));
      props.forEach((prop, i) => {
        if (!strip[i]) return;
        // With the comma that joins it to the row: the one after it, or, when no kept property
        // follows, the one after the last kept property before it.
        const next = props[i + 1];
        const keptBefore = props.slice(0, i).filter((_, j) => !strip[j]);
        const previous = keptBefore[keptBefore.length - 1];
        if (strip.slice(i + 1).includes(false) && next) cuts.push([prop.getStart(file), next.getStart(file)]);
        else if (previous) cuts.push([previous.end, prop.end]);
        else cuts.push([prop.getStart(file), props.end]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Two example properties side by side give overlapping cuts: merged, they cut each character once.
  const merged: [number, number][] = [];
  for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = source;
  for (const [start, end] of merged.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}

export function stripRowExamplesPlugin(): Plugin {
  return {
    name: 'ombudsman-lens:strip-row-examples',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!isTableWithExamples(id)) return null;
      return { code: stripRowExamples(code, id), map: null };
    },
  };
}
