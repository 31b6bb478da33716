/**
 * Bytes as people have them (a saved page, a text file) to the string the parser reads, and
 * which front end reads it. Pure: the command-line tool calls it per file; nothing here
 * touches the file system.
 *
 * The rules, in order (they follow the HTML standard's encoding sniffing where it applies):
 * 1. A byte order mark decides: UTF-8, UTF-16LE or UTF-16BE. UTF-16 without one is not guessed.
 * 2. HTML is recognised by its content, never by the file name alone: the first thing after
 *    leading white space is one of the tags the standard's MIME sniffing names (`<!DOCTYPE
 *    HTML`, `<html`, `<head`, `<body`, `<p`, `<div`, `<!--`, ...), or an XML declaration
 *    followed by `<html`; or the name ends `.html`/`.htm`/`.xhtml` and the content starts with `<`.
 * 3. HTML without a byte order mark: a `<meta charset>` (or `http-equiv` Content-Type) in the
 *    first 1024 bytes is honoured, labels read as browsers read them (`iso-8859-1` and
 *    `us-ascii` are windows-1252). A page declaring UTF-8 whose bytes are not UTF-8 (a common
 *    mistake of saving tools) is read as windows-1252, as undeclared bytes are.
 * 4. Otherwise the bytes are UTF-8 when they are valid UTF-8, and windows-1252 when not (the
 *    code page of text saved on Windows: `0x92` is ’, `0xA3` is £).
 */

export interface DecodedInput {
  /** Which front end reads it: the DOM reader or the text reader. */
  kind: 'html' | 'text';
  text: string;
  /** The encoding's standard name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, ... */
  encoding: string;
  /** Why that encoding: its byte order mark, the page's own declaration, or the bytes themselves. */
  encodingSource: 'bom' | 'meta' | 'content';
}

/** How far into the bytes the kind and the declared charset are looked for, as the standard's prescan does. */
const PRESCAN_BYTES = 1024;

/**
 * windows-1252's bytes 0x80-0x9F (the rest is Latin-1). Decoded here rather than by TextDecoder: Node 20's
 * decoder reads windows-1252 as Latin-1 (0x92 comes out as U+0092, not ’). The five bytes the code
 * page leaves undefined map to the C1 control of the same number, as the Encoding Standard says.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The Encoding Standard's name for a label, or null for a label no decoder knows. */
function encodingForLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. A leading byte order mark is dropped. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The tags the HTML standard's MIME sniffing takes as the start of an HTML document (each but the comment followed by space or `>`). */
const HTML_START =
  /^\s*(?:(?:<!DOCTYPE HTML|<HTML|<HEAD|<SCRIPT|<IFRAME|<H1|<DIV|<FONT|<TABLE|<A|<STYLE|<TITLE|<B|<BODY|<BR|<P)[\s>]|<!--)/i;
const XML_XHTML = /^\s*<\?xml[^>]*>[\s\S]*?<html[\s>]/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;

/** Whether the start of a file's content (as decoded, or read byte for byte) is HTML. */
export function looksLikeHtml(head: string, name = ''): boolean {
  if (HTML_START.test(head) || XML_XHTML.test(head)) return true;
  return HTML_NAME.test(name) && /^\s*</.test(head);
}

const META = /<meta\b[^<>]*>/gi;
const META_CHARSET = /\bcharset\s*=["'\s]*([^\s"'/>;]+)/i;

/** The encoding a page declares in a `<meta>` within its first bytes, as browsers read the label; null when none. */
export function declaredCharset(head: string): string | null {
  const withoutComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of withoutComments.match(META) ?? []) {
    const label = META_CHARSET.exec(tag)?.[1];
    if (!label) continue;
    const encoding = encodingForLabel(label);
    if (!encoding) continue;
    // The standard's own corrections: a byte-stream declaration of UTF-16 cannot be true (the
    // page would have no ASCII meta to read), and x-user-defined is windows-1252 for text.
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
    if (encoding === 'x-user-defined') return 'windows-1252';
    return encoding;
  }
  return null;
}

export function decodeInput(bytes: Uint8Array, name = ''): DecodedInput {
  const bom = byteOrderMark(bytes);
  if (bom) {
    // TextDecoder drops the mark itself.
    const text = new TextDecoder(bom).decode(bytes);
    return { kind: looksLikeHtml(text.slice(0, PRESCAN_BYTES), name) ? 'html' : 'text', text, encoding: bom, encodingSource: 'bom' };
  }
  // Without a mark the bytes are ASCII-compatible: their first kilobyte, byte for byte, is enough
  // to see the tags and the declaration.
  const head = decodeWindows1252(bytes.subarray(0, PRESCAN_BYTES));
  const kind = looksLikeHtml(head, name) ? 'html' : 'text';
  const declared = kind === 'html' ? declaredCharset(head) : null;
  if (declared && declared !== 'utf-8') {
    return { kind, text: decodeAs(declared, bytes), encoding: declared, encodingSource: 'meta' };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { kind, text: utf8, encoding: 'utf-8', encodingSource: declared ? 'meta' : 'content' };
  return { kind, text: decodeWindows1252(bytes), encoding: 'windows-1252', encodingSource: 'content' };
}
