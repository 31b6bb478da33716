/**
 * Re-encoding a seed as people's files have it, for the input-decoding tests. The code page is
 * written out here by hand (not taken from a decoder) so the tests do not share a mistake with
 * the code they check.
 */

/** windows-1252's bytes 0x80-0x9F for the characters the seeds use; 0x00-0x7F and 0xA0-0xFF are Latin-1. */
const CP1252: Record<string, number> = {
  '\u20AC': 0x80, // €
  '\u2026': 0x85, // …
  '\u2018': 0x91, // ‘
  '\u2019': 0x92, // ’
  '\u201C': 0x93, // “
  '\u201D': 0x94, // ”
  '\u2022': 0x95, // •
  '\u2013': 0x96, // –
  '\u2014': 0x97, // —
};

export function toWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = char.charCodeAt(0);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252[char];
    if (byte === undefined) throw new Error(`U+${code.toString(16).toUpperCase()} is not in this table of windows-1252`);
    bytes[i] = byte;
  }
  return bytes;
}

export function utf8WithBom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
}

export function utf16WithBom(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

/** Whether `bytes` holds `byte` anywhere. */
export function hasByte(bytes: Uint8Array, byte: number): boolean {
  return bytes.includes(byte);
}
