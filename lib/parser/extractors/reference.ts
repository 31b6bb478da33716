/**
 * The reference of a copy without its title line, from where the copy came from: a page address
 * (`.../decisions/housing/other/22-002-919`, a republishing site's `.../lgo-22-003-275-city-of-...`)
 * or a file name (`22-003-275.txt`).
 */

/** YY-NNN-NNN, a joint case's letter suffix kept; not inside a longer run of digits. */
const ADDRESS_REFERENCE = /(?<![\d])(\d{2})-(\d{3})-(\d{3})([a-z]?)(?![\da-z])/;

/** "22 003 275" from an address or file name that holds "22-003-275", else null. */
export function referenceFromAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  // The path and name only: a host or query could hold digits of their own.
  const scheme = address.indexOf('://');
  const start = scheme < 0 ? 0 : address.indexOf('/', scheme + 3);
  if (start < 0) return null;
  const end = address.slice(start).search(/[?#]/);
  const path = address.slice(start, end < 0 ? undefined : start + end);
  const m = ADDRESS_REFERENCE.exec(path);
  return m ? `${m[1]} ${m[2]} ${m[3]}${m[4]}` : null;
}
