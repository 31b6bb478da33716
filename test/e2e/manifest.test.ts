/**
 * The built manifests promise no more than the extension needs: storage (unlimited,
 * so that it is never evicted) and the lgo.org.uk host, no remote code, the default content security policy, nothing
 * web-accessible. The Firefox build passes `web-ext lint` with no errors.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/browser-harness';
import { injectsInto, type ContentScriptEntry } from '../../scripts/bench/bundle-size';
import { EXAMPLE_PROPERTIES, OTHER_TABLES_WITH_EXAMPLES } from '../../scripts/build/strip-row-examples';

const HOSTS = ['*://www.lgo.org.uk/*', '*://lgo.org.uk/*'];

/** The fields these tests read: those they expect absent are optional. */
interface Manifest {
  permissions: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_scripts: { matches: string[] }[];
  commands: Record<string, { suggested_key: { default: string } }>;
  minimum_chrome_version?: string;
  browser_specific_settings: { gecko: { strict_min_version?: string; data_collection_permissions?: unknown } };
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(REPO_ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Manifest;
}

function files(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, '.output', dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

// Both builds come from the e2e global setup (test/e2e/global-setup.ts), as users install them.

describe('the Chrome manifest (MV3)', () => {
  const m = () => manifest('chrome-mv3');

  it('asks only for storage (unlimited, so the browser never evicts the library) and the lgo.org.uk host', () => {
    expect(m().permissions).toEqual(['storage', 'unlimitedStorage']);
    expect(m().host_permissions).toEqual(HOSTS);
    expect(m().optional_permissions).toBeUndefined();
    expect(m().optional_host_permissions).toBeUndefined();
  });

  it('keeps the default content security policy and exposes nothing to pages', () => {
    expect(m().content_security_policy).toBeUndefined();
    expect(m().web_accessible_resources).toBeUndefined();
    expect(m().externally_connectable).toBeUndefined();
  });

  it('runs content scripts on the Ombudsman’s decision pages only', () => {
    const matches = m().content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect(matches.every((p: string) => /^\*:\/\/(www\.)?lgo\.org\.uk\/[Dd]ecisions\/\*$/.test(p))).toBe(true);
  });

  it('declares the keyboard shortcut as a command', () => {
    expect(m().commands['toggle-sidebar']?.suggested_key.default).toBe('Alt+Shift+O');
  });

  it('declares the oldest Chrome it runs on: 105, for the CSS Custom Highlight API', () => {
    expect(m().minimum_chrome_version).toBe('105');
  });
});

describe('no remote code', () => {
  it('loads every script from the package itself', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      for (const file of files(dir)) {
        const text = readFileSync(file, 'utf8');
        if (file.endsWith('.html')) {
          for (const src of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) expect(src[1]).not.toMatch(/^(https?:)?\/\//);
        }
        if (file.endsWith('.js')) {
          expect(text).not.toMatch(/importScripts\(\s*["'`]https?:/);
          expect(text).not.toMatch(/import\(\s*["'`]https?:/);
        }
      }
    }
  });
});

describe('the Firefox build', () => {
  it('asks only for storage (unlimited) and the lgo.org.uk host, and declares no data collection', () => {
    const m = manifest('firefox-mv2');
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', ...HOSTS]);
    expect(m.content_security_policy).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('declares the oldest Firefox it runs on: 140, for the CSS Custom Highlight API', () => {
    expect(manifest('firefox-mv2').browser_specific_settings.gecko.strict_min_version).toBe('140.0');
  });

  it('passes web-ext lint with no errors', () => {
    const out = spawnSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', join(REPO_ROOT, '.output', 'firefox-mv2'), '--output', 'json', '--no-input'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const report = JSON.parse(out.stdout) as { errors: unknown[]; summary: { errors: number } };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 130_000);
});

describe('which content script a page gets', () => {
  const DECISION = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/18-009-360';
  const LISTING = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection?page=2';
  const SEARCH = 'https://lgo.org.uk/Decisions/SearchResults?SearchTerm=section+47';

  it.each(['chrome-mv3', 'firefox-mv2'])(
    '%s: a decision the sidebar’s and its early read, a listing or search the listing’s only',
    (dir) => {
      const entries = (
        JSON.parse(readFileSync(join(REPO_ROOT, '.output', dir, 'manifest.json'), 'utf8')) as { content_scripts: ContentScriptEntry[] }
      ).content_scripts;
      const scriptsOf = (url: string) => entries.filter((e) => injectsInto(e, url)).flatMap((e) => e.js ?? []);
      expect(scriptsOf(DECISION)).toEqual(['view-prefetch.js', 'content-scripts/content.js']);
      expect(scriptsOf(LISTING)).toEqual(['content-scripts/listing.js']);
      expect(scriptsOf(SEARCH)).toEqual(['content-scripts/listing.js']);
    },
  );
});

describe('what the content scripts carry', () => {
  /**
   * The rows' example sentences in plain ASCII (the bundler escapes other characters, so those could not be
   * found as written), 40 characters or more: shorter ones are labels such as "Closed after initial
   * enquiries", which the sidebar also shows.
   */
  function rowExamples(): string[] {
    const vocabulary = readdirSync(join(REPO_ROOT, 'lib/parser/vocabulary'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `lib/parser/vocabulary/${f}`);
    const found: string[] = [];
    for (const name of [...vocabulary, ...OTHER_TABLES_WITH_EXAMPLES]) {
      const file = ts.createSourceFile(name, readFileSync(join(REPO_ROOT, name), 'utf8'), ts.ScriptTarget.Latest, true);
      const inExample = (node: ts.Node): void => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
        ts.forEachChild(node, inExample);
      };
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && EXAMPLE_PROPERTIES.has(node.name.getText(file))) inExample(node.initializer);
        else ts.forEachChild(node, visit);
      };
      visit(file);
    }
    return found.filter((s) => s.length >= 40 && /^[\x20-\x7e]+$/.test(s));
  }

  it('leave out the table rows’ examples, which only the tests read (scripts/build/strip-row-examples.ts)', () => {
    const examples = rowExamples();
    expect(examples.length).toBeGreaterThan(100);
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const scripts = files(dir).filter((f) => f.includes('content-scripts') && f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        const text = readFileSync(script, 'utf8');
        expect(examples.filter((e) => text.includes(e)).slice(0, 3), script).toEqual([]);
      }
    }
  });
});
