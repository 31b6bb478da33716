/**
 * A hostile decision page (test/fixtures/hostile-decision.html): markup and script written as text
 * in its decision, a fault and a remedy sentence that carry them into the sidebar, a javascript:
 * link, and page CSS aimed at the sidebar. The extension must show the markup as the characters it
 * is, run none of it, stay visible and styled, and keep it literal through save, popup and CSV.
 *
 * Every payload sets `data-lens-pwned` on <html> (shared by the page's main world and the content
 * script's isolated world) and `window.__lensPwned` (main world, where inline handlers and script
 * elements run whoever inserted them). The first test shows that the payloads do set them when the
 * same text is rendered as HTML, so the "never set" checks can fail.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inSidebar,
  launchWithExtension,
  reachSidebar,
  REPO_ROOT,
  SCREENSHOT_DIR,
  startFixtureServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../../scripts/browser-harness';

const HOSTILE_PATH = '/decisions/children-s-care-services/child-protection/23-999-001';
const IMG_TEXT = '<img src=x onerror=';
const FAULT_PAYLOAD = `<img src=x onerror="window.__lensPwned=1;document.documentElement.dataset.lensPwned='fault'">`;
const REMEDY_PAYLOAD = `<script>window.__lensPwned=1;document.documentElement.dataset.lensPwned='remedy'</script>`;
const SUMMARY_PAYLOAD = `<img src=x onerror="window.__lensPwned=1;document.documentElement.dataset.lensPwned='summary'">`;
const COMPLAINT_PAYLOAD = `<img src=x onerror="window.__lensPwned=1;document.documentElement.dataset.lensPwned='complaint'">`;

let server: FixtureServer;
let browser: LaunchedBrowser;
let context: BrowserContext;
let hostileUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await startFixtureServer();
  server.addRoute('/favicon.ico', '');
  server.addRoute(HOSTILE_PATH, readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'hostile-decision.html'), 'utf8'));
  hostileUrl = `${server.origin}${HOSTILE_PATH}`;
  browser = await launchWithExtension({ server });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Page errors, console errors and warnings, and CSP violations (an inline handler or script refused) of a page. */
