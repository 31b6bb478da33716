/**
 * Every request from the sidebar settles (entrypoints/content/library-client.ts): Chrome drops the
 * reply to a message in flight when the extension is reloaded, and the promise then never settles.
 * Here `sendMessage` is made to hang, as it does then, and the clock is the test's.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { browser } from 'wxt/browser';
import { DISCONNECT_CHECK_MS, RECONNECT_MESSAGE, REPLY_TIMEOUT_MS, sendRequest } from '../../entrypoints/content/library-client';
import type { Reply } from '../../lib/messages';

const status = { type: 'case-status', reference: '23 017 456' } as const;
const remove = { type: 'remove-case', reference: '23 017 456' } as const;

/** `runtime.sendMessage`, answering as the test says (its declared type knows no replies). */
const sendMessage = () => vi.spyOn(browser.runtime, 'sendMessage') as unknown as MockInstance<() => Promise<unknown>>;

/** Settles `promise` into a box, so a test can see whether it has settled yet. */
function watch<T>(promise: Promise<T>) {
  const box: { value?: T } = {};
  void promise.then((value) => (box.value = value));
  return box;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('sendRequest', () => {
  it('passes the reply through when the background answers', async () => {
    const reply: Reply = { ok: true, status: { saved: false, savedAt: null, tags: [], note: '' } };
    sendMessage().mockResolvedValue(reply);
    expect(await sendRequest(status)).toEqual(reply);
  });

  it('ends a request left unanswered by a reload as soon as the extension is gone, with the reconnect message', async () => {
    sendMessage().mockReturnValue(new Promise(() => {}));
    const result = watch(sendRequest(remove));
    await vi.advanceTimersByTimeAsync(5 * DISCONNECT_CHECK_MS);
    expect(result.value).toBeUndefined();
    // What a reload does to this script: the runtime loses its id.
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    await vi.advanceTimersByTimeAsync(DISCONNECT_CHECK_MS);
    expect(result.value).toEqual({ ok: false, error: 'unavailable', message: RECONNECT_MESSAGE });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up in words when a connected background never answers', async () => {
    sendMessage().mockReturnValue(new Promise(() => {}));
    const result = watch(sendRequest(remove));
    await vi.advanceTimersByTimeAsync(REPLY_TIMEOUT_MS - 1);
    expect(result.value).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result.value).toEqual({
      ok: false,
      error: 'storage-failed',
      message: 'Not removed: the library did not answer within 30 seconds (it may still finish). Reload this page to see what was saved.',
    });
    expect(vi.getTimerCount()).toBe(0);
  });
});
