/**
 * Sends the read of the remembered sidebar view at document_start, for the main
 * content script's first paint (see content/stored-view.ts). Nothing else: it
 * runs on every decision page before the page is parsed, so it must cost nothing.
 */
import { defineContentScript } from '#imports';
import { DECISION_PAGES } from './content/decision-pages';
import { prefetchStoredView } from './content/stored-view';

export default defineContentScript({
  matches: DECISION_PAGES,
  runAt: 'document_start',
  main() {
    prefetchStoredView();
  },
});
