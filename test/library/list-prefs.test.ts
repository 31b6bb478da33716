/**
 * The list's remembered filter and sort (`parseListPrefs`): what was stored comes back as it was,
 * and anything else (nothing, not JSON, another shape) gives the defaults, never an error.
 */
import { describe, expect, it } from 'vitest';
import { emptyFilter } from '../../lib/library/filters';
import { defaultListPrefs, parseListPrefs, type ListPrefs } from '../../lib/library/list-prefs';

const stored: ListPrefs = {
  filter: {
    ...emptyFilter(),
    text: 'child protection',
    outcome: ['upheld'],
    area: "Children's care services",
    year: 2021,
    hasPayment: true,
  },
  sortKey: 'totalPayments',
  sortDir: 'asc',
};

describe('parseListPrefs', () => {
  it('reads back what was stored', () => {
    expect(parseListPrefs(JSON.stringify(stored))).toEqual(stored);
  });

  it('starts from newest decision first with no filter when nothing is stored', () => {
    const prefs = parseListPrefs(null);
    expect(prefs).toEqual({ filter: emptyFilter(), sortKey: 'decisionDate', sortDir: 'desc' });
    expect(parseListPrefs('')).toEqual(prefs);
    expect(parseListPrefs(undefined)).toEqual(prefs);
  });

  it('gives the defaults for text that is not JSON', () => {
    expect(parseListPrefs('{"filter":')).toEqual(defaultListPrefs());
  });

  it('gives the defaults for prefs of another shape', () => {
    expect(parseListPrefs(JSON.stringify({ ...stored, sortKey: 'title' }))).toEqual(defaultListPrefs());
    // A filter without one of its fields (as a version with fewer filters would have stored it).
    const { statute: _statute, ...olderFilter } = stored.filter;
    expect(parseListPrefs(JSON.stringify({ ...stored, filter: olderFilter }))).toEqual(defaultListPrefs());
    expect(parseListPrefs('[]')).toEqual(defaultListPrefs());
  });
});
