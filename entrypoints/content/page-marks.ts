/**
 * Marks in the page text: the sentence a reader asked to see, and (on request)
 * every fault and remedy. Uses the CSS Custom Highlight API, so the page's DOM
 * and text are never changed: removing the marks leaves the page exactly as it
 * was. The only addition to the page is one <style> element for ::highlight().
 */
import { findSentenceRange } from './find-sentence';

const FOCUS = 'ombudsman-lens-focus';
const FAULT = 'ombudsman-lens-fault';
const REMEDY = 'ombudsman-lens-remedy';
const STYLE_ID = 'ombudsman-lens-highlights';

const CSS_TEXT = `
::highlight(${FAULT}) { background-color: rgba(255, 176, 0, 0.55); color: inherit; }
::highlight(${REMEDY}) { background-color: rgba(0, 166, 120, 0.4); color: inherit; }
::highlight(${FOCUS}) { background-color: #ffd84d; color: #111; text-decoration: underline 2px #b45309; }
`;

export interface MarkTarget {
  block: number;
  sentence: string;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;
interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(doc: Document): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const view = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const reg = view?.CSS?.highlights;
  return reg && view?.Highlight ? { registry: reg, Highlight: view.Highlight } : null;
}

export class PageMarks {
  private focusTimer: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly elements: readonly Element[],
    private readonly setTimer: (fn: () => void, ms: number) => number,
  ) {}

  private ensureStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS_TEXT;
    (this.doc.head ?? this.doc.documentElement).append(style);
  }

  private ranges(targets: readonly MarkTarget[]): Range[] {
    const out: Range[] = [];
    for (const t of targets) {
      const el = this.elements[t.block];
      const range = el ? findSentenceRange(el, t.sentence) : null;
      if (range) out.push(range);
    }
    return out;
  }

  /** Scrolls to the paragraph and highlights the sentence for a moment. Returns whether it was found. */
  locate(target: MarkTarget): boolean {
    const el = this.elements[target.block];
    if (!el) return false;
    const smooth = !this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    const hl = registry(this.doc);
    const range = findSentenceRange(el, target.sentence);
    if (!hl || !range) return true;
    this.ensureStyle();
    hl.registry.set(FOCUS, new hl.Highlight(range));
    if (this.focusTimer !== undefined) clearTimeout(this.focusTimer);
    this.focusTimer = this.setTimer(() => hl.registry.delete(FOCUS), 2500);
    return true;
  }

  /** Marks every fault and remedy sentence in the page; returns how many were found. */
  markAll(faults: readonly MarkTarget[], remedies: readonly MarkTarget[]): number {
    const hl = registry(this.doc);
    if (!hl) return 0;
    this.ensureStyle();
    const f = this.ranges(faults);
    const r = this.ranges(remedies);
    hl.registry.set(FAULT, new hl.Highlight(...f));
    hl.registry.set(REMEDY, new hl.Highlight(...r));
    return f.length + r.length;
  }

  clearMarks(): void {
    const hl = registry(this.doc);
    hl?.registry.delete(FAULT);
    hl?.registry.delete(REMEDY);
  }

  /** Removes everything this module added to the page. */
  dispose(): void {
    this.clearMarks();
    registry(this.doc)?.registry.delete(FOCUS);
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
