/**
 * The content script's only way to the library: typed requests to the
 * background, replies validated on arrival. A reloaded or updated extension
 * leaves this page's script orphaned; that comes back as an `unavailable`
 * reply the sidebar can explain, never as an exception in the page.
 *
 * Every request settles. Chrome drops the reply to a message still in flight
 * when the extension is reloaded: `sendMessage`'s promise then neither resolves
 * nor rejects, and the sidebar would show "Saving…" for good. So while waiting,
 * the client watches the connection (the disconnect ends the wait as
 * `unavailable`) and gives up after `REPLY_TIMEOUT_MS` in words.
 */
import { browser } from 'wxt/browser';
import { ReplySchema, type BackgroundRequestInput, type Reply } from '../../lib/messages';
import { extensionConnected } from './connection';

export const RECONNECT_MESSAGE = 'Ombudsman Lens was updated or reloaded: reload this page to reconnect.';

/** Far longer than a save takes (well under a second here, even into 10,000 saved cases). */
export const REPLY_TIMEOUT_MS = 30_000;
/** How often a request in flight checks that the extension is still there. */
export const DISCONNECT_CHECK_MS = 250;

const WHAT: Record<BackgroundRequestInput['type'], string> = {
  'save-case': 'Not saved',
  'remove-case': 'Not removed',
  'update-notes': 'Tags and note not saved',
  'case-status': 'The saved state could not be read',
  'saved-among': 'The saved marks could not be read',
  'payment-context': 'The payments in your saved cases could not be read',
  'correct-case': 'Correction not saved',
};

const offline = (): Reply => ({ ok: false, error: 'unavailable', message: RECONNECT_MESSAGE });

export async function sendRequest(request: BackgroundRequestInput, timeoutMs = REPLY_TIMEOUT_MS): Promise<Reply> {
  if (!extensionConnected()) return offline();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watch: ReturnType<typeof setInterval> | undefined;
  // Plain timers, not WXT's ctx ones: those stop when the extension goes, which is when this one is needed.
  const unanswered = new Promise<Reply>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          error: 'storage-failed',
          message: `${WHAT[request.type]}: the library did not answer within ${Math.round(timeoutMs / 1000)} seconds (it may still finish). Reload this page to see what was saved.`,
        }),
      timeoutMs,
    );
    watch = setInterval(() => {
      if (!extensionConnected()) resolve(offline());
    }, DISCONNECT_CHECK_MS);
  });
  try {
    return await Promise.race([ask(request), unanswered]);
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
  }
}

async function ask(request: BackgroundRequestInput): Promise<Reply> {
  try {
    const reply = ReplySchema.safeParse(await browser.runtime.sendMessage(request));
    return reply.success ? reply.data : { ok: false, error: 'unavailable', message: 'The library sent an unexpected reply.' };
  } catch {
    return offline();
  }
}
