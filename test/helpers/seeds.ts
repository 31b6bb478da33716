/** Loading the seed decisions and their HTML reconstructions in tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { parseDecision } from '../../lib/parser/parse-decision';
import type { DecisionSummary } from '../../lib/schema';

export const SEED_REFS = ['19-015-077', '23-020-284', '20-003-139', '18-009-360', '23-017-456'] as const;
export type SeedRef = (typeof SEED_REFS)[number];

/** The address each seed lives at on the live site. */
export const SEED_URLS: Record<SeedRef, string> = Object.fromEntries(
  SEED_REFS.map((ref) => [ref, `https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/${ref}`]),
) as Record<SeedRef, string>;

// A string, not `new URL(...)`: DOM test environments replace the global URL.
export const ROOT = `${join(dirname(fileURLToPath(import.meta.url)), '..', '..')}/`;

export function readRepoFile(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

export function seedText(ref: SeedRef): string {
  return readRepoFile(`seeds/${ref}.txt`);
}

/** A line of a seed decision's text, verbatim, without its list marker ("5. ", "- ", "• "). */
export function seedLine(ref: SeedRef, startsWith: string): string {
  const lines = seedText(ref)
    .split('\n')
    .map((l) => l.trim().replace(/^(?:\d{1,3}\.|[-\u2022])\s+/, ''))
    .filter((l) => l.startsWith(startsWith));
  if (lines.length !== 1) throw new Error(`expected one line starting "${startsWith}" in ${ref}, got ${lines.length}`);
  return lines[0]!;
}

export function seedHtml(ref: SeedRef): string {
  return readRepoFile(`seeds/${ref}.html`);
}

const window = new Window({
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
});

export function htmlDocument(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function summaryOf(input: string | Document, url: string | null = null): DecisionSummary {
  const result = parseDecision(input, { url });
  if (!result.ok) throw new Error(`expected a decision: ${result.message}`);
  return result.summary;
}
