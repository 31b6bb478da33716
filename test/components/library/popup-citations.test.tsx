// @vitest-environment happy-dom
/**
 * Citations in the library (PopupApp over a real CaseStore on fake-indexeddb): Copy citations takes
 * the selected cases, one line each in the order selected, in the remembered form; the template is
 * edited on the library page and used by the copy and by the Zotero export. Expected lines written
 * from the seeds' headers (seeds/18-009-360.txt, seeds/23-020-284.txt).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { CaseStore } from '../../../lib/library/case-store';
import { LensDatabase } from '../../../lib/library/database';
import { CITATION_SETTINGS_KEY, type SettingsStorage } from '../../../lib/case-citation/settings';
import { SEED_URLS, seedText, summaryOf, type SeedRef } from '../../helpers/seeds';

let dbCount = 0;
let db: LensDatabase;
let store: CaseStore;

beforeEach(async () => {
  localStorage.clear();
  db = new LensDatabase(`popup-citations-${++dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  store = new CaseStore(db);
  for (const ref of ['18-009-360', '23-020-284', '19-015-077'] as SeedRef[]) {
    const result = await store.save({ summary: summaryOf(seedText(ref), SEED_URLS[ref]), text: seedText(ref), url: SEED_URLS[ref] });
    if (!result.ok) throw new Error(result.message);
  }
});

afterEach(() => {
  cleanup();
  db.close();
});

function memoryStorage(): SettingsStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return { items, get: async (key) => (key in items ? { [key]: items[key] } : {}), set: async (more) => void Object.assign(items, more) };
}

const HERTS_SITE = `Hertfordshire County Council (18 009 360), Local Government and Social Care Ombudsman, 21 August 2019 <${SEED_URLS['18-009-360']}>`;
const STOCKPORT_SITE = `Stockport Metropolitan Borough Council (23 020 284), Local Government and Social Care Ombudsman, 20 October 2024 <${SEED_URLS['23-020-284']}>`;

async function renderLibrary(place: 'popup' | 'tab') {
  const storage = memoryStorage();
  const copyText = vi.fn(async (_text: string) => true);
  const download = vi.fn();
  const openLibraryTab = vi.fn();
  render(
    <PopupApp
      store={store}
      place={place}
      settingsStorage={storage}
      copyText={copyText}
      download={download}
      openLibraryTab={openLibraryTab}
    />,
  );
  // The whole library read (not the first page drawn ahead of it): the citation controls are under the list.
  await waitFor(() => expect(screen.getByRole('region', { name: 'Citations' })).toBeTruthy());
  expect(document.querySelectorAll('li.ol-case')).toHaveLength(3);
  // On the library page, the template's editor: a chunk loaded when it is first drawn (components/lazy-view.tsx).
  if (place === 'tab') await screen.findByRole('textbox', { name: 'Citation template' });
  // Selected in this order: the copy follows it, not the list's.
  for (const ref of ['23 020 284', '18 009 360']) fireEvent.click(screen.getByRole('checkbox', { name: `Select ${ref} for comparison` }));
  return { storage, copyText, download, openLibraryTab };
}

async function copy(copyText: ReturnType<typeof vi.fn>): Promise<string> {
  copyText.mockClear();
  fireEvent.click(screen.getByRole('button', { name: /^(Copy citations|Copied 2 citations) \(2 selected\)$/ }));
  await waitFor(() => expect(copyText).toHaveBeenCalledOnce());
  return copyText.mock.lastCall![0] as string;
}

describe('Copy citations', () => {
  it('copies the selected cases, one line each, in the site form, then in the template form, remembering the choice', async () => {
    const { storage, copyText } = await renderLibrary('popup');
    expect(await copy(copyText)).toBe(`${STOCKPORT_SITE}\n${HERTS_SITE}`);
    expect(screen.getByRole('button', { name: 'Copied 2 citations (2 selected)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Template' }));
    expect(await copy(copyText)).toBe(
      'Stockport Metropolitan Borough Council [2024] LGSCO 23 020 284 (20 October 2024)\n' +
        'Hertfordshire County Council [2019] LGSCO 18 009 360 (21 August 2019)',
    );
    await waitFor(() => expect(storage.items[CITATION_SETTINGS_KEY]).toMatchObject({ form: 'template' }));
  });

  it('in the popup the template is edited in the library page', async () => {
    const { openLibraryTab } = await renderLibrary('popup');
    expect(screen.queryByRole('textbox', { name: 'Citation template' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit template…' }));
    expect(openLibraryTab).toHaveBeenCalledWith('');
  });

  it('in the library page: an edited template previews on the first selected case, is saved, and used by the copy and the Zotero export', async () => {
    const { storage, copyText, download } = await renderLibrary('tab');
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Citation template' });
    fireEvent.input(field, { target: { value: '{reference}: {organisation} ({court})' } });
    expect(screen.getByRole('alert').textContent).toContain('Unknown placeholder {court}');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save template' }).disabled).toBe(true);

    fireEvent.input(field, { target: { value: '{reference}: {organisation}, {date}' } });
    expect(document.querySelector('.ol-template-preview output')?.textContent).toBe(
      '23 020 284: Stockport Metropolitan Borough Council, 20 October 2024',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() =>
      expect(storage.items[CITATION_SETTINGS_KEY]).toEqual({ form: 'site', template: '{reference}: {organisation}, {date}' }),
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Template' }));
    expect(await copy(copyText)).toBe(
      '23 020 284: Stockport Metropolitan Borough Council, 20 October 2024\n18 009 360: Hertfordshire County Council, 21 August 2019',
    );

    fireEvent.click(screen.getByRole('button', { name: /^Export for Zotero/ }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const items = JSON.parse(download.mock.lastCall![2] as string) as Array<{ number: string; note: string }>;
    expect(items.find((i) => i.number === '18 009 360')!.note).toBe('Cited as: 18 009 360: Hertfordshire County Council, 21 August 2019');
  });
});
