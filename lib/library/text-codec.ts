/**
 * The stored copy of a decision's text, gzip-compressed with the platform's
 * CompressionStream (browsers and Node 20): a 45 KB decision keeps in ~12 KB,
 * and no compression library ships in the extension.
 *
 * Text goes through UTF-8, so any well-formed string round-trips exactly. A
 * lone UTF-16 surrogate (not valid Unicode, never in a real page's text) comes
 * back as U+FFFD, as TextEncoder defines.
 */

/** `Uint8Array<ArrayBuffer>`: the type `SavedCaseSchema.textGzip` infers (never a SharedArrayBuffer view). */
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  // Copy into a plain ArrayBuffer-backed view: a Blob part may not be a view
  // on a SharedArrayBuffer.
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('gzip'));
}

/** Rejects when the bytes are not gzip of UTF-8 text (a damaged record). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const raw = await pipe(bytes, new DecompressionStream('gzip'));
  return new TextDecoder('utf-8', { fatal: true }).decode(raw);
}
