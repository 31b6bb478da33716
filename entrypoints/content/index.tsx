import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, defineContentScript } from '#imports';
import sidebarCss from '../../components/sidebar.css?inline';
import { ContentRequestSchema } from '../../lib/messages';
import { parseDocumentWithElements } from '../../lib/parse-decision';
import { docToText } from '../../lib/doc-to-text';
import { sendRequest } from './library-client';
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
    const marks = new PageMarks(document, elements, (fn, ms) => ctx.setTimeout(fn, ms));
    let toggle: () => void = () => {};

    const ui = await createShadowRootUi(ctx, {
      name: 'ombudsman-lens',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: sidebarCss,
      isolateEvents: true,
      onMount(container) {
        render(
          <SidebarApp
            summary={result.summary}
            marks={marks}
            initialView={view}
            onViewChange={(next: SidebarView) => void browser.storage.local.set({ [SIDEBAR_VIEW_KEY]: next }).catch(() => {})}
            copyText={(text) => copyText(text, container)}
            registerToggle={(fn) => {
              toggle = fn;
            }}
            library={{ request: sendRequest, text: () => docToText(doc), url: location.href }}
          />,
          container,
        );
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
        marks.dispose();
      },
    });
    ui.mount();
    requestAnimationFrame(() => performance.mark('ombudsman-lens:painted'));

    const onMessage = (message: unknown) => {
      if (ContentRequestSchema.safeParse(message).success) toggle();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
