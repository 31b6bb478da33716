/**
 * Files as people have them (issue #16): a seed decision saved in windows-1252, with a byte order
 * mark, as UTF-16, and as a page declaring its charset, must read as the UTF-8 original does.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput, declaredCharset, looksLikeHtml } from '../../lib/parser/front-ends/decode-input';
import { htmlDocument, seedHtml, seedText, summaryOf } from '../helpers/seeds';
import { hasByte, toWindows1252, utf16WithBom, utf8WithBom } from './encodings';

const TEXT = seedText('18-009-360');
const HTML = seedHtml('18-009-360');

describe('decodeInput: text files', () => {
  it('reads windows-1252 text (0x92 apostrophes, 0xA3 pound signs) back to the original, and the £500 and the statutes survive', () => {
    const bytes = toWindows1252(TEXT);
    // The fixture holds the bytes the issue names, which are not valid UTF-8 on their own.
    expect(hasByte(bytes, 0x92)).toBe(true);
    expect(hasByte(bytes, 0xa3)).toBe(true);
    const decoded = decodeInput(bytes, '18-009-360.txt');
    expect(decoded).toMatchObject({ kind: 'text', encoding: 'windows-1252', encodingSource: 'content' });
    expect(decoded.text).toBe(TEXT);
    expect(decoded.text).toContain('Pay Mr C £500 in recognition of his distress');
    expect(decoded.text).toContain('Section 47 of the Children’s Act allows the Council');

    const summary = summaryOf(decoded.text);
    // Agreed action 3.2: "Pay Mr C £500 in recognition of his distress and time and trouble ..."
    expect(summary.remedies.filter((r) => r.kind === 'payment').map((r) => [r.amount, r.payee])).toEqual([[500, 'Mr C']]);
    expect(summary.totalPayments).toBe(500);
    // "Section 47 of the Children’s Act" and "Section 17 of the Children’s Act": the apostrophe is the 0x92 byte.
    const children = summary.statutes.filter((s) => s.act === 'Children Act 1989').map((s) => [s.section, s.text]);
    expect(children).toEqual([
      ['47', 'Section 47 of the Children’s Act'],
      ['17', 'Section 17 of the Children’s Act'],
    ]);
    expect(summary).toEqual(summaryOf(TEXT));
  });

  it('drops a UTF-8 byte order mark', () => {
    const decoded = decodeInput(utf8WithBom(TEXT), 'a.txt');
    expect(decoded).toMatchObject({ kind: 'text', encoding: 'utf-8', encodingSource: 'bom' });
    expect(decoded.text).toBe(TEXT);
  });

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    for (const order of ['le', 'be'] as const) {
      const decoded = decodeInput(utf16WithBom(TEXT, order), 'a.txt');
      expect(decoded).toMatchObject({ kind: 'text', encoding: `utf-16${order}`, encodingSource: 'bom' });
      expect(decoded.text).toBe(TEXT);
      expect(summaryOf(decoded.text).totalPayments).toBe(500);
    }
  });

  it('takes valid UTF-8 as UTF-8, whatever the name', () => {
    expect(decodeInput(new TextEncoder().encode(TEXT), 'decision')).toEqual({
      kind: 'text',
      text: TEXT,
      encoding: 'utf-8',
      encodingSource: 'content',
    });
  });

  it('maps the five bytes windows-1252 leaves undefined to the C1 controls, and the rest of 0x80-0x9F to their characters', () => {
    // 0x80 €, 0x81 (undefined), 0x8A Š, 0x9F Ÿ; 0xFF is ÿ as in Latin-1. A lone 0x80 is not UTF-8.
    expect(decodeInput(new Uint8Array([0x80, 0x81, 0x8a, 0x9f, 0xff])).text).toBe('€\u0081ŠŸÿ');
  });
});

describe('decodeInput: saved pages', () => {
  it('honours <meta charset="windows-1252"> in a saved page', () => {
    const html = HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    expect(html).not.toBe(HTML);
    const decoded = decodeInput(toWindows1252(html), '18-009-360.html');
    expect(decoded).toMatchObject({ kind: 'html', encoding: 'windows-1252', encodingSource: 'meta' });
    expect(decoded.text).toBe(html);
    const summary = summaryOf(htmlDocument(decoded.text));
    expect(summary.totalPayments).toBe(500);
    expect(summary.statutes.filter((s) => s.act === 'Children Act 1989').map((s) => s.section)).toEqual(['47', '17']);
  });

  it('follows the declaration even where the bytes would also pass as UTF-8, as a browser does', () => {
    // "café" in UTF-8 is 63 61 66 C3 A9; a page that says it is windows-1252 shows those bytes as "cafÃ©".
    const page = (charset: string) =>
      new TextEncoder().encode(`<!DOCTYPE html><html><head><meta ${charset}></head><body><p>café</p></body></html>`);
    expect(decodeInput(page('charset="windows-1252"')).text).toContain('<p>cafÃ©</p>');
    expect(decodeInput(page('http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"'))).toMatchObject({
      encoding: 'windows-1252',
      encodingSource: 'meta',
    });
    expect(decodeInput(page('charset="utf-8"')).text).toContain('<p>café</p>');
  });

  it('reads a page that declares UTF-8 but was saved in windows-1252 as windows-1252', () => {
    const decoded = decodeInput(toWindows1252(HTML), 'page.html');
    expect(decoded).toMatchObject({ kind: 'html', encoding: 'windows-1252' });
    expect(decoded.text).toBe(HTML);
  });

  it('recognises a saved page by its content, not its name', () => {
    const bytes = new TextEncoder().encode(HTML);
    expect(decodeInput(bytes, '18-009-360').kind).toBe('html');
    expect(decodeInput(bytes, '18-009-360.txt').kind).toBe('html');
    expect(decodeInput(utf16WithBom(HTML, 'le'), 'saved').kind).toBe('html');
    // Text named .html is still text: a page starts with markup.
    expect(decodeInput(new TextEncoder().encode(TEXT), 'decision.html').kind).toBe('text');
  });

  it('knows the starts of HTML documents and nothing else', () => {
    for (const head of [
      '<!DOCTYPE html>',
      '  \n<html lang="en">',
      '<head>',
      '<body>',
      '<p>Text',
      '<div class="x">',
      '<!-- saved -->',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
    ]) {
      expect(looksLikeHtml(head), head).toBe(true);
    }
    for (const head of ['Hertfordshire County Council (18 009 360)', '<pre>x', '<Ombudsman note>', 'a <p> later']) {
      expect(looksLikeHtml(head), head).toBe(false);
    }
    // Any markup start counts when the name says HTML.
    expect(looksLikeHtml('<section>', 'page.htm')).toBe(true);
  });

  it('reads <meta> declarations as browsers label them, outside comments', () => {
    expect(declaredCharset('<meta charset=latin1>')).toBe('windows-1252');
    expect(declaredCharset('<meta charset="UTF-16">')).toBe('utf-8');
    expect(declaredCharset('<meta charset="no-such-encoding">')).toBeNull();
    expect(declaredCharset('<!-- <meta charset="windows-1252"> --><meta charset="utf-8">')).toBe('utf-8');
    expect(declaredCharset('<title>x</title>')).toBeNull();
  });
});
