/**
 * Which script a page under /decisions/ gets: the sidebar's at a decision's own address, the listing's
 * (saved marks, the save-all bar) everywhere else, never both and never neither. The addresses are the
 * site's, from /work/shared/docs/lgsco-decision-pages.md and the e2e fixtures; the rule for matches
 * and globs is the browsers' (scripts/bench/bundle-size.ts, injectsInto).
 */
import { describe, expect, it } from 'vitest';
import { DECISION_ADDRESSES, DECISION_PAGES } from '../../entrypoints/content/decision-pages';
import { injectsInto } from '../../scripts/bench/bundle-size';

const sidebar = { matches: DECISION_PAGES, include_globs: DECISION_ADDRESSES };
const listing = { matches: DECISION_PAGES, exclude_globs: DECISION_ADDRESSES };

describe('the sidebar’s script and the listing’s split the decision pages between them', () => {
  it.each([
    'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/23-017-456',
    'http://lgo.org.uk/decisions/education/school-transport/23-004-519?displaypref=1',
    'https://www.lgo.org.uk/decisions/adult-care-services/charging/21-012-345b',
    'https://lgo.org.uk/Decisions/children-s-care-services/child-protection/18-009-360',
    // The long-page test's address: not a reference, still a decision's place.
    'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/long-18-009-360',
  ])('a decision: %s', (url) => {
    expect(injectsInto(sidebar, url)).toBe(true);
    expect(injectsInto(listing, url)).toBe(false);
  });

  it.each([
    'https://www.lgo.org.uk/decisions/children-s-care-services',
    'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection',
    'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection?page=2',
    'https://www.lgo.org.uk/Decisions/SearchResults?SearchTerm=section+47&FromDate=&ToDate=',
    'https://lgo.org.uk/Decisions/Archive?SearchTerm=&page=3',
    'https://www.lgo.org.uk/decisions/how-to-complain',
    'https://www.lgo.org.uk/decisions/',
  ])('not a decision: %s', (url) => {
    expect(injectsInto(sidebar, url)).toBe(false);
    expect(injectsInto(listing, url)).toBe(true);
  });

  it('neither runs outside /decisions/', () => {
    for (const url of [
      'https://www.lgo.org.uk/',
      'https://www.lgo.org.uk/how-to-complain',
      'https://example.com/decisions/a/b/23-017-456',
    ]) {
      expect(injectsInto(sidebar, url) || injectsInto(listing, url)).toBe(false);
    }
  });
});
