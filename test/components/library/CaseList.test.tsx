// @vitest-environment happy-dom
/**
 * The saved-cases list, its undo toast, the saved-copy view and the empty state,
 * rendered with cases built from the seed decisions.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseList, ROW_HEIGHT, SavedCopyView, UndoToast, visibleRange, type CaseListProps } from '../../../components/library/CaseList';
import { parseTags } from '../../../components/NotesEditor';
import { EmptyState } from '../../../components/library/EmptyState';
import type { SavedCase } from '../../../lib/library/saved-case';
import { savedCase } from '../../helpers/saved-cases';

afterEach(cleanup);

function renderList(cases: SavedCase[], overrides: Partial<CaseListProps> = {}) {
  const props: CaseListProps = {
    cases,
    selected: new Set(),
    onToggleSelect: vi.fn(),
    onOpen: vi.fn(),
    onOpenSavedCopy: vi.fn(),
    onDelete: vi.fn(),
    ...overrides,
  };
  render(<CaseList {...props} />);
  return props;
}

describe('the list', () => {
  it('shows a row per case: organisation, reference, outcome, date, area, total paid, tags', () => {
    const a = savedCase('19-015-077', { tags: ['client A', 'child protection'] });
    const b = savedCase('18-009-360');
    renderList([a, b]);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('Stoke-on-Trent City Council')).toBeTruthy();
    expect(first.getByText('19 015 077', { selector: '.ol-ref' })).toBeTruthy();
    expect(first.getByText('Not upheld').className).toContain('ol-outcome-not-upheld');
    expect(first.getByText('8 Feb 2021')).toBeTruthy();
    expect(first.getByText("Children's care services › Child protection")).toBeTruthy();
    expect(first.getByText('No payment')).toBeTruthy();
    expect(first.getByText('client A')).toBeTruthy();
    // A long tag may end in an ellipsis in the one-line row: the whole of it is in the title.
    expect(first.getByText('child protection').getAttribute('title')).toBe('child protection');
    const second = within(rows[1]!);
    expect(second.getByText('Hertfordshire County Council')).toBeTruthy();
    expect(second.getByText('Upheld').className).toContain('ol-outcome-upheld');
    expect(second.getByText('£500 paid')).toBeTruthy();
  });

  it('calls back to select, open, open the saved copy and delete, with labelled controls', () => {
    const a = savedCase('19-015-077');
    const props = renderList([a], { selected: new Set(['19 015 077']) });
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select 19 015 077 for comparison' });
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(props.onToggleSelect).toHaveBeenCalledWith('19 015 077');
    fireEvent.click(screen.getByRole('button', { name: 'Open 19 015 077' }));
    expect(props.onOpen).toHaveBeenCalledWith(a);
    fireEvent.click(screen.getByRole('button', { name: 'Saved copy of 19 015 077' }));
    expect(props.onOpenSavedCopy).toHaveBeenCalledWith(a);
    fireEvent.click(screen.getByRole('button', { name: 'Delete 19 015 077' }));
    expect(props.onDelete).toHaveBeenCalledWith(a);
  });

  it('says when no case matches and offers to clear the filters', () => {
    const onClearFilters = vi.fn();
    renderList([], { onClearFilters });
    expect(screen.getByText('No saved case matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClearFilters).toHaveBeenCalled();
  });

  it('renders only a window of rows for 10,000 cases, and moves the window on scroll', () => {
    const base = savedCase('18-009-360');
    const cases = Array.from({ length: 10_000 }, (_, i) => {
      const digits = String(i).padStart(8, '0');
      return { ...base, reference: `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}` };
    });
    renderList(cases, { height: 320 });
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByRole('list').style.height).toBe(`${10_000 * ROW_HEIGHT}px`);

    const scroller = screen.getByRole('list').parentElement!;
    scroller.scrollTop = 5000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    const after = screen.getAllByRole('listitem');
    expect(after.length).toBeLessThan(100);
    expect(after.some((li) => li.getAttribute('data-reference') === '00 005 000')).toBe(true);
    expect(after.some((li) => li.getAttribute('data-reference') === '00 000 000')).toBe(false);
  });

  it('computes the window from the scroll position, clamped to the list', () => {
    expect(visibleRange(0, 320, 64, 10_000, 6)).toEqual({ first: 0, last: 11 });
    expect(visibleRange(640, 320, 64, 10_000, 6)).toEqual({ first: 4, last: 21 });
    // Scrolled past the end (the list just got shorter): the last rows, not nothing.
    expect(visibleRange(1_000_000, 320, 64, 10, 6)).toEqual({ first: 0, last: 10 });
    expect(visibleRange(0, 320, 64, 0, 6)).toEqual({ first: 0, last: 0 });
  });
});

describe('the empty state', () => {
  it('tells a new user how to save a first case', () => {
    render(<EmptyState />);
    expect(screen.getByRole('heading', { name: 'No saved cases yet' })).toBeTruthy();
    expect(screen.getByText(/Open a decision on/).textContent).toContain('www.lgo.org.uk');
    expect(screen.getByText(/Press/).textContent).toContain('Save');
  });
});

describe('the undo toast', () => {
  it('calls restore through its Undo callback, and can be dismissed', () => {
    const record = savedCase('19-015-077');
    const restore = vi.fn<(saved: typeof record) => void>();
    const onDismiss = vi.fn();
    render(<UndoToast message="Deleted 19 015 077 (Stoke-on-Trent City Council)." onUndo={() => restore(record)} onDismiss={onDismiss} />);
    expect(screen.getByRole('status').textContent).toContain('Deleted 19 015 077');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(restore).toHaveBeenCalledWith(record);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });
});

describe('the saved copy', () => {
  it('renders markup in the stored text as text, never as HTML', () => {
    const record = savedCase('19-015-077');
    const text = 'Final decision\n<script>alert(1)</script><b>bold</b> <img src=x onerror=alert(2)>';
    const { container } = render(<SavedCopyView record={record} text={text} onBack={vi.fn()} onOpenLive={vi.fn()} />);
    const region = screen.getByRole('region', { name: 'Stored text of 19 015 077' });
    expect(region.textContent).toBe(text);
    expect(container.querySelector('script, b, img')).toBeNull();
  });

  it('says while the text is read, and when it cannot be', () => {
    const record = savedCase('19-015-077');
    const { rerender } = render(<SavedCopyView record={record} text={null} onBack={vi.fn()} onOpenLive={vi.fn()} />);
    expect(screen.getByText('Reading the stored text…')).toBeTruthy();
    rerender(
      <SavedCopyView record={record} text={null} error="The stored copy could not be read." onBack={vi.fn()} onOpenLive={vi.fn()} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The stored copy could not be read.');
  });

  it('goes back, opens the live page, and saves edited tags and note', () => {
    const record = savedCase('19-015-077', { tags: ['a'], note: 'old' });
    const onBack = vi.fn();
    const onOpenLive = vi.fn();
    const onSaveNotes = vi.fn();
    render(<SavedCopyView record={record} text="x" onBack={onBack} onOpenLive={onOpenLive} onSaveNotes={onSaveNotes} />);
    fireEvent.click(screen.getByRole('button', { name: /Back to list/ }));
    expect(onBack).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open the live page' }));
    expect(onOpenLive).toHaveBeenCalledWith(record);
    fireEvent.input(screen.getByLabelText(/Tags/), { target: { value: 'a, client B ,, a' } });
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'new note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags and note' }));
    expect(onSaveNotes).toHaveBeenCalledWith(['a', 'client B'], 'new note', { tags: record.tags, note: record.note });
  });

  it('splits tags on commas', () => {
    expect(parseTags(' x, y ,,x ')).toEqual(['x', 'y']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('the undo toast and focus', () => {
  it('takes focus when asked, so the keyboard is not left on a row that is gone', () => {
    render(<UndoToast message="Deleted 19 015 077." onUndo={vi.fn()} onDismiss={vi.fn()} autoFocus />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
  });
});

describe('joint cases', () => {
  it('shows the other saved pages of a joint case as related', () => {
    const a = savedCase('20-003-139', { reference: '20 003 139a', relatedKey: '20 003 139' });
    const b = savedCase('20-003-139', { reference: '20 003 139b', relatedKey: '20 003 139' });
    const other = savedCase('19-015-077');
    const groups = new Map([['20 003 139', ['20 003 139a', '20 003 139b']]]);
    renderList([a, b, other], { relatedOf: (c) => (groups.get(c.relatedKey) ?? []).filter((r) => r !== c.reference) });
    const rows = screen.getAllByRole('listitem');
    expect(within(rows[0]!).getByText('Related: 20 003 139b')).toBeTruthy();
    expect(within(rows[1]!).getByText('Related: 20 003 139a')).toBeTruthy();
    expect(within(rows[2]!).queryByText(/Related/)).toBeNull();
  });
});
