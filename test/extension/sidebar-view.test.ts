/**
 * The remembered sidebar view: read through Zod, collapsed on a narrow window, and
 * read from storage once per page, by the document_start script when it ran.
 */
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { initialView, isNarrowWindow, NARROW_WINDOW_PX } from '../../entrypoints/content/sidebar-view';
import { prefetchStoredView, SIDEBAR_VIEW_KEY, storedView } from '../../entrypoints/content/stored-view';

describe('initialView', () => {
  it('keeps a remembered view, and starts expanded when there is none or it is not one', () => {
    expect(initialView('closed', false)).toBe('closed');
    expect(initialView('collapsed', false)).toBe('collapsed');
    expect(initialView(undefined, false)).toBe('expanded');
    expect(initialView('<script>', false)).toBe('expanded');
  });

  it('starts as a tab on a narrow window, but never reopens a closed sidebar', () => {
    expect(initialView('expanded', true)).toBe('collapsed');
    expect(initialView(undefined, true)).toBe('collapsed');
    expect(initialView('closed', true)).toBe('closed');
  });
});

describe('isNarrowWindow', () => {
  it('asks a media query for a width below the threshold (no layout forced)', () => {
    const queries: string[] = [];
    const fakeWindow = (width: number) =>
      ({
        matchMedia: (query: string) => {
          queries.push(query);
          const max = Number(/max-width: (\d+)px/.exec(query)![1]);
          return { matches: width <= max };
        },
      }) as unknown as Window;
    expect(isNarrowWindow(fakeWindow(NARROW_WINDOW_PX - 1))).toBe(true);
    expect(isNarrowWindow(fakeWindow(NARROW_WINDOW_PX))).toBe(false);
    expect(queries[0]).toBe(`(max-width: ${NARROW_WINDOW_PX - 1}px)`);
  });
});

describe('storedView', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('hands the read sent at document_start to the main script, which reads nothing more', async () => {
    await browser.storage.local.set({ [SIDEBAR_VIEW_KEY]: 'collapsed' });
    const get = vi.spyOn(browser.storage.local, 'get');
    prefetchStoredView();
    prefetchStoredView(); // injected twice (a re-injection): still one read
    expect(get).toHaveBeenCalledTimes(1);
    await expect(storedView()).resolves.toBe('collapsed');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads storage itself when the early script did not run, and never takes a stale read twice', async () => {
    await browser.storage.local.set({ [SIDEBAR_VIEW_KEY]: 'closed' });
    const get = vi.spyOn(browser.storage.local, 'get');
    await expect(storedView()).resolves.toBe('closed');
    expect(get).toHaveBeenCalledTimes(1);
    prefetchStoredView();
    await storedView();
    await browser.storage.local.set({ [SIDEBAR_VIEW_KEY]: 'expanded' });
    await expect(storedView()).resolves.toBe('expanded');
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('gives no view, rather than an error, when storage fails', async () => {
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('storage is gone'));
    await expect(storedView()).resolves.toBeUndefined();
    vi.spyOn(browser.storage.local, 'get').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(storedView()).resolves.toBeUndefined();
  });
});
