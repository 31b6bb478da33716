/** The stored citation settings (lib/case-citation/settings.ts): read through the schema, written only when valid. */
import { describe, expect, it } from 'vitest';
import {
  CITATION_SETTINGS_KEY,
  citationSettingsOf,
  DEFAULT_CITATION_SETTINGS,
  loadCitationSettings,
  saveCitationSettings,
  type SettingsStorage,
} from '../../lib/case-citation/settings';
import { DEFAULT_TEMPLATE, MAX_TEMPLATE_CHARS } from '../../lib/case-citation/template';

function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (more) => void Object.assign(items, more),
  };
}

describe('reading the stored settings', () => {
  it('nothing stored: the site form and the default template', async () => {
    expect(await loadCitationSettings(memoryStorage())).toEqual({ form: 'site', template: DEFAULT_TEMPLATE });
  });

  it('a valid record reads as stored', async () => {
    const stored = { form: 'template', template: '{reference} ({year})' };
    expect(await loadCitationSettings(memoryStorage({ [CITATION_SETTINGS_KEY]: stored }))).toEqual(stored);
  });

  it.each([
    ['a string', 'template'],
    ['a number', 42],
    ['an array', ['template']],
    ['null', null],
  ])('%s reads as the defaults', (_, stored) => {
    expect(citationSettingsOf(stored)).toEqual(DEFAULT_CITATION_SETTINGS);
  });

  it('a bad field reads as its default, the good one is kept', () => {
    expect(citationSettingsOf({ form: 'bibtex', template: '{reference}' })).toEqual({ form: 'site', template: '{reference}' });
    expect(citationSettingsOf({ form: 'template', template: '{organisation} {court}' })).toEqual({
      form: 'template',
      template: DEFAULT_TEMPLATE,
    });
    expect(citationSettingsOf({ form: 'template', template: 'x'.repeat(MAX_TEMPLATE_CHARS + 1) })).toEqual({
      form: 'template',
      template: DEFAULT_TEMPLATE,
    });
    expect(citationSettingsOf({ form: 'template', template: 7 })).toEqual({ form: 'template', template: DEFAULT_TEMPLATE });
  });

  it('a storage that throws (the extension reloaded under the page) gives the defaults', async () => {
    const broken: SettingsStorage = {
      get: () => {
        throw new Error('Extension context invalidated.');
      },
      set: async () => {},
    };
    expect(await loadCitationSettings(broken)).toEqual(DEFAULT_CITATION_SETTINGS);
  });
});

describe('saving', () => {
  it('writes valid settings under the one key', async () => {
    const storage = memoryStorage();
    expect(await saveCitationSettings(storage, { form: 'template', template: '{organisation}, {reference}' })).toEqual({ ok: true });
    expect(storage.items).toEqual({ [CITATION_SETTINGS_KEY]: { form: 'template', template: '{organisation}, {reference}' } });
  });

  it('refuses a template with an unknown placeholder, saying which, and keeps the stored one', async () => {
    const storage = memoryStorage({ [CITATION_SETTINGS_KEY]: { form: 'template', template: '{reference}' } });
    const result = await saveCitationSettings(storage, { form: 'template', template: '{reference} {court}' });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain('Unknown placeholder {court}');
    expect(storage.items[CITATION_SETTINGS_KEY]).toEqual({ form: 'template', template: '{reference}' });
  });

  it('says so when the storage refuses the write', async () => {
    const storage: SettingsStorage = { get: async () => ({}), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    expect(await saveCitationSettings(storage, DEFAULT_CITATION_SETTINGS)).toEqual({
      ok: false,
      message: 'The setting could not be saved: QUOTA_BYTES quota exceeded',
    });
  });
});
