import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import sidebarCss from '../../components/sidebar.css?inline';
import { ContentRequestSchema } from '../../lib/messages';
import { parseDocumentWithElements } from '../../lib/parse-decision';
import { docToText } from '../../lib/doc-to-text';
import { RECONNECT_MESSAGE, sendRequest } from './library-client';
import { extensionConnected, watchConnection } from './connection';
import { mountShadowHost } from './shadow-host';
import { markSavedLinks } from './saved-marks';
import { copyText } from './copy-text';
import { PageMarks } from './page-marks';
import { SidebarApp } from './SidebarApp';
import { initialView, SIDEBAR_VIEW_KEY, type SidebarView } from './sidebar-view';

export default defineContentScript({
  matches: [
    '*://www.lgo.org.uk/decisions/*',
    '*://lgo.org.uk/decisions/*',
    '*://www.lgo.org.uk/Decisions/*',
    '*://lgo.org.uk/Decisions/*',
  ],
  runAt: 'document_idle',
  // CSS is handed to the shadow root inline: no fetch before the first paint,
  // and nothing of the extension has to be web-accessible.
  cssInjectionMode: 'manual',

  async main(ctx) {
    performance.mark('ombudsman-lens:start');
    // Start the storage read while parsing: both are needed before the first paint.
    const storedView = browser.storage.local.get(SIDEBAR_VIEW_KEY).then(
      (items) => items[SIDEBAR_VIEW_KEY],
      () => undefined,
    );
    const { result, elements, doc } = parseDocumentWithElements(document, { url: location.href });
    performance.mark('ombudsman-lens:parsed');
    if (!result.ok || !doc) {
      // Listing, search and other pages: no sidebar; links to saved decisions get a mark.
      await markSavedLinks(document, ctx, sendRequest);
      return;
    }

    const view = initialView(await storedView, window.innerWidth);
    // The sidebar outlives this script's connection to the extension (see connection.ts), so its
    // timers must too: a ctx timer would never fire after a reload, leaving a highlight stuck.
    const marks = new PageMarks(document, elements, (fn, ms) => window.setTimeout(fn, ms));
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
    render(
      <SidebarApp
        summary={result.summary}
        marks={marks}
        initialView={view}
        onViewChange={rememberView}
        copyText={(text) => copyText(text, container)}
        registerToggle={(fn) => {
          toggle = fn;
        }}
        library={{ request: sendRequest, text: () => docToText(doc), url: location.href }}
        registerNotice={(show) => {
          showNotice = show;
        }}
      />,
      container,
    );
    requestAnimationFrame(() => performance.mark('ombudsman-lens:painted'));
    watchConnection(ctx, {
      onReplaced: () => {
        render(null, container);
        marks.dispose();
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
