/**
 * Saves every decision a listing or search-results page links to (and, when the person asks, those
 * of the next few result pages): each decision page is fetched from the site, read with the same
 * parser as the sidebar, and saved with its verbatim text through the background's ordinary
 * `save-case` message, so it meets every check a save from the sidebar meets. Decisions already in
 * the library are skipped; a decision listed on two pages is fetched once.
 *
 * Everything the browser, the site or the library can do wrong comes back as a `SaveFailure` in
 * plain words; nothing here throws. Only the Ombudsman's site is contacted, and only for the
 * addresses found on its own pages (listing-links.ts).
 */
import { MAX_TEXT_CHARS, type BackgroundRequestInput, type Reply } from '../../../lib/messages';
import type { DecisionSummary } from '../../../lib/schema';
import { decisionLinks, furtherPageUrls, type ListedDecision } from './listing-links';
import { runPolitely, type Sleep } from './polite-queue';

/** At most two requests to the site at once, and a pause between each worker's requests. */
export const CONCURRENCY = 2;
export const PAUSE_MS = 500;
/** A decision page runs to 45 KB of text; a response far larger is not one. */
const MAX_PAGE_CHARS = 5_000_000;
/** The background reads at most this many references per `saved-among` message. */
const SAVED_AMONG_BATCH = 500;

/**
 * Public pages need no identity: the person's cookies for the site are not sent with these
 * requests, so a run of background fetches is not tied to their session on the site and the site's
 * own preferences (display settings, consent) cannot change what the parser is given.
 */
export const FETCH_INIT: RequestInit = { credentials: 'omit', redirect: 'follow' };

export type FailureReason = 'http' | 'network' | 'not-a-page' | 'off-site' | 'not-a-decision' | 'storage';

export interface SaveFailure {
  /** The listed reference, or the result page's address for a result page that could not be read. */
  what: string;
  url: string;
  reason: FailureReason;
  /** In plain words, for the person. */
  message: string;
}

export type ParsedPage = { ok: true; summary: DecisionSummary; text: string } | { ok: false; message: string };

export interface SaveAllDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** HTML to an inert document (DOMParser in the content script): its scripts never run and it loads nothing. */
  parseHtml: (html: string) => Document;
  /** The shared parser on a fetched decision page: its summary and the verbatim text to keep. */
  parseDecisionPage: (doc: Document, url: string) => ParsedPage;
  request: (request: BackgroundRequestInput) => Promise<Reply>;
  sleep: Sleep;
}

export interface SaveAllProgress {
  /** Result pages read so far, of those asked for (0 of 0 when only this page). */
  pagesRead: number;
  pagesTotal: number;
  /** Decisions to fetch and save, once the pages are read (null until then). */
  total: number | null;
  saved: number;
  failed: number;
}

export interface SaveAllReport {
  saved: ListedDecision[];
  /** Decisions listed that were already in the library, and not fetched. */
  alreadySaved: number;
  failures: SaveFailure[];
  /** Decisions never fetched: the person cancelled, or the run was stopped. */
  notAttempted: number;
  cancelled: boolean;
  /** Why the run stopped before its end (the extension was reloaded, the library cannot be reached), or null. */
  stopped: string | null;
}

const SITE_HOSTS = new Set(['www.lgo.org.uk', 'lgo.org.uk']);

class Stop extends Error {}

type Fetched = { ok: true; html: string; url: string } | { ok: false; failure: Omit<SaveFailure, 'what' | 'url'> } | { ok: 'cancelled' };

/** One page from the site, or why not, in words. */
async function fetchPage(deps: SaveAllDeps, url: string, signal: AbortSignal): Promise<Fetched> {
  let response: Response;
  try {
    response = await deps.fetch(url, { ...FETCH_INIT, signal });
  } catch {
    if (signal.aborted) return { ok: 'cancelled' };
    return { ok: false, failure: { reason: 'network', message: 'The site could not be reached (no answer, or the connection failed).' } };
  }
  const finalUrl = response.url || url;
  let host = '';
  try {
    host = new URL(finalUrl).hostname.toLowerCase();
  } catch {
    // An address the browser cannot read is off the site.
  }
  if (!SITE_HOSTS.has(host))
    return { ok: false, failure: { reason: 'off-site', message: 'The address led away from the Ombudsman’s site.' } };
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, failure: { reason: 'http', message: `The site answered with an error (HTTP ${status}).` } };
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html/i.test(type))
    return { ok: false, failure: { reason: 'not-a-page', message: `The address gave ${type.split(';')[0]}, not a web page.` } };
  let html: string;
  try {
    html = await response.text();
  } catch {
    if (signal.aborted) return { ok: 'cancelled' };
    return { ok: false, failure: { reason: 'network', message: 'The page stopped arriving part way through.' } };
  }
  if (html.length > MAX_PAGE_CHARS)
    return { ok: false, failure: { reason: 'not-a-page', message: 'The page is far too large to be a decision.' } };
  return { ok: true, html, url: finalUrl };
}

