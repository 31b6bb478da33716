/**
 * `npm run screenshots`: refreshes the README's pictures on purpose. The real-browser tests write
 * what a person sees under .output/screenshots/ on every run (so a test run leaves the work tree
 * clean); this runs the tests that take the README's pictures, then copies them to docs/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SCREENSHOT_DIR } from './browser-harness';

/** README picture (docs/screenshots/) ← what a test saved (.output/screenshots/). */
const PICTURES: Record<string, string> = {
  'sidebar-18-009-360-light.png': 'sidebar-18-009-360-light.png',
  'sidebar-23-017-456-dark.png': 'sidebar-23-017-456-dark.png',
  'sidebar-reconnect-notice.png': 'sidebar-reconnect-notice.png',
  'sidebar-hostile-page.png': 'sidebar-hostile-page.png',
  'marks-20-003-139.png': 'chromium/marks-20-003-139.png',
  'popup-list.png': 'chromium/popup-list.png',
  'popup-compare.png': 'chromium/popup-compare.png',
  'popup-figures.png': 'chromium/popup-figures.png',
  'library-tab.png': 'chromium/library-tab.png',
  'sidebar-firefox.png': 'firefox/sidebar-18-009-360.png',
  'save-all-search.png': 'chromium/save-all-search.png',
  'case-pack.png': 'chromium/case-pack.png',
  'case-pack-case.png': 'chromium/case-pack-case.png',
  'sidebar-corrections.png': 'chromium/sidebar-corrections.png',
  'popup-figures-corrected.png': 'chromium/popup-figures-corrected.png',
  'sidebar-payment-context.png': 'chromium/sidebar-payment-context.png',
  'library-citations.png': 'chromium/library-citations.png',
  'sidebar-citation.png': 'chromium/sidebar-citation.png',
};

const TESTS = [
  'test/e2e/journeys.test.ts',
  'test/e2e/sidebar.test.ts',
  'test/e2e/extension-reload.test.ts',
  'test/e2e/hostile-page.test.ts',
  'test/e2e/save-all.test.ts',
  'test/e2e/case-pack.test.ts',
  'test/e2e/corrections.test.ts',
  'test/e2e/citations.test.ts',
];

const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...TESTS], { cwd: REPO_ROOT, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('screenshots: the tests that take the pictures failed; docs/screenshots/ is left as it was');
  process.exit(1);
}
const docs = join(REPO_ROOT, 'docs', 'screenshots');
mkdirSync(docs, { recursive: true });
for (const [picture, source] of Object.entries(PICTURES)) {
  const from = join(SCREENSHOT_DIR, source);
  if (!existsSync(from)) {
    console.error(`screenshots: ${source} was not taken by the tests`);
    process.exit(1);
  }
  copyFileSync(from, join(docs, picture));
  console.log(`screenshots: docs/screenshots/${picture}`);
}
