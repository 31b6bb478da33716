/**
 * The stored copy of a decision's text, gzip-compressed with the platform's
 * CompressionStream (browsers and Node 20): a 45 KB decision keeps in ~12 KB,
 * and no compression library ships in the extension.
 *
 * Text goes through UTF-8, so any well-formed string round-trips exactly. A
 * lone UTF-16 surrogate (not valid Unicode, never in a real page's text) comes
 * back as U+FFFD, as TextEncoder defines.
 *
 * The bytes are written straight into the transform's writable side. Wrapping
 * them in a Blob first (`new Blob([bytes]).stream()`) cost Chromium a round trip
 * to its blob registry in the browser process per text: about 1.3 ms of a case's
 * backup export or import, measured with the page's CPU profiler (issue #15).
 */

/** `Uint8Array<ArrayBuffer>`: the type `SavedCaseSchema.textGzip` infers (never a SharedArrayBuffer view). */
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const writer = transform.writable.getWriter();
  // A failure (bytes that are not gzip) errors both sides: it is reported once, by the reads below.
  // Copied into a plain ArrayBuffer-backed view: a stream chunk may not be a view on a SharedArrayBuffer.
  writer.write(new Uint8Array(bytes)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  // Always one fresh buffer of exactly these bytes: IndexedDB stores a view's whole underlying buffer.
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('gzip'));
}

/** Rejects when the bytes are not gzip of UTF-8 text (a damaged record). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const raw = await pipe(bytes, new DecompressionStream('gzip'));
  return new TextDecoder('utf-8', { fatal: true }).decode(raw);
}
