/**
 * A parsing thread of the command-line tool: reads each file it is sent, decodes it, parses it
 * and formats its output lines, so the main thread only orders and writes them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Window } from 'happy-dom';
import { decodeInput } from '../../lib/parser/front-ends/decode-input';
import { parseDecision, type ParseOptions } from '../../lib/parser/parse-decision';
import type { ParseResult } from '../../lib/schema';
import { hasExtension } from './inputs';
import { summaryText } from './output-format';
import type { WorkerSetup, WorkRequest, WorkResult } from './protocol';

const { shape } = workerData as WorkerSetup;

/**
 * One DOM implementation per thread for the whole run (a Window per file would dominate the time),
 * loaded on the first page: a run over text never pays for it.
 */
let window: Promise<Window> | null = null;

function loadWindow(): Promise<Window> {
  window ??= import('happy-dom').then(
    ({ Window }) =>
      new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } }),
  );
  return window;
}

async function parseHtml(html: string, options: ParseOptions): Promise<ParseResult> {
  const parser = new (await loadWindow()).DOMParser();
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return parseDecision(document, options);
}

/** A NUL byte in the first kilobyte, without a UTF-16 byte order mark: not a text or HTML file. */
function isBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 1024).includes(0);
}

async function work({ seq, file, url, found }: WorkRequest): Promise<WorkResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { seq, status: 'failed', error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (found && !hasExtension(basename(file)) && isBinary(bytes)) return { seq, status: 'skipped' };
  const input = decodeInput(bytes, file);
  // The file's name gives the reference of a copy without its title line ("19-015-077.txt").
  const options: ParseOptions = { url, fileName: basename(file) };
  const result = input.kind === 'html' ? await parseHtml(input.text, options) : parseDecision(input.text, options);
  if (!result.ok) return { seq, status: 'failed', error: result.message };
  return { seq, status: 'ok', bytes: encoder.encode(summaryText(shape, result.summary)) };
}

const encoder = new TextEncoder();

/** A batch of files, answered in one message, every output's buffer transferred. */
parentPort!.on('message', (requests: WorkRequest[]) => {
  void (async () => {
    const results: WorkResult[] = [];
    for (const request of requests) {
      try {
        results.push(await work(request));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ seq: request.seq, status: 'failed', error: `could not be read: ${message}` });
      }
    }
    const buffers = results.flatMap((r) => (r.status === 'ok' ? [r.bytes.buffer as ArrayBuffer] : []));
    parentPort!.postMessage(results, buffers);
  })();
});
