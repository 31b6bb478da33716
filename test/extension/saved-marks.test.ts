// @vitest-environment happy-dom
/** "Saved" marks on listing and search pages, found by the decision address in each link. */
import { describe, expect, it, vi } from 'vitest';
import { markSavedLinks, referenceFromHref } from '../../entrypoints/content/saved-marks';
import type { BackgroundRequestInput, Reply } from '../../lib/messages';
import { readRepoFile } from '../helpers/seeds';

describe('referenceFromHref', () => {
  it('reads relative, absolute and query-string addresses, with joint-case suffixes', () => {
    expect(referenceFromHref('/decisions/children-s-care-services/child-protection/23-017-456')).toBe('23 017 456');
    expect(referenceFromHref('https://www.lgo.org.uk/decisions/adult-care-services/charging/22-001-234?displaypref=1')).toBe('22 001 234');
    expect(referenceFromHref('/decisions/education/school-transport/20-007-652a')).toBe('20 007 652a');
    expect(referenceFromHref('/decisions/children-s-care-services/child-protection?page=3')).toBeNull();
    expect(referenceFromHref('/news/2024/23-017-456')).toBeNull();
  });
});

describe('markSavedLinks', () => {
  it('marks each link to a saved decision on the listing page, and nothing else', async () => {
    document.documentElement.innerHTML = readRepoFile('test/fixtures/listing.html').replace(/^<!doctype html>/i, '');
    const request = vi.fn((r: BackgroundRequestInput): Promise<Reply> => {
      expect(r.type).toBe('saved-among');
      return Promise.resolve({ ok: true, saved: ['23 017 456', '22 001 234'] });
    });
    const before = document.body.textContent;
    const onInvalidated = vi.fn<(removeMarks: () => void) => () => void>();
    const count = await markSavedLinks(document, { onInvalidated }, request);
    const asked = (request.mock.calls[0]![0] as { references: string[] }).references;
    expect(asked).toEqual(
      expect.arrayContaining(['19 015 077', '23 020 284', '20 003 139', '18 009 360', '23 017 456', '22 001 234', '20 007 652a']),
    );
    const marks = [...document.querySelectorAll('ombudsman-lens-saved')];
    expect(marks.length).toBe(count);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const mark of marks) {
      const link = mark.previousElementSibling as HTMLAnchorElement;
      expect(['23 017 456', '22 001 234']).toContain(referenceFromHref(link.getAttribute('href')!));
      expect(mark.shadowRoot!.textContent).toBe('Saved');
    }
    // The page's own text is unchanged: the mark's text lives in its shadow root.
    expect(document.body.textContent).toBe(before);
    // Removed when the extension goes away.
    onInvalidated.mock.calls[0]![0]();
    expect(document.querySelectorAll('ombudsman-lens-saved')).toHaveLength(0);
  });

  it('does nothing when the library cannot be reached', async () => {
    document.documentElement.innerHTML = readRepoFile('test/fixtures/search-results.html').replace(/^<!doctype html>/i, '');
    const count = await markSavedLinks(document, { onInvalidated: vi.fn() }, () =>
      Promise.resolve({ ok: false, error: 'unavailable', message: 'x' }),
    );
    expect(count).toBe(0);
    expect(document.querySelectorAll('ombudsman-lens-saved')).toHaveLength(0);
  });
});
