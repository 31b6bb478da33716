/**
 * What the built extension weighs, gzip-compressed: the content script (the
 * code that runs on every decision page) and the popup (its HTML plus every
 * JS and CSS file it loads before it can draw).
 *
 * gzip is zlib at level 9 (the best compression): a stable, tool-independent
 * proxy for "how much code"; Chrome itself reads the files uncompressed from disk.
 * Each file is compressed on its own, as a server would send it.
 *
 * The popup's files are found by following the build, never by hashed names:
 * `<script src>` and `<link rel=stylesheet|modulepreload href>` in popup.html,
 * then the static `import`/`export … from` of each JS file and the `@import`
 * of each CSS file, recursively. Dynamic `import()` is not followed (those
 * chunks load later, on demand); they are listed apart.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type ImportKind } from 'esbuild';

export const GZIP_LEVEL = 9;

export function gzipBytes(content: string | Uint8Array): number {
  return gzipSync(content, { level: GZIP_LEVEL }).length;
}

export function gzipFileBytes(path: string): number {
  return gzipBytes(readFileSync(path));
}

/** The JS and CSS an HTML page loads by itself: script src, stylesheet and modulepreload links, in document order. */
export function htmlAssets(html: string): string[] {
  const found: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
    const value = (name: string) => {
      const m = attr(name);
      return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
    };
    if (/^<script/i.test(tag)) {
      const src = value('src');
      if (src) found.push(src);
    } else {
      const rel = (value('rel') ?? '').toLowerCase().split(/\s+/);
      const href = value('href');
      if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) found.push(href);
    }
  }
  return found;
}

/** A file an asset imports, with how (esbuild's import kinds: import-statement, dynamic-import, import-rule, url-token…). */
export interface AssetImport {
  path: string;
  kind: ImportKind;
}

/** Every import of one JS or CSS file, read by esbuild's parser (no regular expressions over minified code). */
export async function assetImports(file: string): Promise<AssetImport[]> {
  const found: AssetImport[] = [];
  await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    logLevel: 'silent',
    format: 'esm',
    // Record every import and keep it external: this reads one file, it does not bundle.
    plugins: [
      {
        name: 'record-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            found.push({ path: args.path, kind: args.kind });
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return found;
}

/** Resolves an asset URL of the built extension ("/chunks/x.js", "./x.js", "x.css") to a file under `root`. */
function resolveAsset(root: string, fromFile: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null; // another origin, data: URL
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const file = path.startsWith('/') ? join(root, path) : resolve(dirname(fromFile), path);
  const inside = normalize(file);
  return inside === root || inside.startsWith(root.endsWith(sep) ? root : root + sep) ? inside : null;
}

export interface PageWeight {
  /** Files loaded before the page can run, relative to the output root, HTML first. */
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  /** Loaded later with import(): not counted. */
  lazy: string[];
}

/** The HTML page and everything it loads statically, each file gzipped on its own. */
export async function pageWeight(outputDir: string, htmlFile: string): Promise<PageWeight> {
  const root = resolve(outputDir);
  const html = join(root, htmlFile);
  const seen = new Set<string>([html]);
  const lazy = new Set<string>();
  const queue: string[] = [];
  const add = (from: string, url: string) => {
    const file = resolveAsset(root, from, url);
    if (file && !seen.has(file) && /\.(m?js|css)$/i.test(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  for (const url of htmlAssets(readFileSync(html, 'utf8'))) add(html, url);
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imp of await assetImports(file)) {
      if (imp.kind === 'import-statement' || imp.kind === 'import-rule') add(file, imp.path);
      else if (imp.kind === 'dynamic-import') {
        const target = resolveAsset(root, file, imp.path);
        if (target) lazy.add(relative(root, target));
      }
    }
  }
  const files = [...seen].map((file) => {
    const content = readFileSync(file);
    return { path: relative(root, file), bytes: content.length, gzipBytes: gzipBytes(content) };
  });
  return {
    files,
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    lazy: [...lazy].filter((p) => !files.some((f) => f.path === p)),
  };
}

export interface FileWeight {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface ContentScriptEntry {
  matches?: string[];
  exclude_matches?: string[];
  include_globs?: string[];
  exclude_globs?: string[];
  js?: string[];
}

/** A manifest glob (`*`: any run of characters, `?`: one) as a regular expression over the whole URL. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** A match pattern (`scheme://host/path`, `*` scheme for http and https; no `*.` hosts, which the manifest does not use) as a regular expression. */
function matchPatternRegExp(pattern: string): RegExp {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`match pattern not understood here: ${pattern}`);
  const scheme = m[1] === '*' ? 'https?' : m[1]!;
  if (m[2]!.includes('*') && m[2] !== '*') throw new Error(`host wildcards are not understood here: ${pattern}`);
  const host = m[2] === '*' ? '[^/]+' : m[2]!.replace(/\./g, '\\.');
  const path = m[3]!.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${scheme}://${host}${path}$`);
}

/**
 * Whether the browser injects a manifest's content-script entry into a page: its URL matches one
 * of `matches` and none of `exclude_matches`, one of `include_globs` if it has any, none of
 * `exclude_globs` (Chrome's and Firefox's documented rule).
 */
export function injectsInto(entry: ContentScriptEntry, url: string): boolean {
  const page = url.split('#', 1)[0]!;
  const any = (list: string[] | undefined, toRegExp: (p: string) => RegExp) => (list ?? []).some((p) => toRegExp(p).test(page));
  return (
    any(entry.matches, matchPatternRegExp) &&
    !any(entry.exclude_matches, matchPatternRegExp) &&
    (entry.include_globs === undefined || any(entry.include_globs, globRegExp)) &&
    !any(entry.exclude_globs, globRegExp)
  );
}

/**
 * Every script the manifest injects into the page at `url` (`content_scripts[].js`), each once: a
 * decision page gets the sidebar's script and the early storage read, a listing page the listing's
 * script, so what a page pays is counted, found from the build's manifest rather than known names.
 */
export function contentScriptsWeight(dir: string, url: string): { files: FileWeight[]; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  const entries = (manifest.content_scripts ?? []).filter((entry) => injectsInto(entry, url));
  const paths = [...new Set(entries.flatMap((entry) => entry.js ?? []))];
  if (paths.length === 0) throw new Error(`the manifest in ${dir} declares no content scripts for ${url}`);
  const files = paths.map((path) => ({ path, bytes: statSync(join(dir, path)).size, gzipBytes: gzipFileBytes(join(dir, path)) }));
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
export const POPUP_HTML = 'popup.html';
