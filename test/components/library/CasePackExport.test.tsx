// @vitest-environment happy-dom
/**
 * "Export case pack" in the library (popup and page): the selected cases, or those the filter
 * shows, made into one HTML file and handed to the download, as the other exports are.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '../../../entrypoints/popup/PopupApp';
import { CaseStore } from '../../../lib/library/case-store';
import { LensDatabase } from '../../../lib/library/database';
import { SEED_URLS, htmlDocument, seedText, summaryOf, type SeedRef } from '../../helpers/seeds';

let dbCount = 0;
let db: LensDatabase;
let store: CaseStore;

beforeEach(() => {
  localStorage.clear();
  db = new LensDatabase(`case-pack-ui-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new CaseStore(db);
});

afterEach(() => {
  cleanup();
  db.close();
});

async function save(ref: SeedRef) {
  const result = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
  if (!result.ok) throw new Error(result.message);
}

async function listed(): Promise<void> {
  await screen.findByRole('list', { name: /^Saved cases/ });
  await waitFor(() => expect(screen.queryByText(/^Reading all/)).toBeNull());
}

async function packOf(download: ReturnType<typeof vi.fn<NonNullable<PopupAppProps['download']>>>, call = 0): Promise<Document> {
  await waitFor(() => expect(download.mock.calls.length).toBeGreaterThan(call));
  const [name, type, content] = download.mock.calls[call]!;
  expect(name).toMatch(/^ombudsman-lens-case-pack-\d{4}-\d{2}-\d{2}\.html$/);
  expect(type).toBe('text/html;charset=utf-8');
  return htmlDocument(await (content as Blob).text());
}

const references = (doc: Document) => [...doc.querySelectorAll('section.case')].map((s) => s.id);

describe('Export case pack', () => {
  for (const place of ['popup', 'tab'] as const) {
    it(`in the ${place}: exports the selected cases, in the order selected, each with its saved text`, async () => {
      for (const ref of ['19-015-077', '18-009-360', '20-003-139'] as const) await save(ref);
      const download = vi.fn<NonNullable<PopupAppProps['download']>>();
      render(<PopupApp store={store} download={download} place={place} openTab={vi.fn()} openLibraryTab={vi.fn()} />);
      await listed();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Select 20 003 139 for comparison' }));
      fireEvent.click(screen.getByRole('checkbox', { name: 'Select 18 009 360 for comparison' }));
      fireEvent.click(screen.getByRole('button', { name: 'Export case pack (2 cases selected)' }));
      const doc = await packOf(download);
      expect(references(doc)).toEqual(['case-20-003-139', 'case-18-009-360']);
      expect(doc.getElementById('case-18-009-360')!.querySelector('.text')!.textContent).toBe(seedText('18-009-360'));
    });
  }

  it('exports the cases the filter shows when none is selected', async () => {
    for (const ref of ['19-015-077', '18-009-360', '20-003-139'] as const) await save(ref);
    const download = vi.fn<NonNullable<PopupAppProps['download']>>();
    render(<PopupApp store={store} download={download} place="tab" openTab={vi.fn()} openLibraryTab={vi.fn()} />);
    await listed();
    fireEvent.click(screen.getByRole('button', { name: 'Export case pack (3 cases)' }));
    expect((await packOf(download)).querySelectorAll('section.case')).toHaveLength(3);

    const outcome = within(screen.getByRole('search')).getByLabelText('Outcome');
    fireEvent.change(outcome, { target: { value: 'not-upheld' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Export case pack (1 case shown)' }));
    expect(references(await packOf(download, 1))).toEqual(['case-19-015-077']);
  });
});
