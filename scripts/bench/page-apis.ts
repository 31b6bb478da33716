/**
 * What the bundled in-browser scripts expose as `globalThis.__olBench`, and a
 * typed way to call it from Node. Calls go through `evaluate` with a string
 * expression (arguments as JSON): functions written in Node are never
 * serialised into the page, so tsx's or Vitest's transforms of them cannot leak
 * helpers the page does not have.
 */
import type { BackupV2Case } from '../../lib/library/saved-case';
import type { InteractionTiming } from './probes';

export interface ScalingPoint {
  factor: number;
  /** Characters of the page's HTML (document.documentElement.outerHTML) after inflating. */
  chars: number;
  faults: number;
  samples: number[];
}

/** In a decision page (in-page.ts). */
export interface DecisionPageApi {
  parseVsReadability(options: { warmup: number; runs: number; url: string }): {
    parse: number[];
    readability: number[];
    clone: number[];
    faults: number;
  };
  scaling(options: { factors: number[]; warmup: number; runs: number; url: string }): ScalingPoint[];
  /** One parse, the first in this page (no warm-up). */
  coldParse(options: { url: string }): { ms: number; faults: number };
  /** One Readability run (clone + parse), the first in this page. */
  coldReadability(): { ms: number; cloneMs: number };
  /**
   * Arms the probe for one click on the sidebar's Save button. `root` is the sidebar's closed shadow
   * root, which the page cannot find: the caller passes it in from the harness (`inSidebar`).
   */
  armSave(root: ShadowRoot, timeoutMs: number): void;
  interactionResult(): Promise<InteractionTiming>;
}

/** In the popup (popup-probes.ts, an init script). */
export interface PopupApi {
  /**
   * Resolves once the first list rows are shown: ms from navigation start to the
   * app's first render and to the first rows, each taken in the next frame.
   * (Playwright's waitForFunction is no use here: it evals, which the popup's CSP forbids.)
   */
  firstRender(timeoutMs: number): Promise<{ shell: number; rows: number }>;
  /** Resolves once the popup's DOM has not changed for `quietMs` (true), or at `timeoutMs` (false). */
  quiet(quietMs: number, timeoutMs: number): Promise<boolean>;
  armKeystroke(timeoutMs: number): void;
  armCompare(columns: number, timeoutMs: number): void;
  interactionResult(): Promise<InteractionTiming & { listTouched?: boolean }>;
}

export interface SeedText {
  text: string;
  url: string;
}

/** In an extension page (in-extension.ts): the library, written through CaseStore. */
export interface ExtensionPageApi {
  /** Parses the seed texts and keeps them as backup cases (through a scratch database and exportBackup). */
  prepareTemplates(seeds: SeedText[]): Promise<{ templates: number; parserVersion: string }>;
  /** Generates cases [start, start + count) and imports them as one Backup v1. */
  importGenerated(start: number, count: number): Promise<{ added: number; merged: number; ms: number; textChars: number }>;
  countCases(): Promise<number>;
  /** Every saved reference, in reference order. */
  listReferences(): Promise<string[]>;
  /** These cases as a backup holds them (text, tags, note, summary), through CaseStore.readBackupCases. */
  readCases(references: string[]): Promise<BackupV2Case[]>;
  storageUsage(): Promise<{ usage: number; indexedDB: number | null }>;
}

type Api = DecisionPageApi | PopupApi | ExtensionPageApi;

/** Anything with Playwright's `evaluate(expression: string)`: a Page or a Worker. */
export interface Evaluator {
  evaluate<R>(expression: string): Promise<R>;
}

export function callInPage<A extends Api, K extends keyof A & string>(
  target: Evaluator,
  name: K,
  ...args: A[K] extends (...a: infer P) => unknown ? P : never
): Promise<A[K] extends (...a: never[]) => infer R ? Awaited<R> : never> {
  const list = args.map((a) => JSON.stringify(a)).join(', ');
  return target.evaluate(`globalThis.__olBench.${name}(${list})`);
}
