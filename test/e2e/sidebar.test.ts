/**
 * The sidebar in a real Chromium with the production build loaded, on the seed
 * pages served at their real www.lgo.org.uk addresses: driven as a person would.
 * Screenshots of what a person sees go to docs/screenshots/ (shown in the README).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

let server: FixtureServer;
let browser: LaunchedBrowser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  server = await startFixtureServer();
  // Chromium asks every site for one; a 404 would be the page's console error, not ours.
  server.addRoute('/favicon.ico', '');
  browser = await launchWithExtension({ server });
  context = browser.context;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // Each test starts with no remembered sidebar state.
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  for (const page of context.pages()) await page.close();
});

async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (e) => pageErrors.push(`${url}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(`${url}: console.${m.type()}: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function openDecision(ref: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await open(server.decisionUrl(ref), viewport);
  await reachSidebar(page);
  await inSidebar(page, '.ol-root').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

/** The expanded sidebar, in its closed shadow root (reached by the harness, not by the page). */
function sidebar(page: Page) {
  return inSidebar(page);
}

// Every seed's organisation, outcome, counts and law, the paragraph links and the marks in the text are
// checked in Chromium and Firefox alike in journeys.test.ts; what follows is Chromium's alone.
describe('the sidebar on a seed decision', () => {
  it('shows the total paid and the deadlines (18 009 360)', async () => {
    const page = await openDecision('18-009-360');
    await expect.poll(() => sidebar(page).locator('.ol-total').textContent()).toBe('Total paid £500');
    await expect
      // (Read in one evaluation: Playwright runs allTextContents in the page's main world, where the harness keeps no root.)
      .poll(() => sidebar(page).evaluate((aside) => [...aside.querySelectorAll('.ol-deadline')].map((d) => d.textContent)))
      .toContain('within three months of a decision on this complaint');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-18-009-360-light.png') });
  });
});

describe('drawn in two steps', () => {
  it('paints the headline, then the findings once the analysis has run after the first frame (18 009 360)', async () => {
    // The page (and so an init script) can no longer watch the sidebar's frames: its root is closed.
    // What each step drew is the final state; the order of the steps is in the content script's marks.
    const page = await openDecision('18-009-360');
    await expect.poll(() => sidebar(page).locator('section[data-section="faults"] .ol-count').textContent()).toBe('7');
    expect(await sidebar(page).locator('.ol-authority').textContent()).toBe('Hertfordshire County Council');
    expect(await sidebar(page).locator('.ol-pending').count()).toBe(0);

    // The content script's own marks (read by `npm run bench`), in the order of the two steps.
    const marks = await page.evaluate(() =>
      ['start', 'read', 'painted', 'analysed', 'complete'].map(
        (name) => performance.getEntriesByName(`ombudsman-lens:${name}`)[0]?.startTime ?? null,
      ),
    );
    expect(marks.every((t) => typeof t === 'number')).toBe(true);
    expect([...(marks as number[])].sort((a, b) => a - b)).toEqual(marks);
  });
});

describe('buttons, keyboard and remembered state', () => {
  it('copies the citation with the address', async () => {
    const page = await openDecision('19-015-077');
    await sidebar(page).getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => sidebar(page).getByRole('button', { name: 'Citation copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Stoke-on-Trent City Council (19 015 077), Local Government and Social Care Ombudsman, 8 February 2021 <${server.decisionUrl('19-015-077')}>`,
    );
  });

  it('closes with its button, stays closed on the next decision, and the shortcut’s message brings it back', async () => {
    const page = await openDecision('19-015-077');
    await sidebar(page).getByRole('button', { name: 'Close the sidebar' }).click();
    await expect.poll(() => inSidebar(page, '.ol-root').count()).toBe(0);

    const next = await open(server.decisionUrl('20-003-139'));
    await reachSidebar(next);
    // The host is attached in the same task as the first draw, which the next frame would show.
    await next.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await inSidebar(next, '.ol-root').count()).toBe(0);

    // What the manifest command does: the background tells the active tab to toggle.
    await next.bringToFront();
    await browser.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'toggle-sidebar' });
    });
    await sidebar(next).waitFor();
    expect(await sidebar(next).locator('h2.ol-authority').textContent()).toBe('Stoke-on-Trent City Council');
  });

  it('works by keyboard: collapse with Enter, focus moves to the tab, Enter expands again', async () => {
    const page = await openDecision('23-017-456');
    await sidebar(page).getByRole('button', { name: 'Collapse the sidebar' }).focus();
    await page.keyboard.press('Enter');
    const tab = inSidebar(page, '.ol-root').getByRole('button', { name: 'Show the Ombudsman Lens summary' });
    await tab.waitFor();
    expect(await tab.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.keyboard.press('Enter');
    await sidebar(page).waitFor();
    // Collapsed state was remembered, then expanded: a reload shows it expanded.
    await page.reload();
    await reachSidebar(page);
    await sidebar(page).waitFor();
  });

  it('on a narrow window (1280 px at 200% zoom) starts collapsed to a tab', async () => {
    const page = await openDecision('18-009-360', { width: 640, height: 900 });
    const tab = inSidebar(page, '.ol-root').getByRole('button', { name: 'Show the Ombudsman Lens summary' });
    await tab.waitFor();
    expect(await sidebar(page).count()).toBe(0);
    await tab.click();
    const width = await sidebar(page).evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(640);
  });
});

