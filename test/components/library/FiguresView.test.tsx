// @vitest-environment happy-dom
/** Figures over the seed cases: counts, shares, the median payment, the charts and their tables. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FiguresView, niceCeiling } from '../../../components/library/FiguresView';
import { computeFigures } from '../../../lib/library/figures';
import { SEED_REFS } from '../../helpers/seeds';
import { savedCase } from '../../helpers/saved-cases';

afterEach(cleanup);

/** The value shown under a stat's label ("Cases" -> "5"). */
function stat(label: string): string {
  const dt = screen.getByText(label, { selector: 'dt' });
  return dt.nextElementSibling!.textContent;
}

describe('figures over the five seeds', () => {
  const cases = SEED_REFS.map((r) => savedCase(r));

  it('shows the count, the outcome shares and the payments', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all 5 saved cases" />);
    expect(screen.getByText('Over all 5 saved cases.')).toBeTruthy();
    expect(stat('Cases')).toBe('5');
    expect(stat('Upheld')).toBe('60%3 of 5');
    expect(stat('Not upheld')).toBe('40%2 of 5');
    expect(stat('Closed after initial enquiries')).toBe('0%0 of 5');
    expect(stat('Total paid')).toBe('£5001 case with a payment');
    expect(stat('Median payment')).toBe('£500of cases with a payment');
  });

  it('ranks the remedies, the law and the organisations', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all" />);
    const remedies = within(screen.getByRole('region', { name: 'Remedies most often agreed' })).getAllByRole('listitem');
    expect(remedies[0]!.textContent).toBe('Apology2');
    const law = within(screen.getByRole('region', { name: 'Law most often cited' })).getAllByRole('listitem');
    expect(law.map((li) => li.textContent)).toEqual(['Children Act 1989 s.475', 'Children Act 1989 s.172']);
    const orgs = within(screen.getByRole('region', { name: 'Cases per organisation' })).getAllByRole('listitem');
    expect(orgs[0]!.textContent).toBe('Stoke-on-Trent City Council2');
  });

  it('draws both charts with a text alternative and a data table', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all" />);
    const images = screen.getAllByRole('img');
    expect(images).toHaveLength(2);
    expect(images[0]!.getAttribute('aria-label')).toContain('Payments per case');
    expect(images[0]!.querySelector('title')!.textContent).toContain('£500');
    expect(images[0]!.querySelectorAll('rect')).toHaveLength(1);
    expect(images[1]!.getAttribute('aria-label')).toContain('2019: 1 upheld, 0 not upheld');
    // 2019, 2021, 2024: one stack per year.
    expect(images[1]!.querySelectorAll('g')).toHaveLength(3);
    const years = screen.getByRole('table', { name: 'Outcomes per year' });
    expect(within(years).getAllByRole('row')).toHaveLength(4);
    expect(within(years).getByRole('rowheader', { name: '2024' }).closest('tr')!.textContent).toBe('20241100');
  });
});

describe('the median over several payments', () => {
  it('is the middle payment, or the mean of the two middle ones', () => {
    const paid = [100, 500, 900, 1200].map((amount, i) => savedCase(SEED_REFS[i]!, { totalPayments: amount }));
    render(<FiguresView figures={computeFigures(paid)} scope="four cases" />);
    expect(stat('Median payment')).toBe('£700of cases with a payment');
    expect(stat('Smallest payment')).toBe('£100');
    expect(stat('Largest payment')).toBe('£1,200');
    expect(stat('Total paid')).toBe('£2,7004 cases with a payment');
  });
});

it('says so when nothing matches', () => {
  render(<FiguresView figures={computeFigures([])} scope="the 0 cases matching the filters" />);
  expect(screen.getByText(/No case to count/)).toBeTruthy();
});

it('rounds axis tops up to 1, 2, 2.5 or 5 times a power of ten', () => {
  expect(niceCeiling(0)).toBe(1);
  expect(niceCeiling(7)).toBe(10);
  expect(niceCeiling(500)).toBe(500);
  expect(niceCeiling(1950)).toBe(2000);
  expect(niceCeiling(2100)).toBe(2500);
  expect(niceCeiling(3)).toBe(5);
});
