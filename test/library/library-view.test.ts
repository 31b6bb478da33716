/**
 * Which view of the library is shown (`bodyOf`) for what is picked and what has been read, and which
 * tab is marked current (`tabOf`).
 */
import { describe, expect, it } from 'vitest';
import { bodyOf, tabOf, type BodyState, type View } from '../../lib/library/library-view';

const list: View = { kind: 'list' };
const compare: View = { kind: 'compare' };
const figures: View = { kind: 'figures' };
const copy: View = { kind: 'copy', reference: '19 015 077' };
/** A library of 3 cases, read whole. */
const read: BodyState = { view: list, library: 'ready', libraryError: false, preview: false, cases: 3, copyFound: true };

describe('bodyOf', () => {
  it('shows the view picked once the library is read', () => {
    expect(bodyOf(read)).toBe('list');
    expect(bodyOf({ ...read, view: compare })).toBe('compare');
    expect(bodyOf({ ...read, view: figures })).toBe('figures');
    expect(bodyOf({ ...read, view: copy })).toBe('copy');
  });

  it('shows that it is reading until something is read, whatever the view', () => {
    for (const view of [list, compare, figures, copy]) expect(bodyOf({ ...read, view, library: 'loading', cases: 0 })).toBe('reading');
  });

  it('shows the first page while the rest is read, in the list and figures; the comparison and a saved copy need only their own cases', () => {
    const reading: BodyState = { ...read, library: 'loading', preview: true };
    expect(bodyOf(reading)).toBe('preview');
    expect(bodyOf({ ...reading, view: figures })).toBe('preview');
    expect(bodyOf({ ...reading, view: compare })).toBe('compare');
    expect(bodyOf({ ...reading, view: copy })).toBe('copy');
  });

  it('says why the library could not be read, failed or read with an error, before anything else', () => {
    expect(bodyOf({ ...read, library: 'error', cases: 0 })).toBe('error');
    expect(bodyOf({ ...read, libraryError: true, cases: 0, view: figures })).toBe('error');
  });

  it('shows how to start in an empty library, whatever the view', () => {
    for (const view of [list, compare, figures, copy]) expect(bodyOf({ ...read, view, cases: 0, copyFound: false })).toBe('empty');
  });

  it('shows the list when the saved copy picked is of a case no longer there', () => {
    expect(bodyOf({ ...read, view: copy, copyFound: false })).toBe('list');
  });
});

describe('tabOf', () => {
  it('marks the list current for a saved copy, opened from it', () => {
    expect(tabOf(copy)).toBe('list');
    expect(tabOf(compare)).toBe('compare');
    expect(tabOf(figures)).toBe('figures');
    expect(tabOf(list)).toBe('list');
  });
});