describe('pages that are not decisions', () => {
  // Each page links to a saved decision: the "Saved" mark after that link shows the content script
  // has read the page and decided it is not a decision, so the absence of a sidebar is then final.
  const savedPath = '/decisions/children-s-care-services/child-protection/18-009-360';
  beforeAll(async () => {
    const page = await openDecision('18-009-360');
    await sidebar(page).getByRole('button', { name: 'Save', exact: true }).click();
    await sidebar(page)
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 10_000 });
    await page.close();
  });
  afterAll(async () => {
    const page = await openDecision('18-009-360');
    await sidebar(page).getByRole('button', { name: 'Unsave' }).click();
    await sidebar(page).getByRole('button', { name: 'Save', exact: true }).waitFor();
    await page.close();
  });

  for (const [name, path] of [
    ['a listing page', '/decisions/children-s-care-services/child-protection?page=2'],
    ['an ordinary page under /decisions/', '/decisions/how-to-complain'],
  ] as const) {
    it(`${name} gets no sidebar`, async () => {
      if (path === '/decisions/how-to-complain') {
        const html = readFileSync(join(REPO_ROOT, 'test/fixtures/not-a-decision.html'), 'utf8');
        server.addRoute(path, html.replace('</body>', `<p><a href="${savedPath}">A decision</a></p></body>`));
      }
      const page = await open(`${server.origin}${path}`);
      await page.locator('ombudsman-lens-saved').first().waitFor({ state: 'attached', timeout: 10_000 });
      expect(await page.locator('ombudsman-lens').count()).toBe(0);
    });
  }
});

describe('the page stays as it was', () => {
  it('keeps its elements’ positions and styles, and nothing of it is hidden behind the expanded sidebar at 1280 px', async () => {
    const page = await openDecision('18-009-360');
    const measure = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *:not(ombudsman-lens):not(ombudsman-lens *)')].map((el) => {
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          return [el.tagName, r.left, r.top, r.width, r.height, cs.color, cs.fontSize, cs.fontFamily, cs.display].join('|');
        }),
      );
    const withSidebar = await measure();
    const sidebarLeft = await sidebar(page).evaluate((el) => el.getBoundingClientRect().left);
    expect(sidebarLeft).toBe(1280 - 380);
    const textRight = await page.evaluate(() => {
      let right = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.nodeValue!.trim() || (n.parentElement && n.parentElement.closest('ombudsman-lens'))) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const rect of range.getClientRects()) right = Math.max(right, rect.right);
      }
      return right;
    });
    expect(textRight).toBeLessThanOrEqual(sidebarLeft);
    await page.evaluate(() => document.querySelector('ombudsman-lens')!.remove());
    expect(await measure()).toEqual(withSidebar);
  });

  it('no errors or warnings reached the pages’ consoles', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('dark scheme', () => {
  it('follows the system’s dark scheme (screenshot)', async () => {
    const page = await openDecision('23-017-456');
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await sidebar(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(22, 25, 29)');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-23-017-456-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await sidebar(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  });
});
