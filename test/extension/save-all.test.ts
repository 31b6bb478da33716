// @vitest-environment happy-dom
/**
 * Saving every decision a listing or search-results page links to (issue #18 part 1): the links
 * found by address on the fixtures, the result pages after this one, and the run itself against a
 * fake site that serves the seed pages (two at a time at most, a pause between, cancel, and each
 * failure in words). Expected references are read by hand from test/fixtures/listing.html and
 * search-results.html.
 */
import { describe, expect, it } from 'vitest';
import { decisionLinks, furtherPageCount, furtherPageUrls } from '../../entrypoints/content/save-all/listing-links';
import { runPolitely } from '../../entrypoints/content/save-all/polite-queue';
import { parseDecisionPage } from '../../entrypoints/content/save-all/mount-save-all';
import {
  CONCURRENCY,
  PAUSE_MS,
  saveAllListed,
  unsavedOnPage,
  type SaveAllDeps,
  type SaveAllProgress,
} from '../../entrypoints/content/save-all/save-decisions';
import { SaveCaseMessageSchema, type BackgroundRequestInput, type Reply } from '../../lib/messages';
import { readRepoFile, SEED_REFS, SEED_URLS, seedHtml } from '../helpers/seeds';

const LISTING_URL = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection?page=2';
const SEARCH_URL = 'https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=section+47&FromDate=&ToDate=';
const CP = 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) => parseHtml(readRepoFile(`test/fixtures/${name}`));

describe('decision links on a page', () => {
  it('finds the ten decisions of the listing fixture, in order, each at its address on the page’s origin', () => {
    expect(decisionLinks(fixture('listing.html'), LISTING_URL)).toEqual([
      { reference: '23 020 284', url: `${CP}/23-020-284` },
      { reference: '24 003 118', url: `${CP}/24-003-118` },
      { reference: '23 017 456', url: `${CP}/23-017-456` },
      { reference: '23 009 871', url: `${CP}/23-009-871` },
      { reference: '22 001 234', url: 'https://www.lgo.org.uk/decisions/adult-care-services/charging/22-001-234' },
      { reference: '22 012 406', url: `${CP}/22-012-406` },
      { reference: '20 003 139', url: `${CP}/20-003-139` },
      { reference: '19 015 077', url: `${CP}/19-015-077` },
      { reference: '20 007 652a', url: `${CP}/20-007-652a` },
      { reference: '18 009 360', url: `${CP}/18-009-360` },
    ]);
  });

  it('finds the five results of the search fixture, not the category links beside them', () => {
    expect(decisionLinks(fixture('search-results.html'), SEARCH_URL).map((d) => d.reference)).toEqual([
      '23 017 456',
      '23 004 519',
      '20 003 139',
      '19 015 077',
      '18 009 360',
    ]);
  });

  it('lists a decision linked twice once, takes the other host name to this origin, and ignores other sites', () => {
    const doc = parseHtml(
      '<a href="/decisions/a/b/23-017-456">one</a> <a href="/decisions/a/b/23-017-456?displaypref=2#top">again</a>' +
        '<a href="https://lgo.org.uk/decisions/a/b/20-003-139/">other host</a>' +
        '<a href="https://example.com/decisions/a/b/19-015-077">elsewhere</a><a href="javascript:alert(1)">x</a>' +
        '<a href="ftp://www.lgo.org.uk/decisions/a/b/18-009-360">ftp</a>',
    );
    expect(decisionLinks(doc, 'https://www.lgo.org.uk/decisions/a/b')).toEqual([
      { reference: '23 017 456', url: 'https://www.lgo.org.uk/decisions/a/b/23-017-456' },
      { reference: '20 003 139', url: 'https://www.lgo.org.uk/decisions/a/b/20-003-139' },
    ]);
  });

  it('finds none on a page that links to no decision', () => {
    expect(decisionLinks(fixture('not-a-decision.html'), 'https://www.lgo.org.uk/decisions/how-to-complain')).toEqual([]);
  });
});

