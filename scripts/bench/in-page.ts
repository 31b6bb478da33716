/**
 * esbuild entry (IIFE) evaluated in a decision page: the shared parser and
 * Readability, timed where they really run, in Chromium on the page's DOM.
 * Installs `globalThis.__olBench` (see `DecisionPageApi`).
 *
 * Fairness of parser vs Readability: Readability mutates the document it is
 * given, so it must be handed a copy: its figure is `new Readability(document.cloneNode(true)).parse()`,
 * clone included (every caller pays for the clone). The parser only reads the
 * live document. The two are interleaved run by run so that GC and JIT state
 * fall on both alike. The clone alone is timed too, so the difference is visible.
 */
import { Readability } from '@mozilla/readability';
import { parseDecision } from '../../lib/parser/parse-decision';
import { armInteraction, buttonText, interactionResult } from './probes';
import type { DecisionPageApi, ScalingPoint } from './page-apis';

function timeParse(url: string): { ms: number; ok: boolean; faults: number } {
  const t0 = performance.now();
  const result = parseDecision(document, { url });
  const ms = performance.now() - t0;
  return { ms, ok: result.ok, faults: result.ok ? result.summary.faults.length : 0 };
}

function timeReadability(): { ms: number; cloneMs: number; ok: boolean } {
  const t0 = performance.now();
  const copy = document.cloneNode(true) as Document;
  const t1 = performance.now();
  const article = new Readability(copy).parse();
  const t2 = performance.now();
  return { ms: t2 - t0, cloneMs: t1 - t0, ok: article !== null && (article.textContent ?? '').length > 0 };
}

/** The decision's top-level lists (its numbered paragraphs), not lists nested in a paragraph. */
function paragraphLists(article: Element): Element[] {
  return Array.from(article.querySelectorAll('ol, ul')).filter((list) => !list.parentElement?.closest('li'));
}

const api: DecisionPageApi = {
  // The cold figures: one run in a page that has run neither tool before, as on a real visit.
  coldParse({ url }) {
    const p = timeParse(url);
    if (!p.ok) throw new Error('parseDecision did not read the page as a decision');
    return { ms: p.ms, faults: p.faults };
  },

  coldReadability() {
    const r = timeReadability();
    if (!r.ok) throw new Error('Readability found no article in the page');
    return { ms: r.ms, cloneMs: r.cloneMs };
  },

  parseVsReadability({ warmup, runs, url }) {
    for (let i = 0; i < warmup; i++) {
      timeParse(url);
      timeReadability();
    }
    const parse: number[] = [];
    const readability: number[] = [];
    const clone: number[] = [];
    let faults = -1;
    for (let i = 0; i < runs; i++) {
      const p = timeParse(url);
      if (!p.ok) throw new Error('parseDecision did not read the page as a decision');
      faults = p.faults;
      const r = timeReadability();
      if (!r.ok) throw new Error('Readability found no article in the page');
      parse.push(p.ms);
      readability.push(r.ms);
      clone.push(r.cloneMs);
    }
    return { parse, readability, clone, faults };
  },

  scaling({ factors, warmup, runs, url }) {
    const article = document.querySelector('#article');
    if (!article) throw new Error('the page has no #article to inflate');
    const original = article.innerHTML;
    const points: ScalingPoint[] = [];
    try {
      for (const factor of factors) {
        article.innerHTML = original;
        // Repeat every paragraph of each list in place, `factor` times over:
        // the parser reads them as more numbered paragraphs of the same sections.
        for (const list of paragraphLists(article)) {
          const items = Array.from(list.children);
          for (let r = 1; r < factor; r++) for (const item of items) list.append(item.cloneNode(true));
        }
        const chars = document.documentElement.outerHTML.length;
        for (let i = 0; i < warmup; i++) timeParse(url);
        const samples: number[] = [];
        let faults = 0;
        for (let i = 0; i < runs; i++) {
          const p = timeParse(url);
          if (!p.ok) throw new Error(`parseDecision did not read the page inflated ×${factor} as a decision`);
          faults = p.faults;
          samples.push(p.ms);
        }
        points.push({ factor, chars, faults, samples });
      }
    } finally {
      article.innerHTML = original;
    }
    return points;
  },

  armSave(root, timeoutMs) {
    if (root.querySelector('.ol-saved')) throw new Error('the decision is already saved');
    armInteraction({
      name: 'save',
      root,
      event: 'click',
      isTrigger: (e) => buttonText(e) === 'Save',
      isDone: () => root.querySelector('.ol-saved') !== null,
      timeoutMs,
    });
  },

  interactionResult,
};

(globalThis as unknown as { __olBench: DecisionPageApi }).__olBench = api;
