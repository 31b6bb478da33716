// @vitest-environment happy-dom
/** Figures over the seed cases: counts, shares, the median payment, the charts and their tables. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FiguresView, niceCeiling } from '../../../components/library/FiguresView';
import { computeFigures } from '../../../lib/library/figures';
import { applyCorrections, remedyRef, type Correction } from '../../../lib/library/corrections';
import { derivedFields } from '../../../lib/library/record-checks';
import { SEED_REFS, type SeedRef } from '../../helpers/seeds';
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

/** A seed case as the library lists it once `corrections` are made: its entry's fields are of the corrected summary. */
function corrected(ref: SeedRef, corrections: (c: ReturnType<typeof savedCase>) => Correction[]) {
  const parsed = savedCase(ref);
  const list = corrections(parsed);
  return savedCase(ref, { ...derivedFields(applyCorrections(parsed.summary, list).summary), corrections: list });
}

describe('figures that count your corrections', () => {
  const AT = '2026-12-01T10:00:00.000Z';
  // 18 009 360 pays Mr C £500 (seed paragraph "Pay Mr C £500"), corrected to £750; 20 003 139 is upheld, corrected to not upheld.
  const cases = SEED_REFS.map((ref) =>
    ref === '18-009-360'
      ? corrected(ref, ({ summary }) => {
          const i = summary.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
          return [{ field: 'amount', target: remedyRef(summary.remedies, i), from: 500, to: 750, at: AT }];
        })
      : ref === '20-003-139'
        ? corrected(ref, () => [{ field: 'outcome', from: 'upheld', to: 'not-upheld', at: AT }])
        : savedCase(ref),
  );

  it('says how many of the cases carry corrections, and of what', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all 5 saved cases" />);
    expect(document.querySelector('.ol-figures-corrected')!.textContent).toBe(
      'corrected 2 of these 5 cases carry your corrections, and the figures count your values (1 with a corrected outcome, 1 with a corrected payment).',
    );
  });

  it('marks the outcome shares and the payments, which count the corrected values, and not the count of cases', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all 5 saved cases" />);
    expect(stat('Cases')).toBe('5');
    // Upheld: 18 009 360 and 23 017 456 (3 of 5 as read, less 20 003 139).
    expect(stat('Upheld')).toBe('40%corrected2 of 5');
    expect(stat('Not upheld')).toBe('60%corrected3 of 5');
    expect(stat('Total paid')).toBe('£750corrected1 case with a payment');
    expect(stat('Median payment')).toBe('£750correctedof cases with a payment');
    // The only payment is the corrected one, so it is both the smallest and the largest.
    expect(stat('Smallest payment')).toBe('£750corrected');
    expect(stat('Largest payment')).toBe('£750corrected');
  });

  it('marks the corrected case’s row in the payments chart’s table and its bar', () => {
    render(<FiguresView figures={computeFigures(cases)} scope="all 5 saved cases" />);
    const table = screen.getByRole('table', { name: 'Payments per case' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('18 009 360£750corrected');
    expect(screen.getAllByRole('img')[0]!.querySelector('rect title')!.textContent).toBe('18 009 360: £750 (corrected by you)');
  });

  it('a correction that changes neither an outcome nor a payment is counted, but marks no figure', () => {
    const payee = corrected('18-009-360', ({ summary }) => {
      const i = summary.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
      return [{ field: 'payee', target: remedyRef(summary.remedies, i), from: summary.remedies[i]!.payee, to: 'Mrs C', at: AT }];
    });
    render(<FiguresView figures={computeFigures([payee])} scope="one" />);
    expect(document.querySelector('.ol-figures-corrected')!.textContent).toBe(
      'corrected This case carries your corrections, and the figures count your values.',
    );
    expect(stat('Total paid')).toBe('£5001 case with a payment');
    expect(stat('Largest payment')).toBe('£500');
  });

  it('marks the smallest or largest payment only when it is a corrected case’s', () => {
    const raised = corrected('18-009-360', ({ summary }) => {
      const i = summary.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
      return [{ field: 'amount', target: remedyRef(summary.remedies, i), from: 500, to: 750, at: AT }];
    });
    const others = [100, 1000].map((amount, i) => savedCase(SEED_REFS[i]!, { totalPayments: amount }));
    render(<FiguresView figures={computeFigures([raised, ...others])} scope="three" />);
    expect(stat('Smallest payment')).toBe('£100');
    expect(stat('Largest payment')).toBe('£1,000');
    expect(stat('Total paid')).toBe('£1,850corrected3 cases with a payment');
  });

  it('shows no mark at all when no case is corrected', () => {
    render(<FiguresView figures={computeFigures(SEED_REFS.map((r) => savedCase(r)))} scope="all 5 saved cases" />);
    expect(document.querySelector('.ol-figures-corrected')).toBeNull();
    expect(document.querySelector('.ol-corrected')).toBeNull();
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
