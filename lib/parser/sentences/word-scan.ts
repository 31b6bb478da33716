/**
 * Which of many literal words occur in a text, all found in one pass over it (an Aho-Corasick
 * automaton). The extractors each test every sentence for their own words; one regex or indexOf
 * per word and sentence re-reads the whole statement once per word, while this reads it once for
 * all of them. It only says which groups of words are present: the extractors' own patterns still
 * decide, on the few sentences that have their words.
 */

/** Group bits fit below this shift: up to 8 groups. */
const BIT_ROOM = 8;

export interface WordScanner {
  /** The bits of the groups with a word in `text`. */
  scan(text: string): number;
}

/**
 * `groups[bit]`: the words that set that bit (below 256), matched by code unit with no word
 * boundaries, ASCII letters in either case (words are given in lower case; at most 255 different
 * characters among them, the columns a byte can number). `sameAs[c]`: another
 * character of the text that counts as character `c` of the words; it must be in no word itself.
 */
export function wordScanner(
  groups: Readonly<Record<number, readonly string[]>>,
  sameAs: Readonly<Record<string, string>> = {},
): WordScanner {
  // Each code unit that occurs in a word gets a column; every other one has column 0, which
  // leads back to the start from anywhere. A table, not a map: text is read a unit at a time.
  const columnAt = new Uint8Array(0x10000);
  let columns = 1;
  // The trie of the words: children by column, and the bits of the words ending at each state.
  const trie: number[][] = [[]];
  const bits = [0];
  for (const [bit, words] of Object.entries(groups)) {
    for (const word of words) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const column = (columnAt[word.charCodeAt(i)] ||= columns++);
        state = trie[state]![column] ??= trie.push([]) - 1;
        bits[state] ??= 0;
      }
      bits[state]! |= Number(bit);
    }
  }
  for (let c = 65; c <= 90; c++) columnAt[c] = columnAt[c + 32]!;
  for (const [from, to] of Object.entries(sameAs)) columnAt[from.charCodeAt(0)] = columnAt[to.charCodeAt(0)]!;

  // The automaton: from each state and column, the state of the longest word start the text read
  // so far ends with. Breadth first, so the state a failed match falls back to is complete first.
  const next = new Int32Array(trie.length * columns);
  const fallback = new Int32Array(trie.length);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    bits[state]! |= bits[fallback[state]!]!;
    for (let column = 1; column < columns; column++) {
      const child = trie[state]![column];
      // The root falls back to itself.
      const back = state === 0 ? 0 : next[fallback[state]! * columns + column]!;
      if (child === undefined) next[state * columns + column] = back;
      else {
        next[state * columns + column] = child;
        fallback[child] = back;
        queue.push(child);
      }
    }
  }
  // One entry per state and column: the next state's row (its index times `columns`), shifted
  // past the bits of the words that end there, so a character costs one lookup.
  const table = next.map((state) => ((state * columns) << BIT_ROOM) | bits[state]!);
  return {
    scan(text) {
      let row = 0;
      let seen = 0;
      for (let i = 0; i < text.length; i++) {
        const entry = table[row + columnAt[text.charCodeAt(i)]!]!;
        row = entry >>> BIT_ROOM;
        seen |= entry;
      }
      return seen & ((1 << BIT_ROOM) - 1);
    },
  };
}
