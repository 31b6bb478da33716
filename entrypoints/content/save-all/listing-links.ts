/**
 * What a listing, category or search-results page offers to save: the decisions it links to, and
 * the further result pages it links to. The site's listing markup is not known exactly (the
 * fixtures' markup is a guess, see /work/shared/docs/lgsco-decision-pages.md), so links are
 * recognised by their address alone, never by class names or layout.
 */
import { referenceFromHref } from '../saved-marks';

export interface ListedDecision {
  /** The printed reference, "23 017 456" (joint cases with their suffix). */
  reference: string;
  /** The decision's address on the page's own origin, without query string or fragment. */
  url: string;
}

const SITE_HOSTS = new Set(['www.lgo.org.uk', 'lgo.org.uk']);

/** The most further result pages one click may go through: each is one more request to the site. */
export const MAX_FURTHER_PAGES = 10;

function resolve(href: string, pageUrl: string): URL | null {
  try {
    return new URL(href, pageUrl);
  } catch {
    return null;
  }
}

function onSite(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && SITE_HOSTS.has(url.hostname.toLowerCase());
}

/**
 * Every decision the page links to, once each, in the page's order. A link to the site's other host
 * name (lgo.org.uk / www.lgo.org.uk) is the same page: it is fetched from the page's own origin, so
 * every request stays same-origin. Links to other sites are ignored even when their path looks like
 * a decision's.
 */
export function decisionLinks(doc: Document, pageUrl: string): ListedDecision[] {
  const page = new URL(pageUrl);
  const found = new Map<string, ListedDecision>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = resolve(a.getAttribute('href') ?? '', pageUrl);
    if (!url || !onSite(url)) continue;
    const reference = referenceFromHref(url.pathname);
    if (!reference || found.has(reference)) continue;
    found.set(reference, { reference, url: `${page.origin}${url.pathname.replace(/\/+$/, '')}` });
  }
  return [...found.values()];
}

/** The page number in an address (`?page=N`, 1 when absent), or null when it is not a whole number. */
function pageNumber(url: URL): number | null {
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  return /^\d{1,4}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

/** The address's query without its page number, in a fixed order: two result pages of one search compare equal. */
function sameSearch(a: URL, b: URL): boolean {
  // forEach, not entries(): in a Firefox content script the page's URL objects come through
  // wrappers whose iterators cannot be spread.
  const key = (url: URL) => {
    const pairs: string[] = [];
    url.searchParams.forEach((value, name) => name !== 'page' && pairs.push(`${name}=${value}`));
    return pairs.sort().join('&');
  };
  return a.pathname.toLowerCase().replace(/\/+$/, '') === b.pathname.toLowerCase().replace(/\/+$/, '') && key(a) === key(b);
}

/**
 * How many result pages come after this one, as far as the page's own links show: the highest
 * `page=N` among links to the same listing or search (same path, same query but for `page`), less
 * this page's number. 0 when the page links to no later page.
 */
export function furtherPageCount(doc: Document, pageUrl: string): number {
  const page = new URL(pageUrl);
  const current = pageNumber(page);
  if (current === null) return 0;
  let last = current;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = resolve(a.getAttribute('href') ?? '', pageUrl);
    if (!url || url.origin !== page.origin || !sameSearch(url, page)) continue;
    const n = pageNumber(url);
    if (n !== null && n > last) last = n;
  }
  return last - current;
}

/** The addresses of the next `count` result pages after this one (at most MAX_FURTHER_PAGES). */
export function furtherPageUrls(pageUrl: string, count: number): string[] {
  const page = new URL(pageUrl);
  const current = pageNumber(page) ?? 1;
  const urls: string[] = [];
  for (let n = current + 1; n <= current + Math.min(count, MAX_FURTHER_PAGES); n++) {
    const next = new URL(page.href);
    next.hash = '';
    next.searchParams.set('page', String(n));
    urls.push(next.href);
  }
  return urls;
}
