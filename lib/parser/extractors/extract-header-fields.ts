/**
 * The category, from the page header's Category line, or when a layout leaves it out from the
 * page address (and the summary says so). The outcome is read in outcome.ts, the organisation's
 * kind in organisation-kind.ts.
 */
import type { DecisionDoc } from '../model';
import type { Category } from '../../schema';

function unslug(slug: string): string {
  const words = decodeURIComponent(slug).replace(/-s-/g, "'s ").replace(/-s$/, "'s").replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `/decisions/{area}/{topic}/{ref}` on www.lgo.org.uk or lgo.org.uk, any scheme or query. */
export function categoryFromUrl(url: string | null): Category | null {
  if (!url) return null;
  const m = /^(?:https?:\/\/)?(?:www\.)?lgo\.org\.uk\/decisions\/([^/?#]+)(?:\/([^/?#]+))?/i.exec(url.trim());
  if (!m) return null;
  return { area: unslug(m[1]!), topic: m[2] ? unslug(m[2]) : null, source: 'address' };
}

export function readCategory(doc: DecisionDoc, url: string | null): Category | null {
  if (doc.header.category) {
    // The same splits as /\s*>\s*/, which retried from every space of a long run (quadratic):
    // a match starts only at the head of a run of spaces, or at a '>'.
    const [area, ...rest] = doc.header.category.split(/(?<!\s)\s*>\s*|>\s*/);
    if (area) return { area: area.trim(), topic: rest.join(' > ').trim() || null, source: 'page' };
  }
  return categoryFromUrl(url);
}
