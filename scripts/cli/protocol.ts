/** The messages between the command-line tool's main thread and its parsing threads. */
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
  | { seq: number; status: 'ok'; text: string }
  | { seq: number; status: 'failed'; error: string }
  /** A file found in a directory that is not text (an image without an extension, say): left out silently. */
  | { seq: number; status: 'skipped' };
