/**
 * The content script's only way to the library: typed requests to the
 * background, replies validated on arrival. A reloaded or updated extension
 * leaves this page's script orphaned; that comes back as an `unavailable`
 * reply the sidebar can explain, never as an exception in the page.
 */
import { browser } from 'wxt/browser';
import { ReplySchema, type BackgroundRequestInput, type Reply } from '../../lib/messages';
import { extensionConnected } from './connection';

export const RECONNECT_MESSAGE = 'Ombudsman Lens was updated or reloaded: reload this page to reconnect.';

export async function sendRequest(request: BackgroundRequestInput): Promise<Reply> {
  if (!extensionConnected()) return { ok: false, error: 'unavailable', message: RECONNECT_MESSAGE };
  try {
    const reply = ReplySchema.safeParse(await browser.runtime.sendMessage(request));
    return reply.success ? reply.data : { ok: false, error: 'unavailable', message: 'The library sent an unexpected reply.' };
  } catch {
    return { ok: false, error: 'unavailable', message: RECONNECT_MESSAGE };
  }
}
