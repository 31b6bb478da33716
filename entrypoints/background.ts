import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';

export default defineBackground(() => {
  // The keyboard shortcut (a manifest command, changeable in the browser's
  // shortcut settings) toggles the sidebar in the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'toggle-sidebar' }).catch(() => {
      // No sidebar in that tab (not a decision page): nothing to toggle.
    });
  });
});
