/**
 * The few `chrome.*` calls the real-browser tests make inside the extension's
 * service worker (through `serviceWorker.evaluate`), typed without pulling in
 * all of @types/chrome.
 */
declare const chrome: {
  storage: {
    local: {
      clear(): Promise<void>;
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  tabs: {
    query(q: { active?: boolean; lastFocusedWindow?: boolean; currentWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
};
