// @vitest-environment happy-dom
/**
 * Copy citation in the sidebar (SidebarApp): the form beside the button, read from the same stored
 * settings as the library's, copies that form for the one case; changing it is stored, keeping the
 * template. Expected lines written from seeds/23-017-456.txt's header.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CITATION_SETTINGS_KEY, type SettingsStorage } from '../../lib/case-citation/settings';
import { DEFAULT_TEMPLATE } from '../../lib/case-citation/template';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';
import { renderSidebarApp } from '../helpers/sidebar-app';

afterEach(cleanup);

const derbyshire = summaryOf(seedText('23-017-456'), SEED_URLS['23-017-456']);
const SITE = `Derbyshire County Council (23 017 456), Local Government and Social Care Ombudsman, 6 June 2024 <${SEED_URLS['23-017-456']}>`;

function storageWith(stored: unknown): SettingsStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = stored === undefined ? {} : { [CITATION_SETTINGS_KEY]: stored };
  return { items, get: async (key) => (key in items ? { [key]: items[key] } : {}), set: async (more) => void Object.assign(items, more) };
}

async function copied(copyText: ReturnType<typeof vi.fn>): Promise<string> {
  fireEvent.click(screen.getByRole('button', { name: /^(Copy citation|Citation copied)$/ }));
  await waitFor(() => expect(copyText).toHaveBeenCalled());
  return copyText.mock.lastCall![0] as string;
}

describe('Copy citation in the sidebar', () => {
  it('copies the site form by default, as one line', async () => {
    const copyText = vi.fn(async () => true);
    renderSidebarApp(derbyshire, { library: null, copyText, settingsStorage: storageWith(undefined) });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Site form' }).checked).toBe(true);
    expect(await copied(copyText)).toBe(SITE);
  });

  it('copies the stored template form, with the stored template', async () => {
    const copyText = vi.fn(async () => true);
    renderSidebarApp(derbyshire, {
      library: null,
      copyText,
      settingsStorage: storageWith({ form: 'template', template: '{organisation}, {reference} ({year})' }),
    });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Template' }).checked).toBe(true));
    expect(await copied(copyText)).toBe('Derbyshire County Council, 23 017 456 (2024)');
  });

  it('a malformed stored setting copies the site form, and nothing breaks', async () => {
    const copyText = vi.fn(async () => true);
    renderSidebarApp(derbyshire, { library: null, copyText, settingsStorage: storageWith({ form: 'zotero', template: ['{x}'] }) });
    expect(await copied(copyText)).toBe(SITE);
  });

  it('switching the form copies the other and stores the choice, keeping the template', async () => {
    const copyText = vi.fn(async () => true);
    const storage = storageWith({ form: 'template', template: '{reference}' });
    renderSidebarApp(derbyshire, { library: null, copyText, settingsStorage: storage });
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Template' }).checked).toBe(true));
    expect(await copied(copyText)).toBe('23 017 456');
    fireEvent.click(screen.getByRole('radio', { name: 'Site form' }));
    await waitFor(() => expect(storage.items[CITATION_SETTINGS_KEY]).toEqual({ form: 'site', template: '{reference}' }));
    expect(await copied(copyText)).toBe(SITE);
  });

  it('without storage (the sidebar alone) the defaults: site form, then the default template', async () => {
    const copyText = vi.fn(async () => true);
    renderSidebarApp(derbyshire, { library: null, copyText });
    fireEvent.click(screen.getByRole('radio', { name: 'Template' }));
    expect(await copied(copyText)).toBe('Derbyshire County Council [2024] LGSCO 23 017 456 (6 June 2024)');
    expect(DEFAULT_TEMPLATE).toBe('{organisation} [{year}] LGSCO {reference} ({date})');
  });
});
