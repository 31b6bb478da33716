/**
 * On listing and search pages, a small "Saved" mark after each link to a
 * decision already in the library. Links are found by the decision address in
 * their href, whatever the page's layout. The mark is a custom element with its
 * own shadow root, so page styles cannot change it and it cannot restyle the page.
 */
import type { ContentScriptContext } from '#imports';
import type { BackgroundRequestInput, Reply } from '../../lib/messages';

const REF_IN_PATH = /\/decisions\/[^?#]*?\/(\d{2})-(\d{3})-(\d{3}[a-z]?)\/?(?:[?#]|$)/i;
const MARK_TAG = 'ombudsman-lens-saved';

/** The printed reference of a decision address, or null for any other link. */
export function referenceFromHref(href: string): string | null {
  const m = REF_IN_PATH.exec(href);
  return m ? `${m[1]} ${m[2]} ${m[3]!.toLowerCase()}` : null;
}

function markElement(doc: Document): HTMLElement {
  const host = doc.createElement(MARK_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const badge = doc.createElement('span');
  badge.textContent = 'Saved';
  badge.setAttribute('title', 'In your Ombudsman Lens library');
  badge.setAttribute(
    'style',
    'all:initial;display:inline-block;margin-left:6px;padding:0 6px;border-radius:999px;background:#1a7f37;color:#fff;font:600 11px/18px system-ui,sans-serif;vertical-align:middle',
  );
  shadow.append(badge);
  return host;
}

export async function markSavedLinks(
  doc: Document,
  ctx: Pick<ContentScriptContext, 'onInvalidated'>,
  request: (r: BackgroundRequestInput) => Promise<Reply>,
): Promise<number> {
  const byReference = new Map<string, HTMLAnchorElement[]>();
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const ref = referenceFromHref(a.getAttribute('href') ?? '');
    if (!ref) continue;
    const list = byReference.get(ref) ?? [];
    list.push(a);
    byReference.set(ref, list);
  }
  if (byReference.size === 0) return 0;
  const reply = await request({ type: 'saved-among', references: [...byReference.keys()].slice(0, 500) });
  if (!reply.ok || !reply.saved) return 0;
  const added: HTMLElement[] = [];
  for (const ref of reply.saved) {
    for (const a of byReference.get(ref) ?? []) {
      const mark = markElement(doc);
      a.after(mark);
      added.push(mark);
    }
  }
  ctx.onInvalidated(() => added.forEach((m) => m.remove()));
  return added.length;
}
