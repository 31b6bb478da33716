/**
 * One harness, two browsers: Debian's Chromium and Debian's Firefox ESR, each with the production
 * build of the extension loaded, each reaching the fixture server at the site's real address,
 * both driven through puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi, which Firefox
 * has built in: no geckodriver and no browser download). Playwright drives only its own patched
 * Firefox, so the cross-browser journeys use this module; the Chromium-only tests keep
 * scripts/browser-harness.ts, which also serves the fixture pages for both.
 *
 * Every request either browser makes to a host other than the site goes through a recording proxy
 * that answers none of them (`strayRequests`): a privacy test can then say "nothing else" in both
 * browsers, and a control request proves the recorder sees what it should.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_SWITCHES, chromiumPath, REPO_ROOT, type FixtureServer } from './browser-harness';
import { findExecutable } from './find-executable';

export const BROWSER_NAMES = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

export const EXTENSION_BUILDS: Record<BrowserName, string> = {
  chromium: join(REPO_ROOT, '.output', 'chrome-mv3'),
  firefox: join(REPO_ROOT, '.output', 'firefox-mv2'),
};

/** The Firefox add-on id (wxt.config.ts), which fixes the extension's moz-extension:// address below. */
const GECKO_ID = 'ombudsman-lens@ombudsman-lens.invalid';

