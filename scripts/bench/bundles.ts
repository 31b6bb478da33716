/**
 * The in-browser scripts, bundled by esbuild into IIFEs held in memory (nothing
 * is written): the parser and Readability for decision pages, the probes for
 * the popup, the library writer for an extension page.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export interface Bundles {
  /** Evaluated in a decision page (in-page.ts). */
  decisionPage: string;
  /** Installed in the popup as an init script (popup-probes.ts). */
  popupProbes: string;
  /** Evaluated in an extension page (in-extension.ts). */
  extensionPage: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Production code paths (no dev-only checks), as in the built extension.
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
    logLevel: 'silent',
    legalComments: 'none',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export async function buildBundles(): Promise<Bundles> {
  const [decisionPage, popupProbes, extensionPage] = await Promise.all([
    bundle('./in-page.ts'),
    bundle('./popup-probes.ts'),
    bundle('./in-extension.ts'),
  ]);
  return { decisionPage, popupProbes, extensionPage };
}
