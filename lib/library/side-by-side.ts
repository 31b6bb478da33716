/**
 * Texts compressed or decoded a few at a time: one at a time leaves the compression streams idle
 * between each other's chunks, and all at once (a version 1 import is one batch of the whole file,
 * 10,000 texts) would hold every text twice in memory.
 */
const TOGETHER = 32;

/** `work` on every item, `TOGETHER` side by side; the results in the items' order. */
export async function sideBySide<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += TOGETHER) {
    results.push(...(await Promise.all(items.slice(start, start + TOGETHER).map(work))));
  }
  return results;
}
