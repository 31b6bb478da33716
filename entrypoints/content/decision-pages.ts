/** Where decisions live (both host names, either capitalisation the site uses): the content scripts' match patterns. */
export const DECISION_PAGES = [
  '*://www.lgo.org.uk/decisions/*',
  '*://lgo.org.uk/decisions/*',
  '*://www.lgo.org.uk/Decisions/*',
  '*://lgo.org.uk/Decisions/*',
];

/**
 * Which of those pages are a decision's own address (`/decisions/{area}/{topic}/{ref}`), as
 * manifest globs: three path segments after /decisions/, the last not empty. The sidebar's
 * script runs on these only (`include_globs`) and the listing script on the rest (`exclude_globs`:
 * `/decisions/{area}`, `/decisions/{area}/{topic}?page=N`, `/Decisions/SearchResults?…`), so a
 * page gets one of the two and never pays for the other's code. Globs know no digits, so the test
 * is by shape, not by the reference; a query string with two raw slashes would be taken for a
 * decision (the site's forms encode them).
 */
export const DECISION_ADDRESSES = DECISION_PAGES.map((pattern) => pattern.replace(/\*$/, '*/*/?*'));
