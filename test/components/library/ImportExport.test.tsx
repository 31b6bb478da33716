// @vitest-environment happy-dom
/** Export buttons call back; the import report says what happened, or why nothing did. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportExport, type ImportExportProps } from '../../../components/library/ImportExport';

afterEach(cleanup);

function renderIE(overrides: Partial<ImportExportProps> = {}) {
  const props: ImportExportProps = {
    scope: { count: 3, source: 'selection' },
    total: 12,
    onExportCsv: vi.fn(),
    onExportBackup: vi.fn(),
    onExportCsl: vi.fn(),
    onImportFile: vi.fn(),
    ...overrides,
  };
  render(<ImportExport {...props} />);
  return props;
}

describe('export', () => {
  it('says what each export takes and calls back', () => {
    const props = renderIE();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (3 cases selected)' }));
    expect(props.onExportCsv).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Export for Zotero (3 cases selected)' }));
    expect(props.onExportCsl).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON backup (all 12)' }));
    expect(props.onExportBackup).toHaveBeenCalled();
  });

  it('names the filter as the scope when nothing is selected, and disables an empty export', () => {
    renderIE({ scope: { count: 0, source: 'filter' } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export CSV (0 cases shown)' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export JSON backup (all 12)' }).disabled).toBe(false);
  });
});

describe('import', () => {
  it('hands the chosen file to the container', () => {
    const props = renderIE();
    const input = screen.getByLabelText<HTMLInputElement>('Import backup');
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(props.onImportFile).toHaveBeenCalledWith(file);
  });

  it('reports what was added and merged', () => {
    renderIE({ report: { ok: true, added: 2, merged: 1 } });
    expect(screen.getByRole('status').textContent).toBe('Imported: 2 cases added, 1 merged with cases already saved.');
  });

  it('shows a refusal with its message and every problem', () => {
    const onDismissReport = vi.fn();
    renderIE({
      report: {
        ok: false,
        message: 'The backup was not imported, and nothing was changed: cases[1].summary.reference: Invalid string (and 1 more problem).',
        problems: ['cases[1].summary.reference: Invalid string', 'cases[2].tags: Too big'],
      },
      onDismissReport,
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('nothing was changed');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'cases[1].summary.reference: Invalid string',
      'cases[2].tags: Too big',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the import report' }));
    expect(onDismissReport).toHaveBeenCalled();
  });
});
