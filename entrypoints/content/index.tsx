import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import sidebarCss from '../../components/sidebar.css?inline';
import { ContentRequestSchema } from '../../lib/messages';
import { analyseReadingSteps, readDecisionPageSteps } from '../../lib/parser/parse-decision';
import type { ParseResult } from '../../lib/schema';
import { docToText } from '../../lib/parser/front-ends/doc-to-text';
import { RECONNECT_MESSAGE, sendRequest } from './library-client';
import { extensionConnected, watchConnection } from './connection';
import { mountShadowHost } from './shadow-host';
import { markSavedLinks } from './saved-marks';
import { copyText } from './copy-text';
import { PageMarks } from './page-marks';
import { SidebarApp } from './SidebarApp';
import { initialView, isNarrowWindow, type SidebarView } from './sidebar-view';
import { SIDEBAR_VIEW_KEY, storedView } from './stored-view';
import { DECISION_ADDRESSES, DECISION_PAGES } from './decision-pages';
import { runSliced, yieldToPage } from './sliced';
import { MAX_STATEMENT_CHARS, partialReadingMessage, readingSliceMs } from './page-limit';
import { trackSelection } from './selected-sentence';
import { markWhenDrawn } from './drawn-mark';

export default defineContentScript({
  matches: DECISION_PAGES,
  // A decision's own address: listings and search results get entrypoints/listing.content.ts instead.
  includeGlobs: DECISION_ADDRESSES,
  // Once the page has loaded and drawn itself: the sidebar's work never delays the page's own first paint.
  runAt: 'document_idle',
  // CSS is handed to the shadow root inline: no fetch before the first paint,
  // and nothing of the extension has to be web-accessible.
  cssInjectionMode: 'manual',

  async main(ctx) {
    performance.mark('ombudsman-lens:start');
    // Usually answered already: sent at document_start (entrypoints/view-prefetch.ts).
    const remembered = storedView();
    // The first paint needs only the page read and its header; the analysis of the statement
    // (most of the parse) runs in the task after that frame, and fills the sidebar in, in slices
    // with the page's own work between them. A decision is read in one task, a page longer than
    // any decision in slices too (readingSliceMs); past MAX_STATEMENT_CHARS it is not read further.
    const sliceMs = readingSliceMs(document);
    // A page longer than any decision starts its first slice in a task of its own: in the task that
    // ran this script's code (~45 ms on a first load) it made one long task with it.
    if (sliceMs !== Infinity) await yieldToPage();
    const reading = await runSliced(readDecisionPageSteps(document, { url: location.href, maxChars: MAX_STATEMENT_CHARS }), { sliceMs });
    performance.mark('ombudsman-lens:read');
    if (!reading.ok) {
      // At a decision's address but not a decision (a page the site has removed, say): no sidebar,
      // and links to saved decisions get their mark, as on a listing.
      await markSavedLinks(document, ctx, sendRequest);
      return;
    }

    const view = initialView(await remembered, isNarrowWindow(window));
    // The sidebar outlives this script's connection to the extension (see connection.ts), so its
    // timers must too: a ctx timer would never fire after a reload, leaving a highlight stuck.
    const { doc } = reading;
    const marks = new PageMarks(document, reading.elements, (fn, ms) => window.setTimeout(fn, ms));
    let toggle: () => void = () => {};
    let showNotice: (message: string) => void = () => {};
    const rememberView = (next: SidebarView) => {
      // Once cut off, storage calls throw synchronously; the sidebar still changes, unremembered.
      if (!extensionConnected()) return;
      try {
        void browser.storage.local.set({ [SIDEBAR_VIEW_KEY]: next }).catch(() => {});
      } catch {
        // Cut off between the check and the call.
      }
    };

    const { container, remove } = mountShadowHost(document, 'ombudsman-lens', sidebarCss);
    // Built once: the second draw must not look like a new library to SidebarApp's effects.
    const library = { request: sendRequest, text: () => docToText(doc), url: location.href };
    const registerToggle = (fn: () => void) => {
      toggle = fn;
    };
    const registerNotice = (show: (message: string) => void) => {
      showNotice = show;
    };
    const copy = (text: string) => copyText(text, container);
    const selection = trackSelection(document, doc, reading.elements);
    let removed = false;
    const draw = (analysis: ParseResult | null) =>
      render(
        <SidebarApp
          headline={reading.headline}
          summary={analysis?.ok ? analysis.summary : null}
          analysisError={analysis && !analysis.ok ? analysis.message : null}
          marks={marks}
          initialView={view}
          onViewChange={rememberView}
          copyText={copy}
          settingsStorage={browser.storage.local}
          registerToggle={registerToggle}
          library={library}
          pickSentence={selection.current}
          registerNotice={registerNotice}
          partial={reading.cut ? partialReadingMessage(doc) : null}
        />,
        container,
      );
    draw(null);
    requestAnimationFrame(() => {
      performance.mark('ombudsman-lens:painted');
      // A task queued from the frame callback runs after that frame is drawn. In a tab
      // opened in the background no frame comes, and the analysis waits until it is shown.
      // A long decision is analysed in slices, so the page stays responsive meanwhile.
      setTimeout(async () => {
        const analysis = await runSliced(analyseReadingSteps(reading));
        performance.mark('ombudsman-lens:analysed');
        // Drawing the findings is work of its own (a long page's are hundreds of items): not in
        // the analysis's last slice.
        await yieldToPage();
        if (removed) return;
        draw(analysis);
        requestAnimationFrame(() => {
          performance.mark('ombudsman-lens:complete');
          markWhenDrawn(container);
        });
      });
    });
    watchConnection(ctx, {
      onReplaced: () => {
        removed = true;
        render(null, container);
        marks.dispose();
        selection.stop();
        remove();
      },
      onDisconnected: () => showNotice(RECONNECT_MESSAGE),
    });

    const onMessage = (message: unknown) => {
      if (ContentRequestSchema.safeParse(message).success) toggle();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // Cut off: the listener can no longer be called anyway.
      }
    });
  },
});
