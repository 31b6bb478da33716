/**
 * Opens a seed decision at its real address in Chromium or Firefox with the built extension.
 * With a display: a browser window to try the sidebar in. Without one (CI, SSH): screenshots, so
 * there is still something to look at.
 * Run through `node scripts/demo.mjs [--browser chromium|firefox]`, which installs and builds first.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ElementHandle, Page } from 'puppeteer-core';
import { REPO_ROOT, startFixtureServer, type FixtureServer } from './browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type BrowserName } from './extension-browsers';

const DEMO_REF = '18-009-360';
const VIEWPORT = { width: 1280, height: 900 };

function isTruthyEnv(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

async function runHeaded(name: BrowserName, server: FixtureServer, url: string): Promise<void> {
  const lens = await launchExtensionBrowser(name, { server, headless: false, viewport: VIEWPORT });
  try {
    const closed = new Promise<void>((resolve) => lens.browser.once('disconnected', () => resolve()));
    const page = await lens.newPage();
    await page.goto(url, { timeout: 30_000 });
    console.log(`Opened ${url} in ${lens.version}`);
    console.log('close the browser window to stop');
    // Ctrl-C should tear the browser down through the finally below, not orphan it.
    const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await Promise.race([closed, interrupted]);
  } finally {
    await lens.close().catch(() => {});
  }
}

/** Waits for the sidebar to have drawn its findings and for its transitions to end; its closed root, or null if it never appeared. */
async function waitForSidebar(page: Page): Promise<ElementHandle<ShadowRoot> | null> {
  try {
    const root = await sidebarRoot(page);
    await root.waitForSelector('section[data-section="faults"] .ol-count', { timeout: 15_000 });
    // The picture should show the resting state, not an opening transition.
    await root.evaluate((r) => Promise.all(r.getAnimations().map((a) => a.finished)));
    return root;
  } catch {
    return null;
  }
}

async function runHeadless(name: BrowserName, server: FixtureServer, url: string): Promise<void> {
  const outDir = join(REPO_ROOT, '.output', 'demo', name);
  await mkdir(outDir, { recursive: true });
  const lens = await launchExtensionBrowser(name, { server, headless: true, viewport: VIEWPORT });
  try {
    const page = await lens.newPage();
    await page.goto(url, { timeout: 30_000 });
    const root = await waitForSidebar(page);
    const appeared = root !== null;
    const sidebar = join(outDir, 'sidebar.png');
    await page.screenshot({ path: sidebar });
    console.log(
      appeared
        ? `Saved ${sidebar} (${lens.version})`
        : `Saved ${sidebar}, but the sidebar did not appear within 15 s: the page is shown without it`,
    );

    // The library as the toolbar button shows it, after saving this decision.
    // A real click: the sidebar ignores clicks made by scripts.
    const save = await root?.$('button.ol-primary');
    if (save) {
      await save.click();
      await root!.waitForSelector('[role="status"].ol-saved', { timeout: 10_000 }).catch(() => undefined);
    }
    const popup = await lens.openExtensionPage('/popup.html', { width: 800, height: 600 });
    await popup.waitForSelector('li.ol-case', { timeout: 10_000 }).catch(() => undefined);
    const library = join(outDir, 'popup.png');
    await popup.screenshot({ path: library });
    console.log(`Saved ${library}`);
  } finally {
    await lens.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { browser: { type: 'string', default: 'chromium' } } });
  const name = values.browser as BrowserName;
  if (!BROWSER_NAMES.includes(name)) throw new Error(`--browser must be one of ${BROWSER_NAMES.join(', ')}, not ${values.browser}`);
  const server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  try {
    const url = server.decisionUrl(DEMO_REF);
    const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    if (hasDisplay && !isTruthyEnv(process.env.CI)) await runHeaded(name, server, url);
    else {
      console.log(`No display${isTruthyEnv(process.env.CI) ? ' (CI)' : ''}: taking screenshots of ${url} in ${name}`);
      await runHeadless(name, server, url);
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