describe('further result pages', () => {
  it('counts the pages after this one that the pagination links to (2 of 24 on the listing fixture)', () => {
    expect(furtherPageCount(fixture('listing.html'), LISTING_URL)).toBe(22);
  });

  it('counts none when the results fit on one page', () => {
    expect(furtherPageCount(fixture('search-results.html'), SEARCH_URL)).toBe(0);
  });

  it('counts only pages of the same search: another search term or path is not a further page', () => {
    const doc = parseHtml(
      '<a href="/Decisions/SearchResults?SearchTerm=other&page=9">other search</a>' +
        '<a href="/decisions/education?page=7">other listing</a>' +
        '<a href="/Decisions/SearchResults?ToDate=&SearchTerm=care&page=3">same search, other order</a>',
    );
    expect(furtherPageCount(doc, 'https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=care&ToDate=')).toBe(2);
  });

  it('gives the next pages’ addresses, keeping the search, never more than ten', () => {
    expect(furtherPageUrls(LISTING_URL, 2)).toEqual([`${CP}?page=3`, `${CP}?page=4`]);
    expect(furtherPageUrls('https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=care', 1)).toEqual([
      'https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=care&page=2',
    ]);
    expect(furtherPageUrls(LISTING_URL, 50)).toHaveLength(10);
    expect(furtherPageUrls(LISTING_URL, 0)).toEqual([]);
  });
});

/** A task that finishes when told to, so a test can see how many run at once. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the polite queue', () => {
  it('runs at most two at a time, in order, and each worker pauses before its next task', async () => {
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const run = runPolitely(
      [0, 1, 2, 3, 4],
      async (i) => {
        started.push(i);
        events.push(`start ${i}`);
        most = Math.max(most, ++running);
        await gates[i]!.done;
        running--;
      },
      {
        concurrency: 2,
        pauseMs: 500,
        signal: new AbortController().signal,
        sleep: (ms) => {
          events.push(`pause ${ms}`);
          return Promise.resolve();
        },
      },
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    // A pause before each of the three tasks after the first two, none after the last.
    expect(events.filter((e) => e.startsWith('pause'))).toEqual(['pause 500', 'pause 500', 'pause 500']);
    expect(events.indexOf('start 2')).toBeGreaterThan(events.indexOf('pause 500'));
  });

  it('starts nothing after cancel, and ends a pause at once', async () => {
    const cancel = new AbortController();
    const started: number[] = [];
    await runPolitely(
      [0, 1, 2, 3],
      (i) => {
        started.push(i);
        if (i === 0) cancel.abort();
        return Promise.resolve();
      },
      // A pause that only a cancel can end: the run must not hang in it.
      {
        concurrency: 1,
        pauseMs: 500,
        signal: cancel.signal,
        sleep: (_ms, signal) => new Promise((r) => signal.addEventListener('abort', () => r())),
      },
    );
    expect(started).toEqual([0]);
  });
});

/** A fake of the site: the seed pages at their addresses, and whatever else a test adds. */
function fakeSite(extra: Record<string, { status?: number; body: string; type?: string; url?: string }> = {}) {
  const pages = new Map<string, { status?: number; body: string; type?: string; url?: string }>(
    SEED_REFS.map((ref) => [SEED_URLS[ref], { body: seedHtml(ref) }]),
  );
  for (const [url, page] of Object.entries(extra)) pages.set(url, page);
  const fetched: string[] = [];
  const inits: RequestInit[] = [];
  let running = 0;
  let most = 0;
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    fetched.push(url);
    inits.push(init);
    most = Math.max(most, ++running);
    try {
      // Answer in a later task, so that two requests can really be in flight together.
      await tick();
      if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      if (url.includes('unreachable')) throw new TypeError('Failed to fetch');
      const page = pages.get(url);
      const response = new Response(page?.body ?? '<h1>Page not found</h1>', {
        status: page ? (page.status ?? 200) : 404,
        statusText: page ? '' : 'Not Found',
        headers: { 'content-type': page?.type ?? 'text/html; charset=utf-8' },
      });
      Object.defineProperty(response, 'url', { value: page?.url ?? url });
      return response;
    } finally {
      running--;
    }
  };
  return { fetch, fetched, inits, most: () => most };
}

/** A fake library: which references are saved, and every save it was asked for. */
function fakeLibrary(alreadySaved: string[] = [], failSave: Record<string, Reply> = {}) {
  const saved = new Set(alreadySaved);
  const saves: string[] = [];
  const request = (r: BackgroundRequestInput): Promise<Reply> => {
    if (r.type === 'saved-among') return Promise.resolve({ ok: true, saved: r.references.filter((ref) => saved.has(ref)) });
    if (r.type === 'save-case') {
      // What the background checks first: the message's shape.
      const message = SaveCaseMessageSchema.parse(r);
      const failure = failSave[message.summary.reference];
      if (failure) return Promise.resolve(failure);
      saves.push(message.summary.reference);
      saved.add(message.summary.reference);
      return Promise.resolve({ ok: true });
    }
    return Promise.resolve({ ok: false, error: 'invalid-message', message: `unexpected ${r.type}` });
  };
  return { request, saves };
}

