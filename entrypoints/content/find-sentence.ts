/**
 * Finds a sentence of the summary in a page element and returns a DOM Range over
 * it, so it can be highlighted without touching the page's markup. The parser
 * normalised whitespace and dropped invisible characters, so the search runs on
 * the element's text normalised the same way, mapped back to the text nodes.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const SHOW_TEXT = 4;

function normaliseQuery(text: string): string {
  let out = '';
  for (const ch of text) {
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (out && !out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out.trim();
}

export function findSentenceRange(element: Element, sentence: string): Range | null {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, SHOW_TEXT);
  let flat = '';
  const nodes: Text[] = [];
  const offsets: number[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.nodeValue ?? '';
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (flat.length === 0 || flat.endsWith(' ')) continue;
        flat += ' ';
      } else flat += ch;
      nodes.push(node);
      offsets.push(i);
    }
  }
  const query = normaliseQuery(sentence);
  if (!query) return null;
  const start = flat.indexOf(query);
  if (start < 0) return null;
  const end = start + query.length - 1;
  const range = doc.createRange();
  range.setStart(nodes[start]!, offsets[start]!);
  range.setEnd(nodes[end]!, offsets[end]! + 1);
  return range;
}
