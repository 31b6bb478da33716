/**
 * "No network requests": every request made while the extension reads decisions, marks and saves
 * them, marks saved links on a listing, and the popup lists, filters, compares, exports (CSV,
 * Zotero, JSON backup), shows a saved copy, deletes and imports, is recorded three ways:
 *
 * - Playwright's context `request` event: every page, the popup page and the extension's service
 *   worker (playwright-core 1.65 reports service-worker requests by default; setting
 *   PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK would turn that off, and the control test would fail);
 * - the fixture server's own log of what reached it;
 * - Chromium's NetLog (`--log-net-log`), the network stack itself, which also sees what happens
 *   before Playwright attaches; its requests are attributed by initiator (the page's or our
 *   extension's origin; Chromium's own background requests have none and are left out).
 *
 * Only the pages' own documents (and favicon) and our extension's own files may appear. Every host
 * except the fixture site resolves to nothing (`MAP * ~NOTFOUND`), so nothing can leave the machine
 * even if something tried; the control test makes such requests on purpose from the page, the
 * sidebar's shadow root, the popup and the service worker, and checks that all three recorders
 * see them, so the journey's "nothing else" can fail.
 *
 * The browser comes from the harness with every other host resolving to nothing and the NetLog on.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inSidebar,
  reachSidebar,
  DEFAULT_EXTENSION_PATH,
  launchWithExtension,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../../scripts/browser-harness';

const CONTROL = 'ombudsman-lens-network-control';

interface Seen {
  phase: 'journey' | 'save-all' | 'control';
  by: 'page' | 'service worker';
  type: string;
  url: string;
}

let server: FixtureServer;
let browser: LaunchedBrowser;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let workDir: string;
let netLogPath: string;
let phase: Seen['phase'] = 'journey';
const seen: Seen[] = [];
const failed = new Map<string, string>();
/** Every address the test itself navigated to: the pages' own documents. */
const navigated = new Set<string>();
/** The decision pages the save-all bar fetched after its click (hand-read from test/fixtures/search-results.html). */
const SEARCH_PATH = '/Decisions/SearchResults?SearchTerm=section+47&FromDate=&ToDate=';
const SAVE_ALL_FETCHES = [
  '/decisions/children-s-care-services/child-protection/23-017-456',
  '/decisions/education/school-transport/23-004-519',
  '/decisions/children-s-care-services/child-protection/19-015-077',
];

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_EXTENSION_PATH, 'manifest.json'))) throw new Error(`no built extension at ${DEFAULT_EXTENSION_PATH}`);
  server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  workDir = mkdtempSync(join(tmpdir(), 'ombudsman-lens-network-'));
  netLogPath = join(workDir, 'netlog.json');
  browser = await launchWithExtension({
    server,
    profileDir: join(workDir, 'profile'),
    // The fixture site is served locally; every other host name resolves to nothing.
    blockOtherHosts: true,
    extraArgs: [`--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'],
  });
  context = browser.context;
  context.on('request', (r: Request) => {
    seen.push({ phase, by: r.serviceWorker() ? 'service worker' : 'page', type: r.resourceType(), url: r.url() });
  });
  context.on('requestfailed', (r: Request) => failed.set(r.url(), r.failure()?.errorText ?? ''));
  worker = browser.serviceWorker;
  extensionId = browser.extensionId;
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function goto(page: Page, url: string): Promise<void> {
  navigated.add(url);
  await page.goto(url);
}

async function openDecision(ref: string): Promise<Page> {
  const page = await context.newPage();
  await goto(page, server.decisionUrl(ref));
  await reachSidebar(page);
  await inSidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

async function save(page: Page): Promise<void> {
  const aside = inSidebar(page);
  await aside.getByRole('button', { name: 'Save', exact: true }).click();
  await aside
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 });
}

/** Requests a page may make: its own documents (those the test navigated to) and our extension's files. */
function allowed(s: Seen): boolean {
  if (s.url.startsWith(`chrome-extension://${extensionId}/`) || s.url.startsWith(`blob:chrome-extension://${extensionId}/`)) return true;
  return s.by === 'page' && s.type === 'document' && navigated.has(s.url);
}

/** Chromium's NetLog: each network request's address and initiator (whole file, or as far as it was written). */
function readNetLog(): { url: string; initiator: string }[] {
  let raw = readFileSync(netLogPath, 'utf8').trim();
  // A browser that did not exit cleanly leaves the events array unterminated.
  if (!raw.endsWith('}')) raw = `${raw.replace(/,\s*$/, '')}]}`;
  const log = JSON.parse(raw) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && e.params?.url)
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
}

describe('network privacy', () => {
  it('reading, saving, the popup, comparing, exporting and importing make no request but the pages’ own', async () => {
    phase = 'journey';
    const first = await openDecision('18-009-360');
    const aside = inSidebar(first);
    await aside.getByRole('button', { name: 'Mark in text' }).click();
    await aside
      .getByRole('button', { name: /^Show paragraph \d+ in the decision text$/ })
      .first()
      .click();
    await save(first);

    const second = await openDecision('20-003-139');
    await save(second);
    const aside2 = inSidebar(second);
    await aside2.locator('summary', { hasText: 'Tags and note' }).click();
    await aside2.getByLabel('Tags (comma separated)').fill('network test');
    await aside2.getByLabel('Note').fill('A note that must stay on this machine.');
    await aside2.getByRole('button', { name: 'Save tags and note' }).click();
    await aside2.getByText('Saved.').waitFor();

    const listing = await context.newPage();
    await goto(listing, `${server.origin}/decisions/children-s-care-services/child-protection?page=2`);
    await expect.poll(() => listing.locator('ombudsman-lens-saved').count(), { timeout: 10_000 }).toBe(2);

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 800, height: 620 });
    await goto(popup, `chrome-extension://${extensionId}/popup.html`);
    await popup.getByText('2 saved cases', { exact: true }).waitFor({ timeout: 10_000 });
    // The first rows show while the whole library is read; wait for the whole of it.
    await popup.getByText(/^Reading all/).waitFor({ state: 'detached' });
    await popup.getByLabel('Search').fill('network test');
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(1);
    await popup.getByLabel('Search').fill('');
    await expect.poll(() => popup.locator('li.ol-case').count()).toBe(2);
    await popup.getByLabel('Select 18 009 360 for comparison').check();
    await popup.getByLabel('Select 20 003 139 for comparison').check();
    await popup.getByRole('button', { name: 'Compare (2)' }).click();
    await popup.getByRole('region', { name: 'Comparison table' }).waitFor();
    await popup.getByRole('button', { name: 'Figures' }).click();
    await popup.getByRole('button', { name: 'List', exact: true }).click();

    const downloads: string[] = [];
    for (const name of [/^Export CSV/, /^Export for Zotero/]) {
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name }).click()]);
      downloads.push((await download.path())!);
    }
    await popup.getByRole('button', { name: 'Saved copy of 18 009 360' }).click();
    await popup.locator('article.ol-copy-view').getByText('Pay Mr C £500', { exact: false }).first().waitFor();
    await popup.getByRole('button', { name: /Back to list/ }).click();

    // Backups are exported and imported in the library page, in a tab.
    const library = await context.newPage();
    await library.setViewportSize({ width: 1100, height: 800 });
    const [backup] = await Promise.all([
      library.waitForEvent('download'),
      goto(library, `chrome-extension://${extensionId}/library.html#export-backup`),
    ]);
    const backupPath = (await backup.path())!;
    expect(readFileSync(backupPath, 'utf8').trimEnd().split('\n')).toHaveLength(4); // header, two cases, end
    await library.getByRole('button', { name: 'Delete 20 003 139' }).click();
    await expect.poll(() => library.locator('li.ol-case').count()).toBe(1);
    await library.locator('input[type=file]').setInputFiles(backupPath);
    await library.getByText(/Imported: 1 case added/).waitFor({ timeout: 10_000 });
    await expect.poll(() => library.locator('li.ol-case').count()).toBe(2);

    // A later visit asks the library for the saved state.
    await first.reload();
    await reachSidebar(first);
    await aside
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 10_000 });

    const journey = seen.filter((s) => s.phase === 'journey');
    // The recorder did record: the documents and the popup's own files are there.
    expect(journey.some((s) => s.url === server.decisionUrl('18-009-360') && s.type === 'document')).toBe(true);
    expect(journey.some((s) => s.url.startsWith(`chrome-extension://${extensionId}/`) && s.type === 'script')).toBe(true);
    expect(journey.filter((s) => !allowed(s))).toEqual([]);
    expect(journey.filter((s) => s.by === 'service worker')).toEqual([]);
    // What reached the site: the pages navigated to, and the favicon Chromium itself asks for.
    const ownPaths = new Set([...navigated].filter((u) => u.startsWith(server.origin)).map((u) => u.slice(server.origin.length)));
    expect(server.requests.filter((path) => !ownPaths.has(path) && path !== '/favicon.ico')).toEqual([]);

    for (const page of [first, second, listing, popup, library]) await page.close();
  });

  it('the save-all bar: no request until the person clicks it, then only the listed decision pages on the site', async () => {
    phase = 'save-all';
    const page = await context.newPage();
    const searchUrl = `${server.origin}${SEARCH_PATH}`;
    await goto(page, searchUrl);
    // The bar's shadow root is closed, as the sidebar's is: the harness reaches it.
    await reachSidebar(page, 15_000, 'ombudsman-lens-save-all');
    const bar = inSidebar(page, 'section.ol-save-all');
    // Five results, two of them saved in the journey above.
    const start = bar.getByRole('button', { name: 'Save the 3 decisions on this page' });
    await start.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    const beforeClick = seen.filter((s) => s.phase === 'save-all');
    expect(beforeClick.filter((s) => !allowed(s))).toEqual([]);
    const clickedAt = server.requests.length;
    const sawBeforeClick = seen.length;
    await start.click();
    await bar.getByText(/^Saved 2 decisions\. 2 already in your library\. 1 could not be saved:$/).waitFor({ timeout: 15_000 });
    // What reached the site after the click: each listed decision not yet saved, once.
    expect(server.requests.slice(clickedAt).sort()).toEqual([...SAVE_ALL_FETCHES].sort());
    // What the browser made after the click: those fetches from the page (the content script), nothing from the worker.
    expect(
      seen
        .slice(sawBeforeClick)
        .map((s) => `${s.by} ${s.type} ${s.url}`)
        .sort(),
    ).toEqual(SAVE_ALL_FETCHES.map((path) => `page fetch ${server.origin}${path}`).sort());
    await page.close();
  });

  it('control: requests from the page, the sidebar’s shadow root, the popup and the service worker are seen, and cannot leave the machine', async () => {
    phase = 'control';
    const page = await openDecision('23-017-456');
    const foreign = (where: string) => `https://example.com/${CONTROL}/${where}`;
    const sameSite = `${server.origin}/${CONTROL}/same-site`;

    await page.evaluate((url) => fetch(url).catch(() => null), foreign('page'));
    await page.evaluate((url) => fetch(url).catch(() => null), sameSite);
    await inSidebar(page).evaluate((aside, url) => {
      const img = document.createElement('img');
      img.src = url;
      aside.getRootNode().appendChild(img);
    }, foreign('sidebar-image'));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.evaluate((url) => fetch(url).catch(() => null), foreign('popup'));
    await worker.evaluate(
      (url) =>
        fetch(url).then(
          () => null,
          () => null,
        ),
      foreign('service-worker'),
    );

    await expect
      .poll(() =>
        seen
          .filter((s) => s.phase === 'control' && s.url.includes(CONTROL))
          .map((s) => `${s.by} ${s.type} ${s.url}`)
          .sort(),
      )
      .toEqual(
        [
          `page fetch ${foreign('page')}`,
          `page fetch ${foreign('popup')}`,
          `page fetch ${sameSite}`,
          `page image ${foreign('sidebar-image')}`,
          `service worker fetch ${foreign('service-worker')}`,
        ].sort(),
      );
    // The resolver rule is in force: foreign hosts do not resolve, so nothing reached the internet.
    await expect
      .poll(() => ['page', 'sidebar-image', 'popup', 'service-worker'].map((w) => failed.get(foreign(w))))
      .toEqual(Array(4).fill('net::ERR_NAME_NOT_RESOLVED'));
    // The fixture server saw the same-site one, so its log can catch a request to the site itself.
    expect(server.requests).toContain(`/${CONTROL}/same-site`);
    await page.close();
    await popup.close();
  });

  // Reads what the two tests above did: run the file as a whole.
  it('Chromium’s NetLog agrees: nothing initiated by the pages or the extension went anywhere but the site, except the controls', async () => {
    // The NetLog is complete once the browser has exited.
    await context.close();
    const ours = readNetLog().filter((r) => r.initiator === server.origin || r.initiator === `chrome-extension://${extensionId}`);
    const controls = ours.filter((r) => r.url.includes(CONTROL));
    expect(controls.map((r) => `${r.initiator} ${r.url}`).sort()).toEqual(
      [
        `${server.origin} https://example.com/${CONTROL}/page`,
        `${server.origin} ${server.origin}/${CONTROL}/same-site`,
        `${server.origin} https://example.com/${CONTROL}/sidebar-image`,
        `chrome-extension://${extensionId} https://example.com/${CONTROL}/popup`,
        `chrome-extension://${extensionId} https://example.com/${CONTROL}/service-worker`,
      ].sort(),
    );
    expect(ours.filter((r) => !r.url.includes(CONTROL) && !r.url.startsWith(`${server.origin}/`))).toEqual([]);
    // The save-all bar's requests are there, made from the page's origin (the content script), to the site.
    for (const path of SAVE_ALL_FETCHES) expect(ours).toContainEqual({ url: `${server.origin}${path}`, initiator: server.origin });
    // Nothing the extension initiated reached the network at all, apart from the two controls.
    expect(ours.filter((r) => r.initiator.startsWith('chrome-extension://') && !r.url.includes(CONTROL))).toEqual([]);
  });
});
