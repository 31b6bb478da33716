/** The messages between the command-line tool's main thread and its parsing threads: batches of requests, each answered by one batch of results. */
import type { OutputShape } from './output-format';

export interface WorkerSetup {
  shape: OutputShape;
}

export interface WorkRequest {
  /** Position in the input: results are written in this order. */
  seq: number;
  file: string;
  url: string | null;
  found: boolean;
}

export type WorkResult =
  /** The output lines as UTF-8, their buffer transferred: a string would be copied, twice over for text beyond Latin-1. */
  | { seq: number; status: 'ok'; bytes: Uint8Array }
  | { seq: number; status: 'failed'; error: string }
  /** A file found in a directory that is not text (an image without an extension, say): left out silently. */
  | { seq: number; status: 'skipped' };
