import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DECISION_ADDRESSES, DECISION_PAGES } from './entrypoints/content/decision-pages';
import { stripRowExamplesPlugin } from './scripts/build/strip-row-examples';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep code greppable and tests free of auto-import magic.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Ombudsman Lens',
    description:
      'Reads Local Government and Social Care Ombudsman decisions: outcome, faults, remedies and law cited, each tied to its paragraph. Everything stays on your machine.',
    // unlimitedStorage: without it the library is "best-effort" storage, which Chromium evicts whole
    // when the disk fills while it runs (seen here: 2,000 saved cases gone after one page visit).
    // It shows the user no permission warning. test/e2e/full-disk.test.ts fills a real disk.
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: ['*://www.lgo.org.uk/*', '*://lgo.org.uk/*'],
    // The early storage read for the sidebar's first paint (entrypoints/view-prefetch.ts), at decisions'
    // own addresses as the sidebar; the sidebar's and the listing pages' scripts (entrypoints/content/,
    // entrypoints/listing.content.ts) are added by WXT from their entrypoints.
    content_scripts: [{ matches: DECISION_PAGES, include_globs: DECISION_ADDRESSES, js: ['view-prefetch.js'], run_at: 'document_start' }],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Show or hide the Ombudsman Lens sidebar',
      },
    },
    // The oldest versions the code needs: the CSS Custom Highlight API marks the text (Chrome 105,
    // Firefox 140, which also reads data_collection_permissions). Messages are answered through
    // sendResponse, so nothing needs Chrome 144's Promise-returning onMessage.
    ...(browser !== 'firefox' && { minimum_chrome_version: '105' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Nothing leaves the machine: declared to Firefox as collecting no data.
        gecko: {
          id: 'ombudsman-lens@ombudsman-lens.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({
    // The table rows' examples are for the tests: left out of the bundles (scripts/build/strip-row-examples.ts).
    plugins: [preact(), stripRowExamplesPlugin()],
  }),
  hooks: {
    // The library's two pages (popup.html, library.html) load one first chunk, and its rarely opened
    // views later, each a chunk of its own (components/lazy-view.tsx). Left to itself, Rolldown puts
    // each module the first chunk shares with a later one (the schemas, Preact, the corrections...)
    // in a small chunk of its own, all loaded at once: one file compresses better than nine (2.6 KB
    // gzip here). This group keeps every module the pages load before drawing in one chunk. Only
    // for the pages' build: the scripts are single IIFE files, which take no chunk options.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((e) => e.name === 'popup')) return;
      const output = viteConfig.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) throw new Error("wxt.config.ts: WXT's build of the pages has no single output to extend");
      // $initial: loaded by a page before it runs; shared by both pages (their main.tsx stay apart).
      output.codeSplitting = { groups: [{ name: 'PopupApp', tags: ['$initial'], minShareCount: 2 }] };
    },
  },
});
