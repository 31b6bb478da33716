/**
 * Puts the save-all bar on a listing or search-results page that links to decisions not yet saved
 * (or to further result pages), wired to the site through the content script's `fetch` and
 * `DOMParser` (the background service worker has no DOMParser) and to the library through the
 * ordinary save message. A page that links to no decision gets no bar.
 *
 * Leaving the page mid-run ends the run with the page: requests in flight are dropped by the
 * browser, and every decision already saved stays saved (each save is one transaction in the
 * background). Clicking the bar again on the same page skips those and saves the rest.
 */
import { render } from 'preact';
import { parseDocumentWithElements } from '../../../lib/parser/parse-decision';
import { docToText } from '../../../lib/parser/front-ends/doc-to-text';
import type { BackgroundRequestInput, Reply } from '../../../lib/messages';
import { mountShadowHost } from '../shadow-host';
import { furtherPageCount } from './listing-links';
import { sleep } from './polite-queue';
import { saveAllListed, unsavedOnPage, type ParsedPage, type SaveAllDeps } from './save-decisions';
import { SaveAllBar } from './SaveAllBar';
import css from './save-all.css?inline';

export function parseDecisionPage(doc: Document, url: string): ParsedPage {
  const { result, doc: model } = parseDocumentWithElements(doc, { url });
  if (!result.ok || !model) return { ok: false, message: result.ok ? 'The decision could not be read.' : result.message };
  return { ok: true, summary: result.summary, text: docToText(model) };
}

export async function mountSaveAll(
  doc: Document,
  pageUrl: string,
  request: (r: BackgroundRequestInput) => Promise<Reply>,
): Promise<(() => void) | null> {
  const onPage = await unsavedOnPage(doc, pageUrl, request);
  if (!onPage) return null;
  const further = furtherPageCount(doc, pageUrl);
  if (onPage.unsaved.length + onPage.alreadySaved === 0) return null;
  const deps: SaveAllDeps = {
    fetch: (url, init) => fetch(url, init),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    parseDecisionPage,
    request,
    sleep,
  };
  const { container, remove } = mountShadowHost(doc, 'ombudsman-lens-save-all', css);
  render(
    <SaveAllBar
      unsaved={onPage.unsaved.length}
      alreadySaved={onPage.alreadySaved}
      furtherPages={further}
      run={(furtherPages, signal, onProgress) => saveAllListed({ doc, pageUrl, furtherPages }, deps, { signal, onProgress })}
    />,
    container,
  );
  return () => {
    render(null, container);
    remove();
  };
}
