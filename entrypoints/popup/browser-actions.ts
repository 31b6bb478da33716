/**
 * What the app asks of the browser itself, kept apart so tests can pass their own (PopupAppProps):
 * a file saved, a decision's page opened, the library page opened in a tab.
 */
import { browser } from 'wxt/browser';
import type { SettingsStorage } from '../../lib/case-citation/settings';
import { copyText } from '../content/copy-text';

/** Saves a file under a name, of a MIME type. */
export type Download = (name: string, type: string, content: string | Blob) => void;

/** Saves a file without any permission: a Blob, an object URL and a temporary <a download>. */
export function downloadFile(name: string, type: string, content: string | Blob): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The extension's storage, where the citation settings are kept (the sidebar reads the same). */
export function extensionStorage(): SettingsStorage {
  return browser.storage.local;
}

/** Puts text on the clipboard: the Clipboard API, else a selected textarea, as the sidebar does (entrypoints/content/copy-text.ts). */
export function copyToClipboard(text: string): Promise<boolean> {
  return copyText(text, document.body);
}

export function openInNewTab(url: string): void {
  void browser.tabs.create({ url });
}

export function openLibraryPage(hash: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}${hash}` });
  // The popup has handed its job over; a popup left open over the new tab would hide it.
  window.close();
}