/** References of `listed` already in the library; throws Stop when the library cannot be asked. */
async function savedAmong(request: SaveAllDeps['request'], listed: readonly ListedDecision[]): Promise<Set<string>> {
  const saved = new Set<string>();
  for (let i = 0; i < listed.length; i += SAVED_AMONG_BATCH) {
    const references = listed.slice(i, i + SAVED_AMONG_BATCH).map((d) => d.reference);
    const reply = await request({ type: 'saved-among', references });
    if (!reply.ok) throw new Stop(reply.message);
    for (const ref of reply.saved ?? []) saved.add(ref);
  }
  return saved;
}

/** What this page lists and is not yet saved, and how many listed are saved already (the bar's count). */
export async function unsavedOnPage(
  doc: Document,
  pageUrl: string,
  request: SaveAllDeps['request'],
): Promise<{ unsaved: ListedDecision[]; alreadySaved: number } | null> {
  const listed = decisionLinks(doc, pageUrl);
  if (listed.length === 0) return { unsaved: [], alreadySaved: 0 };
  try {
    const saved = await savedAmong(request, listed);
    const unsaved = listed.filter((d) => !saved.has(d.reference));
    return { unsaved, alreadySaved: listed.length - unsaved.length };
  } catch {
    return null;
  }
}

export interface SaveAllInput {
  doc: Document;
  pageUrl: string;
  /** How many result pages after this one to read too (0: this page only). */
  furtherPages: number;
}

export async function saveAllListed(
  input: SaveAllInput,
  deps: SaveAllDeps,
  options: { signal: AbortSignal; onProgress: (progress: SaveAllProgress) => void },
): Promise<SaveAllReport> {
  const { signal } = options;
  const pageUrls = furtherPageUrls(input.pageUrl, input.furtherPages);
  const failures: SaveFailure[] = [];
  const saved: ListedDecision[] = [];
  const progress: SaveAllProgress = { pagesRead: 0, pagesTotal: pageUrls.length, total: null, saved: 0, failed: 0 };
  const report = (): void => options.onProgress({ ...progress, failed: failures.length, saved: saved.length });
  const end = (extra: Partial<SaveAllReport>): SaveAllReport => ({
    saved,
    alreadySaved: 0,
    failures,
    notAttempted: 0,
    cancelled: signal.aborted,
    stopped: null,
    ...extra,
  });
  report();

  // The decisions of every page, each once: a decision listed on two pages is fetched once.
  const listed = new Map<string, ListedDecision>();
  const add = (found: ListedDecision[]) => found.forEach((d) => listed.has(d.reference) || listed.set(d.reference, d));
  add(decisionLinks(input.doc, input.pageUrl));
  for (const url of pageUrls) {
    await deps.sleep(PAUSE_MS, signal);
    if (signal.aborted) return end({ notAttempted: listed.size });
    const page = await fetchPage(deps, url, signal);
    if (page.ok === 'cancelled') return end({ notAttempted: listed.size });
    if (page.ok) add(decisionLinks(deps.parseHtml(page.html), page.url));
    else failures.push({ what: `Result page ${new URL(url).searchParams.get('page') ?? ''}`.trim(), url, ...page.failure });
    progress.pagesRead++;
    report();
  }

  let already: Set<string>;
  try {
    already = await savedAmong(deps.request, [...listed.values()]);
  } catch (error) {
    return end({ notAttempted: listed.size, stopped: error instanceof Stop ? error.message : String(error) });
  }
  const toSave = [...listed.values()].filter((d) => !already.has(d.reference));
  progress.total = toSave.length;
  report();

  let stopped: string | null = null;
  let started = 0;
  const stopper = new AbortController();
  const onCancel = () => stopper.abort();
  signal.addEventListener('abort', onCancel, { once: true });
  await runPolitely(
    toSave,
    async (decision) => {
      started++;
      const fail = (failure: Omit<SaveFailure, 'what' | 'url'>) => {
        failures.push({ what: decision.reference, url: decision.url, ...failure });
        report();
      };
      const page = await fetchPage(deps, decision.url, stopper.signal);
      if (page.ok === 'cancelled') {
        started--;
        return;
      }
      if (!page.ok) return fail(page.failure);
      const parsed = deps.parseDecisionPage(deps.parseHtml(page.html), page.url);
      if (!parsed.ok) return fail({ reason: 'not-a-decision', message: parsed.message });
      if (parsed.text.length > MAX_TEXT_CHARS) return fail({ reason: 'not-a-page', message: 'The decision’s text is too large to keep.' });
      const reply = await deps.request({ type: 'save-case', summary: parsed.summary, text: parsed.text, url: page.url });
      if (!reply.ok) {
        if (reply.error === 'unavailable') {
          // Every later save would fail the same way: stop, and say why once.
          stopped = reply.message;
          started--;
          stopper.abort();
          return;
        }
        return fail({ reason: 'storage', message: reply.message });
      }
      saved.push(decision);
      report();
    },
    { concurrency: CONCURRENCY, pauseMs: PAUSE_MS, signal: stopper.signal, sleep: deps.sleep },
  );
  signal.removeEventListener('abort', onCancel);
  return end({ alreadySaved: listed.size - toSave.length, notAttempted: toSave.length - started, stopped });
}
