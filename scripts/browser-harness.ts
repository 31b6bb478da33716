/**
 * Real-browser harness shared by the e2e tests, the demo and benchmarks.
 *
 * The content script only matches www.lgo.org.uk / lgo.org.uk, so instead of pointing it at a
 * fake host we serve the fixtures over HTTPS on 127.0.0.1 and tell Chromium to resolve the real
 * hosts there (`--host-resolver-rules`). The page's URL stays the production one, so match
 * patterns, `location` and the page origin's storage behave as they do on the live site.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, selectors, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { findExecutable } from './find-executable';

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_EXTENSION_PATH = join(REPO_ROOT, '.output', 'chrome-mv3');
/**
 * Where the real-browser tests save what a person sees: under .output/, so a test run leaves the
 * work tree clean. `npm run screenshots` copies the README's pictures from here to docs/screenshots/.
 */
export const SCREENSHOT_DIR = join(REPO_ROOT, '.output', 'screenshots');
export const SITE_ORIGIN = 'https://www.lgo.org.uk' as const;
export const SEED_REFS = ['19-015-077', '23-020-284', '20-003-139', '18-009-360', '23-017-456'] as const;

/** Where the fixture server puts the seed decisions (a real topic listing's path). */
export const DECISIONS_PATH = '/decisions/children-s-care-services/child-protection';
const CERT_HOSTS = ['www.lgo.org.uk', 'lgo.org.uk'] as const;

export interface FixtureServer {
  port: number;
  origin: typeof SITE_ORIGIN;
  /** The seed's address on the live site; the browser from `launchWithExtension` resolves it here. */
  decisionUrl(ref: string): string;
  /**
   * Serves `html` at `path`. A path without a query string matches whatever query a request has; one
   * with a query string (`/decisions/x?page=3`, result pages) matches only that exact request, first.
   */
  addRoute(path: string, html: string): void;
  /** Every request's path and query string, in order, so privacy tests can see what was fetched. */
  requests: string[];
  close(): Promise<void>;
}

const execFileAsync = promisify(execFile);

async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  // Generated per run and deleted straight away: a committed key, even a throwaway one, gets copied.
  const dir = await mkdtemp(join(tmpdir(), 'ombudsman-lens-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    await execFileAsync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${CERT_HOSTS[0]}`,
        '-addext',
        `subjectAltName=${CERT_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { timeout: 30_000 },
    ).catch((error: unknown) => {
      throw new Error(`could not create a test certificate with openssl (apt-get install -y openssl): ${String(error)}`);
    });
    return { key: await readFile(keyPath), cert: await readFile(certPath) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function normalisePath(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0] ?? '/';
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>' +
  '<body><h1>Page not found</h1><p>This fixture server has no page at this address.</p></body></html>';

export async function startFixtureServer(options: { port?: number } = {}): Promise<FixtureServer> {
  const [credentials, ...pages] = await Promise.all([
    selfSignedCertificate(),
    ...SEED_REFS.map((ref) => readFile(join(REPO_ROOT, 'seeds', `${ref}.html`), 'utf8')),
    readFile(join(REPO_ROOT, 'test', 'fixtures', 'listing.html'), 'utf8'),
    readFile(join(REPO_ROOT, 'test', 'fixtures', 'search-results.html'), 'utf8'),
    readFile(join(REPO_ROOT, 'test', 'fixtures', 'not-a-decision.html'), 'utf8'),
  ]);
  const [listing, searchResults, notADecision] = pages.slice(SEED_REFS.length) as [string, string, string];

  const routes = new Map<string, string>();
  SEED_REFS.forEach((ref, i) => routes.set(`${DECISIONS_PATH}/${ref}`, pages[i] as string));
  routes.set(DECISIONS_PATH, listing);
  routes.set('/Decisions/SearchResults', searchResults);
  routes.set('/how-to-complain', notADecision);

  const exactRoutes = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer(credentials, (req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const page = exactRoutes.get(url) ?? routes.get(normalisePath(url));
    const status = req.method !== 'GET' && req.method !== 'HEAD' ? 405 : page === undefined ? 404 : 200;
    const body = status === 200 ? (page as string) : status === 404 ? NOT_FOUND_HTML : '';
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      // Each test run must see the markup as it is now, not a copy cached by an earlier route.
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    origin: SITE_ORIGIN,
    decisionUrl: (ref) => `${SITE_ORIGIN}${DECISIONS_PATH}/${ref}`,
    addRoute: (path, html) => {
      if (path.includes('?')) exactRoutes.set(path, html);
      else routes.set(normalisePath(path), html);
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Chromium keeps connections alive; without this close() waits for their idle timeout.
        server.closeAllConnections();
      }),
  };
}

/**
 * Chromium as the tests need it here: as root (no sandbox), no first-run page, none of its own
 * background traffic (this machine's closed network refuses it, many connections at a time), no GPU.
 */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
] as const;

/** Debian's Chromium: a browser Playwright downloads would need network access CI does not have. */
export function chromiumPath(): string {
  return findExecutable('CHROMIUM_PATH', ['chromium'], "install Debian's package with `apt-get install -y chromium`");
}

export interface LaunchOptions {
  server: FixtureServer;
  headless?: boolean;
  extensionPath?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /**
   * Start Chromium on this existing profile (e.g. to reopen what an earlier run
   * wrote); it is then left in place by `close()`. By default a fresh temporary
   * profile is made and removed.
   */
  profileDir?: string;
  /** Resolve every host but the site's to nothing, so no request can leave the machine (privacy tests). */
  blockOtherHosts?: boolean;
  /** More Chromium switches, e.g. `--log-net-log=<file>`. */
  extraArgs?: string[];
  /** Developer mode on, as for anyone who loads an unpacked extension by hand (see `writeDeveloperMode`). */
  developerMode?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Chromium's profile directory (removed by `close()` unless passed in): benchmarks read the size of the
   * extension origin's IndexedDB files in it after closing `context`.
   */
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Turns on Developer mode in a Chromium profile before launch, through the profile's own
 * preferences file (`extensions.ui.developer_mode`): the same setting the toggle in
 * chrome://extensions writes, without reading that page's markup, which changes between versions
 * (Chromium 156 made the toggle a `role="switch"`). Existing preferences are kept.
 */
export async function writeDeveloperMode(profileDir: string): Promise<void> {
  const path = join(profileDir, 'Default', 'Preferences');
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    // A new profile has no preferences yet.
  }
  const extensions = (prefs.extensions ?? {}) as Record<string, unknown>;
  const ui = (extensions.ui ?? {}) as Record<string, unknown>;
  prefs.extensions = { ...extensions, ui: { ...ui, developer_mode: true } };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(prefs));
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  await registerSidebarEngine();
  const extensionPath = options.extensionPath ?? DEFAULT_EXTENSION_PATH;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionPath}: run \`npx wxt build\` first`);
  }
  const { port } = options.server;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'ombudsman-lens-profile-')));
  const removeProfile = async () => {
    if (options.profileDir === undefined) await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  let context: BrowserContext | undefined;
  try {
    if (options.developerMode) await writeDeveloperMode(profileDir);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: options.headless ?? true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      timeout: 60_000,
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        ...CHROMIUM_SWITCHES,
        // The port in the rule replaces 443, so https://www.lgo.org.uk/... reaches the fixture server.
        `--host-resolver-rules=MAP www.lgo.org.uk 127.0.0.1:${port}, MAP lgo.org.uk 127.0.0.1:${port}${options.blockOtherHosts ? ', MAP * ~NOTFOUND' : ''}`,
        '--ignore-certificate-errors',
        ...(options.extraArgs ?? []),
      ],
    });
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }).catch(() => {
        throw new Error(
          `the extension's background service worker did not start within 30 s (is ${extensionPath} a valid MV3 build with a background entrypoint?)`,
        );
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    const launched = context;
    return {
      context: launched,
      extensionId,
      serviceWorker,
      profileDir,
      close: async () => {
        try {
          await launched.close();
        } finally {
          await removeProfile();
        }
      },
    };
  } catch (error) {
    try {
      await context?.close();
    } finally {
      await removeProfile();
    }
    throw error;
  }
}

