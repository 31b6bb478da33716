/**
 * Citations people can use, in Debian's Chromium and Firefox ESR with the production build: Copy
 * citation in the sidebar in both forms; two saved cases selected in the library page and copied
 * in both forms, one line each; the template edited there (an unknown placeholder refused, a good
 * one saved) and then used by the library's copy and by the sidebar's. What was copied is read back
 * by pasting it (Ctrl+V, real input) into a text area of a page on the site's address.
 * The library page's picture goes to .output/screenshots/<browser>/library-citations.png.
 *
 * Expected lines written from the seeds' headers (seeds/18-009-360.txt, seeds/23-020-284.txt).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startFixtureServer, type FixtureServer } from '../../scripts/browser-harness';
import { BROWSER_NAMES, launchExtensionBrowser, sidebarRoot, type ExtensionBrowser } from '../../scripts/extension-browsers';
import { clickPageButton, clickSidebarButton, elementOf, waitForSidebarText } from './page-actions';

const SIDEBAR = 'aside.ol-sidebar';
const PASTE_PATH = '/paste-here';

describe.each(BROWSER_NAMES)('in %s', (browserName) => {
  let server: FixtureServer;
  let lens: ExtensionBrowser;
  const screenshots = join(SCREENSHOT_DIR, browserName);
  const site = (ref: string, line: string) => `${line} <${server.decisionUrl(ref)}>`;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startFixtureServer();
    server.addRoute('/favicon.ico', '');
    server.addRoute(PASTE_PATH, '<!doctype html><title>Paste</title><textarea rows="6" cols="120"></textarea>');
    lens = await launchExtensionBrowser(browserName, { server });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  /** What is on the clipboard, pasted as a person would into a text area of another page. */
  async function pasted(): Promise<string> {
    const page = await lens.newPage();
    await page.goto(`${server.origin}${PASTE_PATH}`, { waitUntil: 'load' });
    await (await page.waitForSelector('textarea'))!.click();
    await page.keyboard.down('Control');
    // Chromium's protocol sends keys without their editing command unless asked; Firefox's input runs it.
    await page.keyboard.press('KeyV', browserName === 'chromium' ? { commands: ['Paste'] } : {});
    await page.keyboard.up('Control');
    const text = await page.$eval('textarea', (t) => (t as HTMLTextAreaElement).value);
    await page.close();
    return text;
  }

  async function openDecision(ref: string): Promise<Page> {
    const page = await lens.newPage();
    await page.goto(server.decisionUrl(ref), { waitUntil: 'load' });
    await (await sidebarRoot(page)).waitForSelector(SIDEBAR, { timeout: 15_000 });
    return page;
  }

  /** Clicks the radio button labelled `label` (its label's whole text) within `scope`, as a person's click. */
  async function clickRadio(page: Page, scope: ElementHandle<ShadowRoot | Element>, label: string): Promise<void> {
    const handle = await page.waitForFunction(
      (root: ShadowRoot | Element, wanted: string) =>
        [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === wanted)?.querySelector('input') ?? null,
      { timeout: 15_000 },
      scope,
      label,
    );
    await elementOf(handle).click();
  }

  async function copyInSidebar(page: Page): Promise<string> {
    await page.bringToFront();
    await clickSidebarButton(page, 'Copy citation');
    await waitForSidebarText(page, 'button', 'Citation copied');
    return pasted();
  }

  it('the sidebar copies one case in the site form, then in the template form', async () => {
    for (const ref of ['23-020-284', '18-009-360']) {
      const page = await openDecision(ref);
      await clickSidebarButton(page, 'Save');
      await waitForSidebarText(page, '[role="status"]', 'Saved');
      if (ref === '23-020-284') await page.close();
      else {
        expect(await copyInSidebar(page)).toBe(
          site(ref, 'Hertfordshire County Council (18 009 360), Local Government and Social Care Ombudsman, 21 August 2019'),
        );
        await clickRadio(page, await sidebarRoot(page), 'Template');
        await waitForSidebarText(page, 'button', 'Copy citation');
        expect(await copyInSidebar(page)).toBe('Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)');
        await page.screenshot({ path: join(screenshots, 'sidebar-citation.png') });
        await page.close();
      }
    }
  });

  it('the library page copies two selected cases in both forms, and an edited template is used there and in the sidebar', async () => {
    const library = await lens.openExtensionPage('/library.html', { width: 1100, height: 900 });
    await library.waitForFunction(
      () => document.querySelectorAll('li.ol-case').length === 2 && !document.body.textContent?.includes('Reading all'),
    );
    for (const ref of ['18 009 360', '23 020 284'])
      await (await library.waitForSelector(`input[aria-label="Select ${ref} for comparison"]`))!.click();
    // The form chosen in the sidebar is the library's too: one setting.
    await library.waitForFunction(
      () => document.querySelector('.ol-citations input[type="radio"]:checked')?.parentElement?.textContent === 'Template',
    );

    const copyCitations = async () => {
      await library.bringToFront();
      await clickPageButton(library, 'Copy citations');
      await library.waitForFunction(() => document.body.textContent?.includes('Copied 2 citations'));
      return pasted();
    };
    expect(await copyCitations()).toBe(
      'Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)\nStockport Metropolitan Borough Council [2024] LGSCO 23 020 284 (20 October 2024)',
    );
    const citations = (await library.waitForSelector('section.ol-citations'))!;
    await clickRadio(library, citations, 'Site form');
    expect(await copyCitations()).toBe(
      [
        site('18-009-360', 'Hertfordshire County Council (18 009 360), Local Government and Social Care Ombudsman, 21 August 2019'),
        site(
          '23-020-284',
          'Stockport Metropolitan Borough Council (23 020 284), Local Government and Social Care Ombudsman, 20 October 2024',
        ),
      ].join('\n'),
    );

    // The template: an unknown placeholder is named and cannot be saved; a good one previews on the first selected case.
    const field = (await library.waitForSelector('input[aria-describedby="ol-template-help"]'))!;
    const retype = async (text: string) => {
      await field.click({ count: 3 }); // selects the whole field
      await library.keyboard.press('Backspace');
      await field.type(text);
    };
    await retype('{reference} {court}');
    await library.waitForFunction(() =>
      document.querySelector('.ol-template-editor [role="alert"]')?.textContent?.includes('Unknown placeholder {court}'),
    );
    expect(await library.$eval('.ol-template-editor button[type="submit"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await retype('{reference}: {organisation}, {date}');
    await library.waitForFunction(
      () =>
        document.querySelector('.ol-template-preview output')?.textContent === '18 009 360: Hertfordshire County Council, 21 August 2019',
    );
    await clickPageButton(library, 'Save template');
    await library.waitForFunction(() => document.body.textContent?.includes('Template saved.'));
    await clickRadio(library, citations, 'Template');
    expect(await copyCitations()).toBe(
      '18 009 360: Hertfordshire County Council, 21 August 2019\n23 020 284: Stockport Metropolitan Borough Council, 20 October 2024',
    );
    await (await library.$('section.ol-citations'))!.screenshot({ path: join(screenshots, 'library-citations.png') });

    // The sidebar reads the same stored template.
    const page = await openDecision('23-020-284');
    expect(await copyInSidebar(page)).toBe('23 020 284: Stockport Metropolitan Borough Council, 20 October 2024');
    await page.close();
    await library.close();
  });
});
