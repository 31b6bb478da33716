// @vitest-environment happy-dom
/** Two or more saved seed cases side by side, differences marked. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompareView, compareRows } from '../../../components/library/CompareView';
import { savedCase } from '../../helpers/saved-cases';

afterEach(cleanup);

/** The row headed `label`, as its cells (without the header). */
function row(label: string): HTMLElement[] {
  const header = screen.getByRole('rowheader', { name: label });
  return within(header.closest('tr')!).getAllByRole('cell');
}

const differs = (cell: HTMLElement) => cell.classList.contains('ol-differs') && /\(differs\)/.test(cell.textContent ?? '');

describe('comparing 19 015 077 with 18 009 360', () => {
  it('has one column per case and every row the issue asks for', () => {
    render(<CompareView cases={[savedCase('19-015-077'), savedCase('18-009-360')]} onBack={vi.fn()} />);
    const columns = screen.getAllByRole('columnheader');
    expect(columns.map((c) => c.textContent)).toEqual(['19 015 077Stoke-on-Trent City Council', '18 009 360Hertfordshire County Council']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Outcome',
      'Decision date',
      'Organisation',
      'Area / topic',
      'Complainant',
      'Faults',
      'Remedies',
      'Total paid',
      'Law cited',
      'Guidance',
      'Regulators',
    ]);
  });

  it('marks the cells that differ from the first column, for eyes and screen readers', () => {
    render(<CompareView cases={[savedCase('19-015-077'), savedCase('18-009-360')]} onBack={vi.fn()} />);
    const outcome = row('Outcome');
    expect(outcome[0]!.textContent).toBe('Not upheld');
    expect(outcome[1]!.textContent).toContain('Upheld');
    expect(differs(outcome[0]!)).toBe(false);
    expect(differs(outcome[1]!)).toBe(true);

    const paid = row('Total paid');
    expect(paid[0]!.textContent).toBe('£0');
    expect(paid[1]!.textContent).toBe('£500 (differs)');
    expect(differs(paid[1]!)).toBe(true);

    // Same area and topic: not marked.
    const area = row('Area / topic');
    expect(area[1]!.textContent).toBe("Children's care services › Child protection");
    expect(differs(area[1]!)).toBe(false);

    const faults = row('Faults');
    expect(faults[0]!.textContent).toBe('None found');
    expect(within(faults[1]!).getAllByRole('listitem')).toHaveLength(7);
    expect(within(faults[1]!).getAllByText('Injustice caused')).toHaveLength(6);
    expect(differs(faults[1]!)).toBe(true);

    const remedies = within(row('Remedies')[1]!).getAllByRole('listitem');
    expect(remedies[2]!.textContent).toBe('Payment £500 · Within 20 working days of this decision');

    expect(row('Regulators')[1]!.textContent).toContain('Ofsted');
    expect(row('Complainant').map((c) => c.textContent)).toEqual(['Ms V', 'Mr C (differs)']);
  });

  it('judges law by the sections cited, in any order', () => {
    // 23 020 284 cites Children Act 1989 s.17 and s.47, 18 009 360 s.47 and s.17.
    const rows = compareRows([savedCase('23-020-284'), savedCase('18-009-360')]);
    const law = rows.find((r) => r.label === 'Law cited')!;
    expect(law.keys[0]).toBe(law.keys[1]);
  });

  it('takes a case out, goes back, and scrolls sideways in a labelled region', () => {
    const onBack = vi.fn();
    const onRemove = vi.fn();
    render(
      <CompareView
        cases={[savedCase('19-015-077'), savedCase('18-009-360'), savedCase('20-003-139')]}
        onBack={onBack}
        onRemove={onRemove}
      />,
    );
    expect(screen.getByRole('region', { name: 'Comparison table' }).getAttribute('tabindex')).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Remove 20 003 139 from the comparison' }));
    expect(onRemove).toHaveBeenCalledWith('20 003 139');
    fireEvent.click(screen.getByRole('button', { name: /Back to list/ }));
    expect(onBack).toHaveBeenCalled();
  });

  it('asks for two or more cases when fewer are selected', () => {
    render(<CompareView cases={[savedCase('19-015-077')]} onBack={vi.fn()} />);
    expect(screen.getByText(/Tick two or more cases/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