/** Debian's Firefox ESR: the only Firefox this machine can have (no browser downloads). */
export function firefoxPath(): string {
  return findExecutable('FIREFOX_PATH', ['firefox-esr', 'firefox'], "install Debian's package with `apt-get install -y firefox-esr`");
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** The browser's own version string, e.g. `firefox/153.8.0` or `HeadlessChrome/156.0...`. */
  version: string;
  browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Where downloads land. */
  downloadDir: string;
  /** What the browser tried to reach other than the site (CONNECT `host:port` or a URL), in order, less the browser's own background calls. */
  strayRequests: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * Opens one of the extension's pages (`/popup.html`, `/library.html`) in a tab. Firefox fires no
   * load event for a moz-extension:// navigation, so the navigation is started without waiting for
   * one and the page's app is awaited instead.
   */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Files in the download folder once `name` matches one that is complete. */
  waitForDownload(matches: RegExp, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export interface ExtensionBrowserOptions {
  server: FixtureServer;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * Start on this profile directory, left in place by `close()`, so a second launch reads what the
   * first wrote (a restart). By default each launch gets a fresh temporary profile.
   */
  profileDir?: string;
  /** Firefox preferences beside the harness's own, e.g. `javascript.enabled: false` for a viewer with page scripts off. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

/** A forward proxy that records and refuses: nothing but the site's pages leaves either browser. */
async function startRecordingProxy(): Promise<{ port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const proxy: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket) => {
    seen.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}

const SITE_HOSTS = ['www.lgo.org.uk', 'lgo.org.uk'];

/**
 * Hosts the browsers themselves call in the background whatever their switches and preferences
 * (seen here: Chromium's clock, component updates, sign-in and autofill; Firefox's remote settings).
 * Exact names, so nothing an extension could use hides behind them; anything else the proxy sees
 * fails a privacy test. The Chromium-only NetLog test (test/e2e/network-privacy.test.ts) also
 * attributes each request to its initiator.
 */
export const BROWSERS_OWN_HOSTS: Record<BrowserName, readonly string[]> = {
  chromium: [
    'clients2.google.com',
    'update.googleapis.com',
    'accounts.google.com',
    'content-autofill.googleapis.com',
    'redirector.gvt1.com',
    'optimizationguide-pa.googleapis.com',
  ],
  firefox: ['firefox.settings.services.mozilla.com', 'content-signature-2.cdn.mozilla.net', 'firefox-settings-attachments.cdn.mozilla.net'],
};

/** The host of a proxy request line: `host:port` for CONNECT, an absolute URL for plain HTTP. */
function hostOf(target: string): string {
  return /^[a-z]+:\/\//i.test(target) ? new URL(target).hostname : target.replace(/:\d+$/, '');
}

async function launchChromium(options: ExtensionBrowserOptions, proxyPort: number, downloadDir: string): Promise<Browser> {
  const { port } = options.server;
  return puppeteer.launch({
    browser: 'chrome',
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    // Loading an unpacked extension through CDP needs the pipe transport.
    pipe: true,
    enableExtensions: [EXTENSION_BUILDS.chromium],
    defaultViewport: null,
    downloadBehavior: { policy: 'allow', downloadPath: downloadDir },
    ...(options.profileDir && { userDataDir: options.profileDir }),
    args: [
      ...CHROMIUM_SWITCHES,
      `--window-size=${options.viewport?.width ?? 1280},${options.viewport?.height ?? 900}`,
      // The site's hosts reach the fixture server; every other host goes to the recording proxy.
      `--host-resolver-rules=${SITE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      `--proxy-bypass-list=${SITE_HOSTS.join(';')}`,
    ],
  });
}

async function launchFirefox(options: ExtensionBrowserOptions, proxyPort: number, downloadDir: string, uuid: string): Promise<Browser> {
  const { port } = options.server;
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    defaultViewport: null,
    ...(options.profileDir && { userDataDir: options.profileDir }),
    // Firefox 153 opens moz-extension:// pages for a remote client only with this switch.
    args: ['--remote-allow-system-access', `--width=${options.viewport?.width ?? 1280}`, `--height=${options.viewport?.height ?? 900}`],
    extraPrefsFirefox: {
      // The site's hosts resolve to this machine and port 443 goes to the fixture server's port.
      'network.dns.localDomains': SITE_HOSTS.join(','),
      'network.socket.forcePort': `443=${port}`,
      // Every other host goes to the recording proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': SITE_HOSTS.join(','),
      // The extension's address is fixed in advance, so its pages can be opened by address.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // A temporary add-on is uninstalled when Firefox closes; on a kept profile its storage and
      // address must outlive that, as an installed add-on's do across a restart.
      ...(options.profileDir && {
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
      }),
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      ...options.firefoxPrefs,
    },
  });
}

/** A UUID that is always the same for one profile directory. */
function uuidFor(profileDir: string): string {
  const hex = createHash('sha256').update(profileDir).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What `probe` gives once it is truthy, asked every 100 ms; an error saying `failure()` after `timeoutMs`. */
async function pollFor<T>(probe: () => Promise<T | null | false>, timeoutMs: number, failure: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchExtensionBrowser(name: BrowserName, options: ExtensionBrowserOptions): Promise<ExtensionBrowser> {
  const build = EXTENSION_BUILDS[name];
  if (!existsSync(join(build, 'manifest.json')))
    throw new Error(`no built extension at ${build}: run \`npx wxt build${name === 'firefox' ? ' -b firefox' : ''}\``);
  const proxy = await startRecordingProxy();
  const downloadDir = await mkdtemp(join(tmpdir(), `ombudsman-lens-downloads-${name}-`));
  // The same profile keeps the same address, so what the extension stored is found again.
  const uuid = options.profileDir ? uuidFor(options.profileDir) : randomUUID();
  let browser: Browser | undefined;
  try {
    browser =
      name === 'chromium'
        ? await launchChromium(options, proxy.port, downloadDir)
        : await launchFirefox(options, proxy.port, downloadDir, uuid);
    let extensionOrigin: string;
    if (name === 'firefox') {
      // A temporary add-on, as about:debugging loads it; the launch option would not wait for it.
      await browser.installExtension(build);
      extensionOrigin = `moz-extension://${uuid}`;
    } else {
      const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
        timeout: 30_000,
      });
      extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    }
    const launched = browser;
    const defaultViewport = options.viewport ?? { width: 1280, height: 900 };
    const newPage = async (viewport = defaultViewport) => {
      const page = await launched.newPage();
      await page.setViewport(viewport);
      return page;
    };
    return {
      name,
      version: await launched.version(),
      browser: launched,
      extensionOrigin,
      downloadDir,
      get strayRequests() {
        return proxy.seen.filter((target) => !BROWSERS_OWN_HOSTS[name].includes(hostOf(target)));
      },
      newPage,
      async openExtensionPage(path, viewport = defaultViewport) {
        const page = await newPage(viewport);
        void page.goto(`${extensionOrigin}${path}`).catch(() => {
          // Firefox: no load event ever comes for an extension page; the app is awaited below.
        });
        // Polled rather than waitForSelector: while Firefox is still committing the navigation, an
        // evaluation can fail outright (BiDi "unknown error") instead of waiting.
        await pollFor(
          () => page.$('.ol-popup').then(Boolean, () => false),
          20_000,
          () => `${path} did not show the library within 20 s`,
        );
        return page;
      },
      async waitForDownload(matches, timeoutMs = 15_000) {
        let files: string[] = [];
        const done = await pollFor(
          async () => {
            files = await readdir(downloadDir);
            // Both browsers write to a temporary name (.crdownload, .part) and rename when complete.
            const name = files.find((f) => matches.test(f) && !/\.(crdownload|part)$/.test(f));
            return name !== undefined && !files.some((f) => f.startsWith(`${name}.`)) ? name : null;
          },
          timeoutMs,
          () => `no download matching ${matches} in ${downloadDir}: ${files.join(', ') || 'empty'}`,
        );
        return join(downloadDir, done);
      },
      async close() {
        try {
          await launched.close();
        } finally {
          await proxy.close();
          await rm(downloadDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy.close();
    await rm(downloadDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The sidebar's shadow root, which is closed: the page's scripts cannot reach it, and neither can
 * puppeteer's CSS selectors. The test reaches it through the browser's own debugging protocol, which
 * sees every shadow root; nothing in the extension's build helps (no hook, no test-only code). The
 * handle works with `$`, `$eval` and `waitForSelector`, and a `click()` on an element found through it
 * is real input (the browser marks it trusted). After a reload the page has a new root: ask again.
 *
 * Chromium (CDP): `DOM.describeNode` with `pierce` lists the host's shadow roots, closed ones too; the
 * root's backend node is adopted into puppeteer's main world, as its own `::-p-aria` queries do.
 * Firefox (WebDriver BiDi): `script.callFunction` serializes the host with `includeShadowTree: 'all'`,
 * which gives its closed root as a shared reference that later calls can take as an argument.
 * Both reach into puppeteer's handle internals (`realm`, `client`), which its public API does not expose.
 */
export async function closedShadowRoot(host: ElementHandle<Element>): Promise<ElementHandle<ShadowRoot>> {
  const internals = host as unknown as HandleInternals;
  // Only puppeteer's BiDi handles have a WebDriver BiDi remote value.
  if (!internals.remoteValue) {
    // The handle's own CDP session: object ids belong to the session that made them.
    const { node } = (await internals.client!.send('DOM.describeNode', {
      objectId: host.remoteObject().objectId!,
      depth: 1,
      pierce: true,
    })) as { node: { localName: string; shadowRoots?: Array<{ backendNodeId: number }> } };
    const root = node.shadowRoots?.[0];
    if (!root) throw new Error(`<${node.localName}> has no shadow root`);
    return (await internals.realm.adoptBackendNode!(root.backendNodeId)) as ElementHandle<ShadowRoot>;
  }
  const result = await internals.realm.realm!.callFunction('(host) => host', true, {
    arguments: [internals.remoteValue!()],
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const root = result.type === 'success' ? result.result.value?.shadowRoot : undefined;
  if (!root) throw new Error(`the host has no shadow root: ${JSON.stringify(result).slice(0, 300)}`);
  return internals.realm.createHandle!(root) as ElementHandle<ShadowRoot>;
}

/** What `closedShadowRoot` uses of puppeteer's handles beyond the public API, per protocol. */
interface HandleInternals {
  remoteValue?: () => unknown;
  client?: { send(method: string, params: Record<string, unknown>): Promise<unknown> };
  realm: {
    adoptBackendNode?: (backendNodeId: number) => Promise<unknown>;
    createHandle?: (remoteValue: unknown) => unknown;
    realm?: {
      callFunction(
        declaration: string,
        awaitPromise: boolean,
        options: Record<string, unknown>,
      ): Promise<{ type: 'success'; result: { value?: { shadowRoot?: unknown } } } | { type: 'exception' }>;
    };
  };
}

/** The sidebar's shadow root in `page`, once the content script has added its host. */
export async function sidebarRoot(page: Page, timeoutMs = 15_000): Promise<ElementHandle<ShadowRoot>> {
  const host = await page.waitForSelector('ombudsman-lens', { timeout: timeoutMs });
  if (!host) throw new Error('no sidebar host in the page');
  try {
    return await closedShadowRoot(host);
  } finally {
    await host.dispose();
  }
}
