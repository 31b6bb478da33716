/**
 * The files a run reads, in order: arguments as given, directories walked, lists read line by
 * line. A generator, so a list of a million paths is never held whole.
 */
import { createReadStream, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Input } from './options';

export interface Job {
  file: string;
  url: string | null;
  /** Found by walking a directory (rather than named): a file without an extension is skipped if binary. */
  found: boolean;
}

/** A directory or list that could not be used: reported on stderr like a file that cannot be read. */
export interface InputError {
  file: string;
  error: string;
}

/** The extensions a directory walk takes; files without one are taken too (pages saved from the site often have none). */
const DECISION_EXTENSIONS = /\.(?:txt|text|html?|xhtml)$/i;

export function hasExtension(name: string): boolean {
  return name.lastIndexOf('.') > 0;
}

function takenFromDirectory(name: string): boolean {
  return !name.startsWith('.') && (DECISION_EXTENSIONS.test(name) || !hasExtension(name));
}

/** Code-unit order: the same on every machine and locale. */
const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Files under `dir` in name order, each subdirectory walked where its name falls. Symbolic links to directories are not followed (no cycles). */
function* walk(dir: string): Generator<Job | InputError> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
  } catch (error) {
    yield { file: dir, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(path);
    } else if (takenFromDirectory(entry.name)) {
      if (entry.isSymbolicLink() && !isFile(path)) continue;
      if (entry.isFile() || entry.isSymbolicLink()) yield { file: path, url: null, found: true };
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function* fromPath(path: string, url: string | null): Generator<Job | InputError> {
  let directory = false;
  try {
    directory = statSync(path).isDirectory();
  } catch {
    // Not there, or not readable: the worker's read says why, as for any file.
  }
  if (!directory) {
    yield { file: path, url, found: false };
    return;
  }
  if (url !== null) {
    yield { file: path, error: '--url gives the address of one FILE, not of a directory' };
    return;
  }
  let any = false;
  for (const item of walk(path)) {
    any = true;
    yield item;
  }
  if (!any) yield { file: path, error: 'no .txt, .text, .html, .htm, .xhtml or extension-less files in this directory' };
}

/** One path a line, blank lines skipped; a tab separates a path from its address. */
async function* fromList(path: string, stdin: Readable): AsyncGenerator<Job | InputError> {
  const stream = path === '-' ? stdin : createReadStream(path);
  const opened = new Promise<string | null>((resolve) => {
    if (path === '-') return resolve(null);
    stream.once('open', () => resolve(null));
    stream.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  const failure = await opened;
  if (failure !== null) {
    yield { file: path, error: `cannot read the list: ${failure}` };
    return;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const tab = line.indexOf('\t');
    const file = tab < 0 ? line : line.slice(0, tab);
    const url = tab < 0 ? null : line.slice(tab + 1).trim() || null;
    yield* fromPath(file, url);
  }
}

export async function* jobsOf(inputs: Input[], stdin: Readable): AsyncGenerator<Job | InputError> {
  for (const input of inputs) {
    if (input.kind === 'path') yield* fromPath(input.path, input.url);
    else yield* fromList(input.path, stdin);
  }
}

/**
 * How many jobs `jobsOf` will give, for the progress line's "of N" and time left; null when a
 * list comes from standard input (it cannot be read twice). Counts names, reads no file.
 */
export async function countJobs(inputs: Input[]): Promise<number | null> {
  if (inputs.some((i) => i.kind === 'list' && i.path === '-')) return null;
  let n = 0;
  for await (const _ of jobsOf(inputs, process.stdin)) n++;
  return n;
}

export function isJob(item: Job | InputError): item is Job {
  return !('error' in item);
}