function deps(site: ReturnType<typeof fakeSite>, library: ReturnType<typeof fakeLibrary>, pauses: number[] = []): SaveAllDeps {
  return {
    fetch: site.fetch,
    parseHtml,
    parseDecisionPage,
    request: library.request,
    sleep: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
  };
}

describe('saving every decision on a page', () => {
  it('saves the search fixture’s four seeds with their text, and says why the fifth failed', async () => {
    const site = fakeSite();
    const library = fakeLibrary();
    const pauses: number[] = [];
    const progress: SaveAllProgress[] = [];
    const report = await saveAllListed(
      { doc: fixture('search-results.html'), pageUrl: SEARCH_URL, furtherPages: 0 },
      deps(site, library, pauses),
      {
        signal: new AbortController().signal,
        onProgress: (p) => progress.push(p),
      },
    );
    expect(library.saves.sort()).toEqual(['18 009 360', '19 015 077', '20 003 139', '23 017 456']);
    expect(report.saved.map((d) => d.reference).sort()).toEqual(['18 009 360', '19 015 077', '20 003 139', '23 017 456']);
    expect(report.failures).toEqual([
      {
        what: '23 004 519',
        url: 'https://www.lgo.org.uk/decisions/education/school-transport/23-004-519',
        reason: 'http',
        message: 'The site answered with an error (HTTP 404 Not Found).',
      },
    ]);
    expect(report).toMatchObject({ alreadySaved: 0, notAttempted: 0, cancelled: false, stopped: null });
    // Only the listed decisions were asked for, each once, without the person's cookies.
    expect(site.fetched.sort()).toEqual([
      SEED_URLS['18-009-360'],
      SEED_URLS['19-015-077'],
      SEED_URLS['20-003-139'],
      SEED_URLS['23-017-456'],
      'https://www.lgo.org.uk/decisions/education/school-transport/23-004-519',
    ]);
    expect(site.inits.every((init) => init.credentials === 'omit')).toBe(true);
    expect(site.most()).toBe(CONCURRENCY);
    expect(CONCURRENCY).toBe(2);
    // Five requests by two workers: a pause before each of the three after the first two.
    expect(pauses).toEqual([PAUSE_MS, PAUSE_MS, PAUSE_MS]);
    expect(PAUSE_MS).toBeGreaterThanOrEqual(500);
    expect(progress.at(-1)).toEqual({ pagesRead: 0, pagesTotal: 0, total: 5, saved: 4, failed: 1 });
  });

  it('keeps the decision’s text as the sidebar would: the seed’s paragraphs, word for word', async () => {
    const site = fakeSite();
    let kept = '';
    const library = fakeLibrary();
    const request = (r: BackgroundRequestInput) => {
      if (r.type === 'save-case') kept = r.text;
      return library.request(r);
    };
    const doc = parseHtml(`<a href="${SEED_URLS['20-003-139']}">x</a>`);
    await saveAllListed(
      { doc, pageUrl: LISTING_URL, furtherPages: 0 },
      { ...deps(site, library), request },
      {
        signal: new AbortController().signal,
        onProgress: () => {},
      },
    );
    // Hand-read from seeds/20-003-139.txt: its title line and its final agreed action.
    expect(kept.startsWith('Stoke-on-Trent City Council (20 003 139)')).toBe(true);
    expect(kept).toContain('Mr X complains about the Council’s actions in relation to concerns about his son, Y.');
  });

  it('skips decisions already saved, and fetches a decision listed on two result pages once', async () => {
    const page3 = `${CP}?page=3`;
    const site = fakeSite({
      [page3]: {
        body: `<ul><li><a href="/decisions/children-s-care-services/child-protection/18-009-360">again</a></li>
               <li><a href="/decisions/children-s-care-services/child-protection/23-017-456">again</a></li></ul>`,
      },
    });
    const library = fakeLibrary(['19 015 077', '23 017 456']);
    const doc = parseHtml(
      ['18-009-360', '19-015-077', '20-003-139']
        .map((r) => `<a href="/decisions/children-s-care-services/child-protection/${r}">${r}</a>`)
        .join(''),
    );
    const report = await saveAllListed({ doc, pageUrl: LISTING_URL, furtherPages: 1 }, deps(site, library), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(site.fetched.sort()).toEqual([page3, SEED_URLS['18-009-360'], SEED_URLS['20-003-139']].sort());
    expect(library.saves.sort()).toEqual(['18 009 360', '20 003 139']);
    expect(report.alreadySaved).toBe(2);
    expect(report.failures).toEqual([]);
  });

  it('says in words a page that is not a decision, an unreachable site, a page that leads elsewhere, and a storage error', async () => {
    const notADecision = `${CP}/21-000-001`;
    const offSite = `${CP}/21-000-002`;
    const unreachable = 'https://www.lgo.org.uk/decisions/unreachable/x/21-000-003';
    const pdf = `${CP}/21-000-004`;
    const site = fakeSite({
      [notADecision]: { body: readRepoFile('test/fixtures/not-a-decision.html') },
      [offSite]: { body: seedHtml('19-015-077'), url: 'https://example.com/elsewhere' },
      [pdf]: { body: '%PDF-1.4', type: 'application/pdf' },
    });
    const library = fakeLibrary([], {
      '18 009 360': { ok: false, error: 'storage-full', message: 'The disk is full: nothing was saved.' },
    });
    const doc = parseHtml([notADecision, offSite, unreachable, pdf, SEED_URLS['18-009-360']].map((u) => `<a href="${u}">x</a>`).join(''));
    const report = await saveAllListed({ doc, pageUrl: LISTING_URL, furtherPages: 0 }, deps(site, library), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    const why = Object.fromEntries(report.failures.map((f) => [f.what, `${f.reason}: ${f.message}`]));
    expect(why).toEqual({
      '21 000 001': expect.stringMatching(/^not-a-decision: This is not an Ombudsman decision page/),
      '21 000 002': 'off-site: The address led away from the Ombudsman’s site.',
      '21 000 003': 'network: The site could not be reached (no answer, or the connection failed).',
      '21 000 004': 'not-a-page: The address gave application/pdf, not a web page.',
      '18 009 360': 'storage: The disk is full: nothing was saved.',
    });
    expect(library.saves).toEqual([]);
  });

  it('cancel: nothing new is fetched, what was saved stays saved, and the rest is counted as not fetched', async () => {
    const site = fakeSite();
    const library = fakeLibrary();
    const cancel = new AbortController();
    const doc = fixture('search-results.html');
    const report = await saveAllListed({ doc, pageUrl: SEARCH_URL, furtherPages: 0 }, deps(site, library), {
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.saved === 1) cancel.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.saved).toHaveLength(1);
    expect(library.saves).toHaveLength(1);
    // The second request was in flight when the first save finished and is aborted; three never start.
    expect(site.fetched).toHaveLength(2);
    expect(report.failures).toEqual([]);
    expect(report.notAttempted).toBe(4);
  });

  it('stops once, in words, when the extension is reloaded under the page', async () => {
    const site = fakeSite();
    const reloaded: Reply = {
      ok: false,
      error: 'unavailable',
      message: 'Ombudsman Lens was updated or reloaded: reload this page to reconnect.',
    };
    const library = fakeLibrary([], Object.fromEntries(['18 009 360', '19 015 077', '20 003 139', '23 017 456'].map((r) => [r, reloaded])));
    const report = await saveAllListed({ doc: fixture('search-results.html'), pageUrl: SEARCH_URL, furtherPages: 0 }, deps(site, library), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(report.stopped).toBe(reloaded.message);
    expect(report.failures.filter((f) => f.reason === 'storage')).toEqual([]);
    expect(site.fetched.length).toBeLessThan(5);
    expect(report.notAttempted).toBeGreaterThan(0);
  });

  it('counts what the page offers: unsaved and already saved', async () => {
    const library = fakeLibrary(['23 017 456', '18 009 360']);
    const onPage = await unsavedOnPage(fixture('search-results.html'), SEARCH_URL, library.request);
    expect(onPage?.unsaved.map((d) => d.reference)).toEqual(['23 004 519', '20 003 139', '19 015 077']);
    expect(onPage?.alreadySaved).toBe(2);
    expect(await unsavedOnPage(fixture('not-a-decision.html'), SEARCH_URL, library.request)).toEqual({ unsaved: [], alreadySaved: 0 });
  });
});
