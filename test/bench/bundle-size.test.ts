import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assetImports,
  contentScriptsWeight,
  injectsInto,
  GZIP_LEVEL,
  gzipBytes,
  gzipFileBytes,
  htmlAssets,
  pageWeight,
} from '../../scripts/bench/bundle-size';

describe('gzipBytes', () => {
  it('is the size of a gzip that decompresses to the input', () => {
    const text = 'The Council is at fault. '.repeat(400);
    expect(gzipBytes(text)).toBeLessThan(Buffer.byteLength(text) / 10);
    expect(gzipBytes(text)).toBeGreaterThan(20);
    // Same figure for the same bytes, as text or as a buffer.
    expect(gzipBytes(Buffer.from(text))).toBe(gzipBytes(text));
  });

  it('is zlib gzip at level 9 (the level BENCHMARKS.md states)', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `case ${i} ${(i * 7919) % 1000}`).join('\n');
    expect(GZIP_LEVEL).toBe(9);
    expect(gzipBytes(text)).toBe(gzipSync(text, { level: 9 }).length);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });
});

describe('htmlAssets', () => {
  it('finds module scripts, stylesheets and module preloads, in document order', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/chunks/popup-BogGKGLu.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/shared-Ab12.js">
      <link rel="stylesheet" crossorigin href="/assets/popup-DZBWnwgT.css">
      <link rel="icon" href="/icon.png">
      <script>console.log('inline')</script>
      <!-- <script src="/commented-out.js"></script> -->
      <link href='single-quoted.css' rel='stylesheet'>
    </head><body><div id="app"></div></body></html>`;
    expect(htmlAssets(html)).toEqual([
      '/chunks/popup-BogGKGLu.js',
      '/chunks/shared-Ab12.js',
      '/assets/popup-DZBWnwgT.css',
      'single-quoted.css',
    ]);
  });
});

describe('pageWeight over a built output', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-bundle-size-'));
    mkdirSync(join(dir, 'chunks'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'popup.html'),
      '<!doctype html><head><script type="module" src="/chunks/popup-X1.js"></script><link rel="stylesheet" href="/assets/popup-Y2.css"></head><body></body>',
    );
    // Minified the way Vite writes chunks: static imports without spaces, a re-export, a lazy import.
    writeFileSync(
      join(dir, 'chunks', 'popup-X1.js'),
      'import{a as e}from"./shared-Z3.js";export{b}from"./more-W4.js";const t=()=>import("./figures-V5.js");e(t);',
    );
    writeFileSync(
      join(dir, 'chunks', 'shared-Z3.js'),
      'import"./more-W4.js";export const a=e=>e;const s="import x from \\"./not-an-import.js\\"";',
    );
    writeFileSync(join(dir, 'chunks', 'more-W4.js'), 'export const b=1;');
    writeFileSync(join(dir, 'chunks', 'figures-V5.js'), 'export const c=2;'.repeat(50));
    writeFileSync(join(dir, 'assets', 'popup-Y2.css'), '@import "./fonts-U6.css";body{margin:0}');
    writeFileSync(join(dir, 'assets', 'fonts-U6.css'), 'body{font-family:serif}');
    writeFileSync(join(dir, 'chunks', 'unused-T7.js'), 'export const unused=1;');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads imports with a parser: static, re-export and dynamic, not text inside strings', async () => {
    expect(await assetImports(join(dir, 'chunks', 'popup-X1.js'))).toEqual([
      { path: './shared-Z3.js', kind: 'import-statement' },
      { path: './more-W4.js', kind: 'import-statement' },
      { path: './figures-V5.js', kind: 'dynamic-import' },
    ]);
    expect(await assetImports(join(dir, 'chunks', 'shared-Z3.js'))).toEqual([{ path: './more-W4.js', kind: 'import-statement' }]);
  });

  it('follows the HTML and the static imports, each file once; lazy chunks are listed, not counted', async () => {
    const weight = await pageWeight(dir, 'popup.html');
    expect(weight.files.map((f) => f.path).sort()).toEqual(
      ['assets/fonts-U6.css', 'assets/popup-Y2.css', 'chunks/more-W4.js', 'chunks/popup-X1.js', 'chunks/shared-Z3.js', 'popup.html'].sort(),
    );
    expect(weight.lazy).toEqual(['chunks/figures-V5.js']);
    expect(weight.gzipBytes).toBe(weight.files.reduce((sum, f) => sum + gzipFileBytes(join(dir, f.path)), 0));
  });
});

describe('contentScriptsWeight', () => {
  let dir: string;
  const DECISION = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/18-009-360';
  const LISTING = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection?page=2';
  const ADDRESSES = ['*://www.lgo.org.uk/decisions/*/*/?*'];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-content-scripts-'));
    mkdirSync(join(dir, 'content-scripts'));
    writeFileSync(join(dir, 'content-scripts', 'content.js'), 'console.log("main");'.repeat(200));
    writeFileSync(join(dir, 'content-scripts', 'early.js'), 'console.log("early");');
    writeFileSync(join(dir, 'content-scripts', 'listing.js'), 'console.log("listing");'.repeat(50));
    writeFileSync(join(dir, 'content-scripts', 'unused.js'), 'console.log("not injected");'.repeat(100));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        content_scripts: [
          {
            matches: ['*://www.lgo.org.uk/decisions/*'],
            include_globs: ADDRESSES,
            run_at: 'document_idle',
            js: ['content-scripts/content.js'],
          },
          {
            matches: ['*://www.lgo.org.uk/decisions/*'],
            include_globs: ADDRESSES,
            run_at: 'document_start',
            js: ['content-scripts/early.js'],
          },
          { matches: ['*://lgo.org.uk/decisions/*'], include_globs: ADDRESSES, js: ['content-scripts/content.js'] },
          { matches: ['*://www.lgo.org.uk/decisions/*'], exclude_globs: ADDRESSES, js: ['content-scripts/listing.js'] },
          { matches: ['*://www.lgo.org.uk/Decisions/*'], js: ['content-scripts/unused.js'] },
        ],
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every script the manifest injects into the page, each once, and nothing else', () => {
    const weight = contentScriptsWeight(dir, DECISION);
    expect(weight.files.map((f) => f.path)).toEqual(['content-scripts/content.js', 'content-scripts/early.js']);
    expect(weight.files[0]!.bytes).toBe('console.log("main");'.length * 200);
    expect(weight.gzipBytes).toBe(
      gzipFileBytes(join(dir, 'content-scripts', 'content.js')) + gzipFileBytes(join(dir, 'content-scripts', 'early.js')),
    );
    expect(contentScriptsWeight(dir, LISTING).files.map((f) => f.path)).toEqual(['content-scripts/listing.js']);
  });

  it('says so when the manifest declares none for the page', () => {
    const empty = mkdtempSync(join(tmpdir(), 'bench-no-content-scripts-'));
    writeFileSync(join(empty, 'manifest.json'), '{}');
    expect(() => contentScriptsWeight(empty, DECISION)).toThrow(/declares no content scripts/);
    rmSync(empty, { recursive: true, force: true });
    expect(() => contentScriptsWeight(dir, 'https://www.lgo.org.uk/how-to-complain')).toThrow(/declares no content scripts/);
  });
});

describe('injectsInto: the browsers’ rule for matches and globs', () => {
  const entry = { matches: ['*://www.lgo.org.uk/decisions/*'], include_globs: ['*://www.lgo.org.uk/decisions/*/*/?*'] };

  // [url, with include_globs (the sidebar's entry), with the same as exclude_globs (the listing's)]
  it.each([
    ['https://www.lgo.org.uk/decisions/education/school-transport/23-004-519', true, false],
    ['http://www.lgo.org.uk/decisions/education/school-transport/23-004-519?displaypref=1', true, false],
    ['https://www.lgo.org.uk/decisions/education/school-transport/23-004-519#top', true, false],
    ['https://www.lgo.org.uk/decisions/education/school-transport', false, true],
    ['https://www.lgo.org.uk/decisions/education/school-transport/', false, true],
    ['https://www.lgo.org.uk/decisions/education', false, true],
    ['https://lgo.org.uk/decisions/education/school-transport/23-004-519', false, false],
    ['https://www.lgo.org.uk/Decisions/education/school-transport/23-004-519', false, false],
    ['ftp://www.lgo.org.uk/decisions/education/school-transport/23-004-519', false, false],
  ])('%s: %s, %s', (url, included, excluded) => {
    expect(injectsInto(entry, url)).toBe(included);
    expect(injectsInto({ matches: entry.matches, exclude_globs: entry.include_globs }, url)).toBe(excluded);
  });
});