/** Production build to .output/chrome-mv3 (or firefox-mv2): the tests must exercise what users install. */
export function buildExtension(target: 'chrome' | 'firefox' = 'chrome'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build', '-b', target], {
      cwd: REPO_ROOT,
      // Vitest sets NODE_ENV=test, and Vite then keeps development code in the bundles (the
      // content script was 124 KB instead of 115 KB): tests must load what users install.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run npx wxt build -b ${target}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npx wxt build -b ${target} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/**
 * The sidebar's shadow root is closed, so Playwright's selectors, which pierce open roots only, do not
 * see into it. `sidebar(page)` reaches it through Chromium's debugging protocol: `DOM.describeNode` with
 * `pierce` gives the host's closed root, which is resolved into Playwright's utility world (an
 * isolated world of Playwright's own, where its selector engines run and the page's scripts cannot
 * look) and kept there; the `lens-sidebar=` engine below queries inside it. Nothing of the
 * extension's build helps. Locators found this way click by real input. After a reload or a
 * navigation the page has a new root: call `reachSidebar(page)` again. Playwright runs a few
 * methods (`allTextContents`, `evaluateAll`) in the page's main world, where the root is not kept:
 * read many elements with one `evaluate` on a common ancestor instead.
 */
const ROOT_GLOBAL = '__olSidebarRoot';
let engineRegistered: Promise<void> | null = null;

function registerSidebarEngine(): Promise<void> {
  engineRegistered ??= selectors.register(
    'lens-sidebar',
    `({
      query(scope, selector) { return this.queryAll(scope, selector)[0] ?? null; },
      queryAll(scope, selector) {
        const root = globalThis[${JSON.stringify(ROOT_GLOBAL)}];
        if (!root || !root.isConnected) return [];
        return [...root.querySelectorAll(selector)];
      },
    })`,
    { contentScript: true },
  );
  return engineRegistered;
}

/** Elements inside the sidebar's closed shadow root (once `reachSidebar(page)` has found it), as a locator. */
export function inSidebar(page: Page, selector = 'aside.ol-sidebar'): Locator {
  return page.locator(`lens-sidebar=${selector}`);
}

/**
 * Finds the sidebar's closed shadow root in `page` for `inSidebar`, waiting for its host to be added.
 * `host` names another host of ours made the same way (the save-all bar's, on listing pages).
 */
export async function reachSidebar(page: Page, timeoutMs = 15_000, host = 'ombudsman-lens'): Promise<void> {
  await registerSidebarEngine();
  // Also makes Playwright create its utility world in this document, if it had not yet.
  await page.locator(host).waitFor({ state: 'attached', timeout: timeoutMs });
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; name: string; auxData?: { frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const utility = contexts.findLast((c) => c.name.startsWith('__playwright_utility_world_') && c.auxData?.frameId === frameTree.frame.id);
    if (!utility) throw new Error("Playwright's utility world was not found in the page");
    const { result: element } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(host)})`,
      contextId: utility.id,
    });
    const { node } = await cdp.send('DOM.describeNode', { objectId: element.objectId!, depth: 1, pierce: true });
    const root = node.shadowRoots?.[0];
    if (!root) throw new Error(`<${host}> has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId, executionContextId: utility.id });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () { globalThis[${JSON.stringify(ROOT_GLOBAL)}] = this; }`,
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}
