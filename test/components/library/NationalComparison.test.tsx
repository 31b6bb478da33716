// @vitest-environment happy-dom
/**
 * The national uphold rate beside the library's own share, in the figures: the seeds' decision dates
 * (hand-read from seeds/*.txt) fall in the Ombudsman's years 2019-20 (18 009 360, upheld, 21 Aug
 * 2019), 2020-21 (19 015 077, not upheld, 8 Feb 2021), 2021-22 (20 003 139, upheld, 1 Jun 2021)
 * and 2024-25 (23 017 456, upheld, 6 Jun 2024; 23 020 284, not upheld, 20 Oct 2024).
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FiguresView } from '../../../components/library/FiguresView';
import { computeFigures } from '../../../lib/library/figures';
import { SEED_REFS } from '../../helpers/seeds';
import { savedCase } from '../../helpers/saved-cases';

afterEach(cleanup);

function comparison(): HTMLElement {
  return screen.getByRole('region', { name: 'Upheld: these cases and the national rate' });
}

function rows(): string[][] {
  return within(comparison())
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
}

describe('the national uphold rate in the figures', () => {
  it('shows each year of the seeds beside the national rate, with its source as a link', () => {
    render(<FiguresView figures={computeFigures(SEED_REFS.map((r) => savedCase(r)))} scope="all 5 saved cases" />);
    expect(rows().map((r) => r.slice(0, 3))).toEqual([
      ['2019-20', '100% (1 of 1)', '61%'],
      ['2020-21', '0% (0 of 1)', '67%'],
      ['2021-22', '100% (1 of 1)', '66%'],
      ['2024-25', '50% (1 of 2)', '83%'],
    ]);
    const source = within(comparison()).getByRole('link', { name: /Children’s complaints still dominate Ombudsman casework in 2024-25/ });
    expect(source.getAttribute('href')).toBe(
      'https://www.lgo.org.uk/information-centre/news/2025/jul/children-s-complaints-still-dominate-ombudsman-casework-in-2024-25-but-housing-has-overtaken-adult-services',
    );
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
    const text = comparison().textContent ?? '';
    expect(text).toContain('counts detailed investigations only');
    expect(text).toContain('2020-21: Quoted second-hand');
    expect(text).toContain('2024-25: From 2022-23 the Ombudsman was less likely to investigate “borderline” issues');
    expect(
      within(comparison())
        .getByRole('link', { name: /annual report and accounts 2022-2023/ })
        .getAttribute('href'),
    ).toMatch(/^https:\/\/www\.wired-gov\.net\//);
  });

  it('leaves closed cases out of both sides and says how many, and says when a year has no published figure', () => {
    const cases = [
      savedCase('18-009-360'),
      savedCase('20-003-139', { decisionDate: '2017-01-10', year: 2017 }),
      savedCase('19-015-077', { outcomeKind: 'closed-after-initial-enquiries' }),
    ];
    render(<FiguresView figures={computeFigures(cases)} scope="three" />);
    expect(rows()).toEqual([
      ['2016-17', '100% (1 of 1)', 'No published figure found', '—'],
      ['2019-20', '100% (1 of 1)', '61%', 'Review of local government complaints 2019-20 (a copy on readkong.com)'],
    ]);
    expect(comparison().textContent).toContain('1 case closed after initial enquiries in this set is left out.');
    // Nothing from 2022-23 on: the change of approach is not said where it does not apply.
    expect(comparison().textContent).not.toContain('borderline');
  });

  it('says there is nothing to compare when no case was investigated on a known date', () => {
    render(
      <FiguresView figures={computeFigures([savedCase('19-015-077', { outcomeKind: 'closed-after-initial-enquiries' })])} scope="one" />,
    );
    expect(comparison().textContent).toContain('nothing to compare with the national rate');
    expect(within(comparison()).queryByRole('table')).toBeNull();
  });
});
