/**
 * Builds the command-line tool with esbuild into .output/cli/ (parse.mjs and parse-worker.mjs),
 * only when a source it was built from has changed since: `npm run parse` then starts in plain
 * Node, without compiling TypeScript on every call. Plain JavaScript, so it needs no build itself.
 *
 *   node scripts/cli/build.mjs           build if stale
 *   node scripts/cli/build.mjs --force   build
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(ROOT, '.output', 'cli');
export const CLI_BUNDLE = join(OUT_DIR, 'parse.mjs');
/** What the last build read and wrote: `{ inputs, outputs }`, paths from the repository's root. */
const META = join(OUT_DIR, 'build.json');

/** Whether an output is missing, or older than a file it was built from (esbuild's own list of its inputs) or than the lockfile. */
export function isStale() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(META, 'utf8'));
  } catch {
    return true;
  }
  let built = Infinity;
  try {
    for (const output of meta.outputs) built = Math.min(built, statSync(join(ROOT, output)).mtimeMs);
  } catch {
    return true;
  }
  for (const input of [...meta.inputs, 'package.json', 'package-lock.json', 'scripts/cli/build.mjs']) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs > built) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Each output written to a temporary file and renamed: two builds at once (parallel tests) never leave a torn file. */
function writeAtomically(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { parse: 'scripts/parse.ts', 'parse-worker': 'scripts/cli/worker.ts' },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // happy-dom goes in a chunk of its own, loaded only by a thread that meets a saved page; bundled,
    // it loads in a third of the time its hundreds of files take from node_modules.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // For the CommonJS inside happy-dom's dependencies.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(join(OUT_DIR, 'chunks'), { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  // Written last: until it is, the build reads as stale.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
  const outputs = result.outputFiles.map((f) => relative(ROOT, f.path));
  writeAtomically(META, JSON.stringify({ inputs: inputs.map((p) => relative(ROOT, join(ROOT, p))), outputs }));
  pruneChunks(new Set(result.outputFiles.map((f) => f.path)));
}

/** Chunks of earlier builds, once no run that started before this build can still be loading them. */
function pruneChunks(current) {
  const dir = join(OUT_DIR, 'chunks');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!current.has(path) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
  }
}

export async function ensureBuilt() {
  if (isStale()) await buildCli();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force')) await buildCli();
  else await ensureBuilt();
}
