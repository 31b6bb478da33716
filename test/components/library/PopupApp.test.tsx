// @vitest-environment happy-dom
/**
 * The popup container over a real CaseStore on fake-indexeddb: the live query
 * shows what is saved, and delete / undo, the saved copy, compare, figures,
 * export and import go through the store.
 */
// Dexie's liveQuery runs its querier only when a global indexedDB exists
// (https://github.com/dexie/Dexie.js/issues/2046); the database itself uses its own factory.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '../../../entrypoints/popup/PopupApp';
import { CaseStore } from '../../../lib/library/case-store';
import { LensDatabase } from '../../../lib/library/database';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../../helpers/seeds';
import { emptyFilter } from '../../../lib/library/filters';

let dbCount = 0;
let db: LensDatabase;
let store: CaseStore;

beforeEach(() => {
  localStorage.clear();
  db = new LensDatabase(`popup-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new CaseStore(db);
});

afterEach(() => {
  cleanup();
  db.close();
});

async function save(ref: SeedRef, tags: string[] = []) {
  const result = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref], tags });
  if (!result.ok) throw new Error(result.message);
}

function renderPopup(place: 'popup' | 'tab' = 'popup') {
  const openTab = vi.fn();
  const download = vi.fn<NonNullable<PopupAppProps['download']>>();
  const openLibraryTab = vi.fn();
  render(<PopupApp store={store} openTab={openTab} download={download} place={place} openLibraryTab={openLibraryTab} />);
  return { openTab, download, openLibraryTab };
}

/** A version 2 backup's lines: the header, the cases, the end line with their count. */
function backupLinesOf(text: string): {
  header: { format: string; version: number };
  cases: Array<{ reference: string }>;
  end: { end: true; cases: number };
} {
  const lines = text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const end = lines.at(-1) as { end: true; cases: number };
  expect(end.cases).toBe(lines.length - 2);
  return { header: lines[0] as { format: string; version: number }, cases: lines.slice(1, -1) as Array<{ reference: string }>, end };
}

/** Holds every call of the store's `method` until the returned function is called; the call then runs as before. */
function holdStore(method: 'list' | 'count' | 'firstPage' | 'importBatch'): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const original = (store[method] as (...args: unknown[]) => Promise<unknown>).bind(store);
  Object.assign(store, {
    [method]: async (...args: unknown[]) => {
      await held;
      return original(...args);
    },
  });
  return release;
}

/** The list's rows once the whole library has been read (not the first page shown while it loads). */
async function rows(): Promise<HTMLElement[]> {
  await screen.findByRole('list', { name: /^Saved cases/ });
  await waitFor(() => expect(screen.queryByText(/^Reading all/)).toBeNull());
  return within(screen.getByRole('list', { name: /^Saved cases/ })).getAllByRole('listitem');
}

/** The references of the rows remembered for the next opening, in their order. */
function rememberedReferences(): string[] | null {
  const raw = localStorage.getItem('ombudsman-lens:first-rows');
  return raw === null ? null : (JSON.parse(raw) as { cases: { reference: string }[] }).cases.map((c) => c.reference);
}

describe('the popup', () => {
  it('shows the top of the list through the sort index while the whole library is still being read', async () => {
    await save('19-015-077');
    await save('18-009-360');
    await save('23-017-456');
    const release = holdStore('list');
    renderPopup();
    await screen.findByText('Reading all 3 saved cases…');
    // Newest decision first, the default sort (hand-checked decision dates: 6 Jun 2024, 8 Feb 2021, 21 Aug 2019).
    const preview = within(screen.getByRole('list', { name: /^Saved cases/ })).getAllByRole('listitem');
    expect(preview.map((r) => r.querySelector('.ol-ref')!.textContent)).toEqual(['23 017 456', '19 015 077', '18 009 360']);
    expect(screen.getByText('3 saved cases')).toBeTruthy();
    release();
    await waitFor(() => expect(screen.queryByText(/^Reading all/)).toBeNull());
    expect(await rows()).toHaveLength(3);
  });

  it('draws the rows remembered from its last opening with the app, then the library as it is now', async () => {
    await save('19-015-077');
    await save('18-009-360');
    renderPopup();
    expect((await rows()).map((r) => r.querySelector('.ol-ref')!.textContent)).toEqual(['19 015 077', '18 009 360']);
    await waitFor(() => expect(rememberedReferences()).toEqual(['19 015 077', '18 009 360']));
    cleanup();
    // Meanwhile, from a sidebar: one deleted, one saved.
    await store.remove('18 009 360');
    await save('23-017-456');
    const release = holdStore('firstPage');
    renderPopup();
    // In the app's first draw, before the library has answered: the rows as last read.
    const remembered = within(screen.getByRole('list', { name: /^Saved cases/ })).getAllByRole('listitem');
    expect(remembered.map((r) => r.querySelector('.ol-ref')!.textContent)).toEqual(['19 015 077', '18 009 360']);
    expect(screen.getByText('Reading all saved cases…')).toBeTruthy();
    release();
    // Newest decision first (hand-checked: 6 Jun 2024, 21 Aug 2019).
    expect((await rows()).map((r) => r.querySelector('.ol-ref')!.textContent)).toEqual(['23 017 456', '19 015 077']);
    await waitFor(() => expect(rememberedReferences()).toEqual(['23 017 456', '19 015 077']));
  });

  it('leaves no remembered rows once the library is emptied, and shows none remembered in another order', async () => {
    await save('19-015-077');
    renderPopup();
    await rows();
    await waitFor(() => expect(rememberedReferences()).toEqual(['19 015 077']));
    cleanup();
    localStorage.setItem('ombudsman-lens:popup-prefs', JSON.stringify({ filter: emptyFilter(), sortKey: 'savedAt', sortDir: 'desc' }));
    const release = holdStore('firstPage');
    renderPopup();
    expect(screen.queryByRole('list', { name: /^Saved cases/ })).toBeNull();
    release();
    await rows();
    cleanup();
    await store.remove('19 015 077');
    renderPopup();
    expect(await screen.findByRole('heading', { name: 'No saved cases yet' })).toBeTruthy();
    await waitFor(() => expect((JSON.parse(localStorage.getItem('ombudsman-lens:first-rows')!) as { cases: unknown[] }).cases).toEqual([]));
  });

  it('draws the first rows without waiting for the library to be counted', async () => {
    await save('19-015-077');
    await save('18-009-360');
    const releaseList = holdStore('list');
    const releaseCount = holdStore('count');
    renderPopup();
    await screen.findByText('Reading all saved cases…');
    const preview = within(screen.getByRole('list', { name: /^Saved cases/ })).getAllByRole('listitem');
    expect(preview.map((r) => r.querySelector('.ol-ref')!.textContent)).toEqual(['19 015 077', '18 009 360']);
    expect(screen.queryByText(/saved cases?$/)).toBeNull();
    expect(screen.getByText('Counting the cases…')).toBeTruthy();
    releaseCount();
    await screen.findByText('Reading all 2 saved cases…');
    expect(screen.getByText('2 saved cases')).toBeTruthy();
    releaseList();
    expect(await rows()).toHaveLength(2);
  });

  it('shows the empty state for a new library', async () => {
    renderPopup();
    expect(await screen.findByRole('heading', { name: 'No saved cases yet' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeTruthy();
  });

  it('lists saved cases, and a case saved while it is open appears live', async () => {
    await save('19-015-077');
    renderPopup();
    expect(await rows()).toHaveLength(1);
    await save('18-009-360');
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    // Newest decision first by default.
    expect((await rows()).map((r) => r.getAttribute('data-reference'))).toEqual(['19 015 077', '18 009 360']);
  });

  it('filters by text and remembers the filter', async () => {
    await save('19-015-077');
    await save('18-009-360');
    renderPopup();
    await rows();
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'hertfordshire' } });
    expect((await rows()).map((r) => r.getAttribute('data-reference'))).toEqual(['18 009 360']);
    expect((JSON.parse(localStorage.getItem('ombudsman-lens:popup-prefs')!) as { filter: { text: string } }).filter.text).toBe(
      'hertfordshire',
    );
  });

  it('deletes with undo: Undo restores the record through the store', async () => {
    await save('19-015-077', ['client A']);
    await save('18-009-360');
    renderPopup();
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 19 015 077' }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const toast = screen.getByText(/Deleted 19 015 077/).closest('.ol-toast') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    expect(screen.queryByText(/Deleted 19 015 077/)).toBeNull();
    expect((await db.cases.get('19 015 077'))!.tags).toEqual(['client A']);
  });

  it('says so when Undo merged into a copy saved again since the delete', async () => {
    await save('19-015-077', ['client A']);
    renderPopup();
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 19 015 077' }));
    await screen.findByText('No saved cases yet');
    // Saved again (from its page, in another window) before Undo is pressed.
    await save('19-015-077', ['appeal']);
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const toast = screen.getByText(/Deleted 19 015 077/).closest('.ol-toast') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    const notice = await screen.findByText(/^19 015 077 was saved again after you deleted it/);
    expect(notice.textContent).toContain("the deleted copy's tags and note were added to its own");
    expect(notice.closest('[role="status"]')).toBeTruthy();
    expect((await db.cases.get('19 015 077'))!.tags).toEqual(['appeal', 'client A']);
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/was saved again after you deleted it/)).toBeNull();
  });

  it('says nothing more when Undo put the case back as it was', async () => {
    await save('19-015-077', ['client A']);
    await save('18-009-360');
    renderPopup();
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 19 015 077' }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    const toast = screen.getByText(/Deleted 19 015 077/).closest('.ol-toast') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    expect(screen.queryByText(/was saved again/)).toBeNull();
  });

  it('opens the live page, and shows the stored copy as text', async () => {
    await save('19-015-077');
    const { openTab } = renderPopup();
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Open 19 015 077' }));
    expect(openTab).toHaveBeenCalledWith(SEED_URLS['19-015-077']);
    fireEvent.click(screen.getByRole('button', { name: 'Saved copy of 19 015 077' }));
    const copy = await screen.findByRole('region', { name: 'Stored text of 19 015 077' });
    expect(copy.textContent).toBe(seedText('19-015-077'));
    fireEvent.input(screen.getByLabelText(/Tags/), { target: { value: 'client A, urgent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags and note' }));
    await waitFor(async () => expect((await db.cases.get('19 015 077'))!.tags).toEqual(['client A', 'urgent']));
    fireEvent.click(screen.getByRole('button', { name: /Back to list/ }));
    await waitFor(async () => expect(within((await rows())[0]!).getByText('urgent')).toBeTruthy());
  });

  it('compares the selected cases and shows figures for the filter', async () => {
    await save('19-015-077');
    await save('18-009-360');
    renderPopup();
    await rows();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 19 015 077 for comparison' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 18 009 360 for comparison' }));
    const nav = screen.getByRole('navigation', { name: 'Views' });
    fireEvent.click(within(nav).getByRole('button', { name: 'Compare (2)' }));
    expect(within(nav).getByRole('button', { name: 'Compare (2)' }).getAttribute('aria-current')).toBe('page');
    const paid = (await screen.findByRole('rowheader', { name: 'Total paid' })).closest('tr')!;
    expect(paid.textContent).toBe('Total paid£0£500 (differs)');
    fireEvent.click(within(nav).getByRole('button', { name: 'Figures' }));
    expect((await screen.findByText('Median payment', { selector: 'dt' })).nextElementSibling!.textContent).toContain('£500');
    expect(screen.getByText('Over all 2 saved cases.')).toBeTruthy();
  });

  it('exports the selection as CSV, and everything as a backup that imports back', async () => {
    await save('19-015-077');
    await save('18-009-360');
    const { download } = renderPopup('tab');
    await rows();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 18 009 360 for comparison' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (1 case selected)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, type, csv] = download.mock.calls[0]!;
    expect(name).toMatch(/^ombudsman-lens-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(type).toContain('text/csv');
    expect((csv as string).trim().split('\n')).toHaveLength(2);
    expect(csv).toContain('18 009 360');

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON backup (all 2)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    // Backup version 2, streamed into a Blob: a header line, one line per case, an end line.
    const backup = download.mock.calls[1]![2] as Blob;
    expect(download.mock.calls[1]![0]).toMatch(/^ombudsman-lens-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(
      backupLinesOf(await backup.text())
        .cases.map((c) => c.reference)
        .sort(),
    ).toEqual(['18 009 360', '19 015 077']);

    await Promise.all([db.cases.clear(), db.summaries.clear(), db.texts.clear()]);
    await screen.findByRole('heading', { name: 'No saved cases yet' });
    const input = screen.getByLabelText<HTMLInputElement>('Import backup');
    Object.defineProperty(input, 'files', { value: [new File([backup], 'backup.jsonl')], configurable: true });
    fireEvent.change(input);
    await waitFor(async () => expect(await rows()).toHaveLength(2), { timeout: 5000 });
    expect(screen.getByText('Imported: 2 cases added, 0 merged with cases already saved.')).toBeTruthy();
  });

  it('shows an import under way with a progress bar, and Cancel stops it with nothing changed', async () => {
    await save('19-015-077');
    await save('18-009-360');
    const { download } = renderPopup('tab');
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON backup (all 2)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const backup = download.mock.calls[0]![2] as Blob;
    await Promise.all([db.cases.clear(), db.summaries.clear(), db.texts.clear()]);
    await screen.findByRole('heading', { name: 'No saved cases yet' });

    // The check of the file's cases waits here until the test lets it go on.
    const release = holdStore('importBatch');
    const input = screen.getByLabelText<HTMLInputElement>('Import backup');
    Object.defineProperty(input, 'files', { value: [new File([backup], 'backup.jsonl')], configurable: true });
    fireEvent.change(input);
    const progress = await screen.findByRole('progressbar');
    expect(progress.closest('[role="status"]')!.textContent).toMatch(/^Checking the backup/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    release();
    expect((await screen.findByRole('alert')).textContent).toContain('Import cancelled: nothing was changed.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await db.cases.count()).toBe(0);
  });

  it('in the popup, hands the JSON backup and the import to the library page in a tab', async () => {
    await save('19-015-077');
    const { download, openLibraryTab } = renderPopup('popup');
    await rows();
    // The system file dialog would close a Firefox popup, and a long export or import must outlive it.
    expect(screen.queryByLabelText('Import backup')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import backup…' }));
    expect(openLibraryTab).toHaveBeenLastCalledWith('#import');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON backup (all 1)' }));
    expect(openLibraryTab).toHaveBeenLastCalledWith('#export-backup');
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(openLibraryTab).toHaveBeenLastCalledWith('');
    expect(download).not.toHaveBeenCalled();
  });

  it('the library page opened for a backup exports it by itself, once; opened to import, it says to choose the file', async () => {
    await save('19-015-077');
    location.hash = '#export-backup';
    const { download } = renderPopup('tab');
    await rows();
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(backupLinesOf(await (download.mock.calls[0]![2] as Blob).text()).cases).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
    cleanup();

    location.hash = '#import';
    renderPopup('tab');
    await rows();
    expect(screen.getByText('Choose the backup file to import with “Import backup”.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Import backup')));
    location.hash = '';
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('refuses a bad backup and says why', async () => {
    await save('19-015-077');
    renderPopup('tab');
    await rows();
    const input = screen.getByLabelText<HTMLInputElement>('Import backup');
    Object.defineProperty(input, 'files', { value: [new File(['{"format":"something else"}'], 'x.json')], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('not an Ombudsman Lens backup');
    expect(await rows()).toHaveLength(1);
  });
});
