import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { LensDatabase } from '../../lib/library/database';
import { CaseStore } from '../../lib/library/case-store';
import { parseText } from '../../lib/parser/parse-decision';
import { PARSER_VERSION } from '../../lib/schema';
import { handleMessage } from './handle-message';
import { storageFailure } from '../../lib/library/storage-errors';

export default defineBackground(() => {
  // The library lives in the extension's origin: content scripts' IndexedDB
  // would belong to www.lgo.org.uk. The worker owns every write.
  const store = new CaseStore(new LensDatabase());
  // Firefox keeps an extension's IndexedDB as "best-effort" storage, evicted under storage pressure and
  // held to a tenth of the disk, until it is made persistent: it grants that silently to an extension
  // with unlimitedStorage (seen in Firefox 153: persisted() false, persist() true, quota 10 % -> 50 %
  // of the disk). Chromium already keeps it whole for unlimitedStorage; asking there changes nothing.
  void navigator.storage?.persist?.().catch(() => {});

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts and pages may write to the library.
    if (sender.id !== browser.runtime.id) return false;
    // Answered through sendResponse and `return true`, which every Chrome and Firefox understands:
    // a Promise returned from the listener is honoured by Chrome only from version 144.
    handleMessage(store, message).then(sendResponse, (error: unknown) =>
      sendResponse(storageFailure(error, 'The library could not be reached')),
    );
    return true;
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new parser version re-reads saved cases from their stored text, keeping tags and notes.
    if (reason === 'update') void store.reparseAll((text, url) => parseText(text, { url }), PARSER_VERSION);
  });

  // The keyboard shortcut (a manifest command, changeable in the browser's
  // shortcut settings) toggles the sidebar in the active tab.
  // The browser ignores what a listener returns, so the toggle runs on its own.
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void toggleSidebarInActiveTab();
  });
});

async function toggleSidebarInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { type: 'toggle-sidebar' }).catch(() => {
    // No sidebar in that tab (not a decision page): nothing to toggle.
  });
}
