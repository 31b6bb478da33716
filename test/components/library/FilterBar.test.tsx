// @vitest-environment happy-dom
/** The filter bar: every control labelled, every change a callback with the whole next filter. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterBar, isFiltering, type FilterBarProps } from '../../../components/library/FilterBar';
import { emptyFilter, type CaseFilter, type Facets } from '../../../lib/library/filters';

afterEach(cleanup);

const facets: Facets = {
  areas: ["Children's care services", 'Education'],
  topics: ['Child protection', 'Special educational needs'],
  organisations: ['Hertfordshire County Council', 'Stoke-on-Trent City Council'],
  years: [2019, 2021, 2024],
  tags: ['client A', 'client B'],
  statutes: ['Children Act 1989 s.17', 'Children Act 1989 s.47'],
};

function renderBar(overrides: Partial<FilterBarProps> = {}) {
  const props: FilterBarProps = {
    filter: emptyFilter(),
    facets,
    sortKey: 'decisionDate',
    sortDir: 'desc',
    onFilterChange: vi.fn(),
    onSortChange: vi.fn(),
    onClear: vi.fn(),
    shown: 5,
    total: 5,
    ...overrides,
  };
  render(<FilterBar {...props} />);
  return props;
}

function lastFilter(props: FilterBarProps): CaseFilter {
  const calls = vi.mocked(props.onFilterChange).mock.calls;
  return calls[calls.length - 1]![0];
}

describe('the filter bar', () => {
  it('is a labelled search landmark whose controls are all labelled', () => {
    renderBar();
    expect(screen.getByRole('search', { name: 'Filter saved cases' })).toBeTruthy();
    for (const label of [
      'Search',
      'Outcome',
      'Area',
      'Topic',
      'Organisation',
      'Organisation kind',
      'Year',
      'Tag',
      'Law cited',
      'Has a payment',
      'Sort',
    ]) {
      expect(screen.getByLabelText(label), label).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
  });

  it('calls back with the typed text and each chosen value', () => {
    const props = renderBar();
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'stoke' } });
    expect(lastFilter(props)).toEqual({ ...emptyFilter(), text: 'stoke' });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'upheld' } });
    expect(lastFilter(props).outcome).toEqual(['upheld']);
    fireEvent.change(screen.getByLabelText('Area'), { target: { value: 'Education' } });
    expect(lastFilter(props).area).toBe('Education');
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'Child protection' } });
    expect(lastFilter(props).topic).toBe('Child protection');
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'Stoke-on-Trent City Council' } });
    expect(lastFilter(props).organisation).toBe('Stoke-on-Trent City Council');
    fireEvent.change(screen.getByLabelText('Organisation kind'), { target: { value: 'council' } });
    expect(lastFilter(props).organisationKind).toBe('council');
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2021' } });
    expect(lastFilter(props).year).toBe(2021);
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'client B' } });
    expect(lastFilter(props).tag).toBe('client B');
    fireEvent.change(screen.getByLabelText('Law cited'), { target: { value: 'Children Act 1989 s.47' } });
    expect(lastFilter(props).statute).toBe('Children Act 1989 s.47');
    fireEvent.click(screen.getByLabelText('Has a payment'));
    expect(lastFilter(props).hasPayment).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(props.onClear).toHaveBeenCalled();
  });

  it('sets a filter back to "any" with the empty choice', () => {
    const props = renderBar({ filter: { ...emptyFilter(), year: 2019, outcome: ['not-upheld'] } });
    expect(screen.getByLabelText<HTMLSelectElement>('Year').value).toBe('2019');
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '' } });
    expect(lastFilter(props).year).toBeNull();
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: '' } });
    expect(lastFilter(props).outcome).toEqual([]);
  });

  it('sorts by decision date, saved date or total paid, either way', () => {
    const props = renderBar();
    const sort = screen.getByLabelText<HTMLSelectElement>('Sort');
    expect([...sort.options].map((o) => o.value)).toEqual([
      'decisionDate:desc',
      'decisionDate:asc',
      'savedAt:desc',
      'savedAt:asc',
      'totalPayments:desc',
      'totalPayments:asc',
    ]);
    fireEvent.change(sort, { target: { value: 'totalPayments:desc' } });
    expect(props.onSortChange).toHaveBeenCalledWith('totalPayments', 'desc');
  });

  it('keeps a chosen value listed after it left the library, and says how many match', () => {
    renderBar({ filter: { ...emptyFilter(), tag: 'gone' }, shown: 0, total: 5 });
    expect(screen.getByLabelText<HTMLSelectElement>('Tag').value).toBe('gone');
    expect(screen.getByRole('status').textContent).toBe('0 of 5 cases match');
  });

  it('knows when anything narrows the list', () => {
    expect(isFiltering(emptyFilter())).toBe(false);
    expect(isFiltering({ ...emptyFilter(), text: '  ' })).toBe(false);
    expect(isFiltering({ ...emptyFilter(), hasPayment: true })).toBe(true);
  });
});
