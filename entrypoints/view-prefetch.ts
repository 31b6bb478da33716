/**
 * Sends the read of the remembered sidebar view at document_start, for the main
 * content script's first paint (see content/stored-view.ts). Nothing else: it runs
 * on every decision page before the page is parsed, so it must cost nothing. An
 * unlisted script declared in wxt.config.ts rather than a WXT content script: the
 * content-script wrapper (context, location watcher) would be 1 KB for one call.
 */
import { defineUnlistedScript } from '#imports';
import { prefetchStoredView } from './content/stored-view';

export default defineUnlistedScript(() => prefetchStoredView());
