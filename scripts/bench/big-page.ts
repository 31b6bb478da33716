/**
 * A decision page made long on purpose: the seed's statement (the numbered
 * paragraphs of its top-level lists in #article) repeated in place until the
 * page reaches a size. The parser reads the copies as more numbered paragraphs
 * of the same sections, so a bigger page is really more work, not ignored
 * markup. Used for the long-task figure and the real-browser test of a page too
 * large to read whole.
 */
import { Window } from 'happy-dom';

export interface BigPage {
  html: string;
  /** How many times each paragraph appears. */
  factor: number;
  /** UTF-8 bytes of `html`. */
  bytes: number;
}

/** The decision's top-level lists (its numbered paragraphs), not lists nested in a paragraph. */
function paragraphLists(article: Element): Element[] {
  return Array.from(article.querySelectorAll('ol, ul')).filter((list) => !list.parentElement?.closest('li'));
}

/** The page with its statement repeated as few times as gives at least `minBytes` of HTML. */
export function inflateDecisionPage(html: string, minBytes: number): BigPage {
  const window = new Window();
  try {
    const { document } = window;
    document.write(html);
    const article = document.querySelector('#article');
    if (!article) throw new Error('the page has no #article to inflate');
    const lists = paragraphLists(article as unknown as Element).map((list) => ({ list, items: Array.from(list.children) }));
    if (lists.length === 0) throw new Error('the page has no paragraph lists to repeat');
    const serialise = () => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
    const base = Buffer.byteLength(serialise());
    const perCopy = lists.reduce((sum, { items }) => sum + items.reduce((s, item) => s + Buffer.byteLength(item.outerHTML), 0), 0);
    const factor = Math.max(1, 1 + Math.ceil((minBytes - base) / perCopy));
    for (let r = 1; r < factor; r++) for (const { list, items } of lists) for (const item of items) list.append(item.cloneNode(true));
    const out = serialise();
    return { html: out, factor, bytes: Buffer.byteLength(out) };
  } finally {
    void window.happyDOM.close();
  }
}
