// @vitest-environment happy-dom
/**
 * Corrections in the library page over a real CaseStore (fake-indexeddb): seen and changed in the
 * saved copy's view, marked in the list, applied in the comparison, and written by "Export corrections".
 */
// Dexie's liveQuery runs its querier only when a global indexedDB exists (see PopupApp.test.tsx).
import 'fake-indexeddb/auto';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '../../../entrypoints/popup/PopupApp';
import { CaseStore } from '../../../lib/library/case-store';
import { LensDatabase } from '../../../lib/library/database';
import { remedyRef } from '../../../lib/library/corrections';
import { CorrectionsReportSchema } from '../../../lib/library/corrections-report';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../../helpers/seeds';

configure({ asyncUtilTimeout: 15_000 });
let dbCount = 0;
let db: LensDatabase;
let store: CaseStore;

beforeEach(() => {
  localStorage.clear();
  db = new LensDatabase(`library-corrections-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new CaseStore(db);
});
afterEach(() => {
  cleanup();
  db.close();
});

async function save(ref: SeedRef) {
  const result = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
  if (!result.ok) throw new Error(result.message);
  return result.value.summary;
}

function renderTab() {
  const download = vi.fn<NonNullable<PopupAppProps['download']>>();
  render(<PopupApp store={store} openTab={vi.fn()} download={download} place="tab" openLibraryTab={vi.fn()} />);
  return { download };
}

describe('corrections in the library page', () => {
  it('the saved copy view shows the case as read and takes a correction of an amount, which the list then marks', async () => {
    await save('18-009-360');
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Saved copy of 18 009 360' }));
    const panel = await screen.findByRole('region', { name: 'What was read, and your corrections' });
    const item = within(panel)
      .getByText((_, el) => el?.tagName === 'BLOCKQUOTE' && el.textContent!.startsWith('Pay Mr C £500'))
      .closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Correct' }));
    const amount = within(item).getByLabelText(/Amount/);
    fireEvent.input(amount, { target: { value: '1,200' } });
    fireEvent.blur(amount);
    await waitFor(() => expect(within(panel).getByText(/total paid £1,200/)).toBeTruthy());
    expect((await store.list()).cases[0]!.totalPayments).toBe(1200);
    fireEvent.click(screen.getByRole('button', { name: /Back to list/ }));
    const row = (await screen.findByRole('list', { name: /^Saved cases/ })).querySelector('li')!;
    await waitFor(() => expect(within(row).getByText('corrected').getAttribute('title')).toBe('You corrected: an amount'));
  });

  it('"Export corrections" downloads the report; with none, it says there is nothing to export', async () => {
    const summary = await save('18-009-360');
    const { download } = renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Export corrections' }));
    expect((await screen.findByText(/No saved case has corrections yet/)).textContent).toBeTruthy();
    expect(download).not.toHaveBeenCalled();
    const pay = summary.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
    await store.correct('18 009 360', {
      set: { field: 'amount', target: remedyRef(summary.remedies, pay), from: 500, to: 600, at: '2026-12-01T10:00:00.000Z' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export corrections' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, type, json] = download.mock.calls[0]!;
    expect(name).toMatch(/^ombudsman-lens-corrections-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    const report = CorrectionsReportSchema.parse(JSON.parse(json as string));
    expect(report.cases.map((c) => [c.reference, c.corrections.map((x) => [x.field, x.from, x.to])])).toEqual([
      ['18 009 360', [['amount', 500, 600]]],
    ]);
  });
});

describe('the comparison', () => {
  it('compares cases as corrected, and marks the corrected one', async () => {
    const { CompareView } = await import('../../../components/library/CompareView');
    const { savedCase } = await import('../../helpers/saved-cases');
    const a = savedCase('20-003-139');
    const plain = savedCase('18-009-360');
    const pay = plain.summary.remedies.findIndex((r) => r.text.startsWith('Pay Mr C £500'));
    const b = {
      ...plain,
      corrections: [
        { field: 'amount' as const, target: remedyRef(plain.summary.remedies, pay), from: 500, to: 900, at: '2026-12-01T10:00:00.000Z' },
      ],
    };
    render(<CompareView cases={[a, b]} onBack={() => {}} />);
    const total = screen.getByRole('rowheader', { name: 'Total paid' }).closest('tr')!;
    expect(within(total).getByText('£900')).toBeTruthy();
    expect(within(total).queryByText('£500')).toBeNull();
    expect(screen.getAllByText('corrected')).toHaveLength(1);
  });
});
