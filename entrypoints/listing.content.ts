/**
 * The content script of the Ombudsman's pages under /decisions/ that are not a decision's own address:
 * listings, search results, the archive. Links to saved decisions get a mark, and a page that lists
 * decisions gets the bar that saves them all (on the person's click only). Apart from the sidebar's
 * script (entrypoints/content/), so that a decision page never loads the bar's code, nor a listing
 * the sidebar's; decision-pages.ts says which page gets which.
 */
import { defineContentScript } from '#imports';
import { sendRequest } from './content/library-client';
import { markSavedLinks } from './content/saved-marks';
import { mountSaveAll } from './content/save-all/mount-save-all';
import { DECISION_ADDRESSES, DECISION_PAGES } from './content/decision-pages';

export default defineContentScript({
  matches: DECISION_PAGES,
  excludeGlobs: DECISION_ADDRESSES,
  runAt: 'document_idle',
  // The bar's CSS goes to its shadow root inline (mount-save-all.tsx).
  cssInjectionMode: 'manual',

  async main(ctx) {
    await markSavedLinks(document, ctx, sendRequest);
    const removeBar = await mountSaveAll(document, location.href, sendRequest);
    if (removeBar) ctx.onInvalidated(removeBar);
  },
});