async function watch(page: Page, name: string): Promise<void> {
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${name}: console.${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function openDecision(url: string, { watchErrors = true } = {}): Promise<Page> {
  const page = await context.newPage();
  if (watchErrors) await watch(page, url);
  await page.goto(url);
  await reachSidebar(page);
  await sidebar(page).waitFor({ timeout: 15_000 });
  return page;
}

/** The sidebar, in its closed shadow root (reached by the harness, not by the page). */
function sidebar(page: Page) {
  return inSidebar(page);
}

const pwned = (page: Page) =>
  page.evaluate(() => ({
    attribute: document.documentElement.dataset.lensPwned ?? null,
    global: (window as unknown as { __lensPwned?: unknown }).__lensPwned ?? null,
  }));

describe('a hostile decision page', () => {
  it('control: its payloads run when the sidebar’s own text is rendered as HTML', async () => {
    // Not watched for errors: the image this control renders is meant to fail to load.
    const page = await openDecision(hostileUrl, { watchErrors: false });
    const faultText = await sidebar(page).locator('.ol-fault .ol-quote').filter({ hasText: IMG_TEXT }).textContent();
    const remedyText = await sidebar(page).locator('.ol-remedy .ol-quote').filter({ hasText: '<script>' }).textContent();
    expect(faultText).toContain(FAULT_PAYLOAD);
    expect(remedyText).toContain(REMEDY_PAYLOAD);
    expect(await pwned(page)).toEqual({ attribute: null, global: null });

    // innerHTML into a shadow root, as a careless sidebar would: the image's onerror fires.
    await page.evaluate((html) => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = html;
      document.body.append(host);
    }, faultText!);
    await expect.poll(() => pwned(page)).toEqual({ attribute: 'fault', global: 1 });
    // ...and its image was fetched: the request check below can fail too.
    await expect.poll(() => server.requests.filter((path) => /\/x(?:[?#]|$)/.test(path)).length).toBe(1);

    // A fragment parsed from the remedy's text runs its script when inserted.
    await page.evaluate(() => {
      delete document.documentElement.dataset.lensPwned;
      delete (window as unknown as { __lensPwned?: unknown }).__lensPwned;
    });
    await page.evaluate((html) => document.body.append(document.createRange().createContextualFragment(html)), remedyText!);
    await expect.poll(() => pwned(page)).toEqual({ attribute: 'remedy', global: 1 });
    await page.close();
  });

  it('shows the markup in the sidebar as text, runs none of it, and the page’s CSS cannot hide or restyle it', async () => {
    const requestsBefore = server.requests.length;
    const page = await openDecision(hostileUrl);
    const aside = sidebar(page);

    // The page's hostile CSS is in force on the page itself (so it could have reached the sidebar).
    expect(
      await page.evaluate(() => [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('h1')!).fontStyle,
      ]),
    ).toEqual(['rgb(255, 243, 160)', 'italic']);
    expect(await page.locator('a[href^="javascript:"]').textContent()).toBe('section 47 of the Children Act 1989');

    // Literal text, visible, in the fault, the remedy and (once unfolded) the point of complaint.
    expect(await aside.locator('.ol-ref').textContent()).toBe('23 999 001');
    const fault = aside.locator('.ol-fault .ol-quote').filter({ hasText: IMG_TEXT });
    expect(await fault.isVisible()).toBe(true);
    expect(await fault.textContent()).toContain(FAULT_PAYLOAD);
    const remedy = aside.locator('.ol-remedy .ol-quote').filter({ hasText: REMEDY_PAYLOAD });
    expect(await remedy.isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-hostile-page.png') });
    await aside.getByRole('button', { name: /Points of complaint/ }).click();
    expect(await aside.locator('.ol-complaint').filter({ hasText: COMPLAINT_PAYLOAD }).isVisible()).toBe(true);

    // Nothing was parsed out of that text: no elements, no handlers, and links only to legislation.gov.uk.
    const parsed = await aside.evaluate((el) => {
      const root = el.getRootNode() as ShadowRoot;
      return {
        elements: root.querySelectorAll('img, script, iframe, object, embed, svg, [onerror], [onload], [onclick]').length,
        hrefs: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      };
    });
    expect(parsed.elements).toBe(0);
    expect(parsed.hrefs.length).toBeGreaterThan(0);
    for (const href of parsed.hrefs) expect(href).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);

    // Going to the sentence and marking the text work on it, and leave the page's markup alone.
    const before = await page.evaluate(() => document.getElementById('article')!.innerHTML);
    await aside.getByRole('button', { name: 'Show paragraph 61 in the decision text' }).first().click();
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('ombudsman-lens-focus') ?? [])].map((r) => r.toString())))
      .toEqual([await fault.textContent()]);
    await aside.getByRole('button', { name: 'Mark in text' }).click();
    expect(await page.evaluate(() => [...(CSS.highlights.get('ombudsman-lens-fault') ?? [])].length)).toBe(3);
    expect(await page.evaluate(() => document.getElementById('article')!.innerHTML)).toBe(before);
    await aside.getByRole('button', { name: 'Hide marks in text' }).click();

    // Visible and styled exactly as on an ordinary page, whatever the page's CSS says.
    const styleOf = (p: Page) =>
      sidebar(p).evaluate((el) => {
        const pick = (e: Element) => {
          const cs = getComputedStyle(e);
          return [
            cs.display,
            cs.visibility,
            cs.opacity,
            cs.backgroundColor,
            cs.color,
            cs.fontFamily,
            cs.fontSize,
            cs.fontStyle,
            cs.letterSpacing,
          ].join('|');
        };
        const r = el.getBoundingClientRect();
        return {
          box: [r.left, r.top, r.width],
          aside: pick(el),
          button: pick(el.querySelector('.ol-button')!),
          host: pick(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : el),
        };
      });
    const plain = await openDecision(server.decisionUrl('23-017-456'));
    const expected = await styleOf(plain);
    await plain.close();
    expect(await aside.isVisible()).toBe(true);
    expect(await styleOf(page)).toEqual(expected);
    expect(expected.box).toEqual([1280 - 380, 0, 380]);

    // None of the payloads ran, and no image in them was ever fetched.
    expect(await pwned(page)).toEqual({ attribute: null, global: null });
    expect(server.requests.slice(requestsBefore).filter((path) => /\/x(?:[?#]|$)/.test(path))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('saved, listed, compared, read back and exported as CSV, the markup stays text', async () => {
    for (const url of [hostileUrl, server.decisionUrl('23-017-456')]) {
      const page = await openDecision(url);
      await sidebar(page).getByRole('button', { name: 'Save', exact: true }).click();
      await sidebar(page)
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor({ timeout: 10_000 });
      await page.close();
    }

    const popup = await context.newPage();
    await watch(popup, 'popup');
    const fetched: string[] = [];
    popup.on('request', (r) => fetched.push(r.url()));
    await popup.setViewportSize({ width: 900, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('2 saved cases', { exact: true }).waitFor({ timeout: 10_000 });
    // The first rows show while the whole library is read; wait for the whole of it.
    await popup.getByText(/^Reading all/).waitFor({ state: 'detached' });

    await popup.getByLabel('Select 23 999 001 for comparison').check();
    await popup.getByLabel('Select 23 017 456 for comparison').check();
    await popup.getByRole('button', { name: 'Compare (2)' }).click();
    const table = popup.getByRole('region', { name: 'Comparison table' });
    await table.waitFor();
    // (The comparison shows remedies by kind and deadline; their text is checked in the CSV and the saved copy.)
    expect(await table.textContent()).toContain(FAULT_PAYLOAD);
    expect(await table.getByText(IMG_TEXT).first().isVisible()).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ombudsman-lens-hostile-'));
    await popup.screenshot({ path: join(dir, 'popup-compare-hostile.png') });

    await popup.getByRole('button', { name: 'List', exact: true }).click();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: /^Export CSV/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // The CSV has the summary's text (faults and remedies are counted there, not quoted). CSV
    // doubles the quotes inside a quoted field; the markup is otherwise as the page wrote it.
    expect(csv).toContain(IMG_TEXT);
    expect(csv).toContain(SUMMARY_PAYLOAD.replace(/"/g, '""'));

    await popup.getByRole('button', { name: 'Saved copy of 23 999 001' }).click();
    const copy = popup.locator('article.ol-copy-view');
    // As text twice: in the case's findings (its corrections panel) and in the stored decision text.
    await expect.poll(() => copy.getByText(REMEDY_PAYLOAD, { exact: false }).count()).toBe(2);
    expect(await copy.textContent()).toContain(FAULT_PAYLOAD);

    // Nothing was parsed or run: no elements from the text, no flags, nothing fetched for them,
    // and no inline handler or script refused by the popup's CSP (that would be a console error).
    expect(await popup.locator('img, iframe, object, embed, [onerror], [onload]').count()).toBe(0);
    expect(await popup.locator('script:not([src])').count()).toBe(0);
    expect(await pwned(popup)).toEqual({ attribute: null, global: null });
    expect(fetched.filter((url) => /\/x(?:[?#]|$)/.test(url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
