/**
 * Opens a seed decision at its real address in Chromium with the built extension.
 * With a display: a browser window to try the sidebar in. Without one (CI, SSH): screenshots,
 * light and dark, so there is still something to look at.
 * Run through `node scripts/demo.mjs`, which installs and builds first.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, REPO_ROOT, startFixtureServer, type FixtureServer } from './browser-harness';

const DEMO_REF = '18-009-360';
const SIDEBAR_HOST = 'ombudsman-lens';
const VIEWPORT = { width: 1280, height: 900 };

function isTruthyEnv(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

async function runHeaded(server: FixtureServer, url: string): Promise<void> {
  const browser = await launchWithExtension({ server, headless: false, viewport: VIEWPORT });
  try {
    const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url, { timeout: 30_000 });
    console.log(`Opened ${url}`);
    console.log('close the browser window to stop');
    // Ctrl-C should tear the browser down through the finally below, not orphan it.
    const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await Promise.race([closed, interrupted]);
  } finally {
    await browser.close();
  }
}

/** Waits for the sidebar and then for it to have rendered something; false if it never appeared. */
async function waitForSidebar(page: Page): Promise<boolean> {
  try {
    await page.waitForSelector(SIDEBAR_HOST, { state: 'attached', timeout: 15_000 });
  } catch {
    return false;
  }
  // The host is attached before Preact renders into its shadow root; a screenshot then is blank.
  await page
    .waitForFunction(
      (host) => (document.querySelector(host)?.shadowRoot?.textContent ?? '').replace(/\s+/g, '').length > 0,
      SIDEBAR_HOST,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  // Lets opening transitions finish so the picture shows the resting state.
  await page.waitForTimeout(500);
  return true;
}

async function runHeadless(server: FixtureServer, url: string): Promise<void> {
  const outDir = join(REPO_ROOT, '.output', 'demo');
  await mkdir(outDir, { recursive: true });
  const browser = await launchWithExtension({ server, headless: true, viewport: VIEWPORT });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    for (const [scheme, file] of [
      ['light', 'sidebar.png'],
      ['dark', 'sidebar-dark.png'],
    ] as const) {
      // Set before loading so a sidebar that reads the scheme once at start-up sees it too.
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url, { timeout: 30_000 });
      const appeared = await waitForSidebar(page);
      const path = join(outDir, file);
      await page.screenshot({ path, fullPage: false, timeout: 30_000 });
      console.log(
        appeared
          ? `Saved ${path} (${scheme})`
          : `Saved ${path} (${scheme}), but the sidebar did not appear within 15 s: the page is shown without it`,
      );
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const server = await startFixtureServer();
  try {
    const url = server.decisionUrl(DEMO_REF);
    const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    if (hasDisplay && !isTruthyEnv(process.env.CI)) await runHeaded(server, url);
    else {
      console.log(`No display${isTruthyEnv(process.env.CI) ? ' (CI)' : ''}: taking screenshots of ${url}`);
      await runHeadless(server, url);
    }
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
