/**
 * The person's citation settings: which form "Copy citation" copies, and their template. One
 * record under one key of the extension's storage (`browser.storage.local`), shared by the
 * sidebar and the library, read through the schema: a value that is not a valid setting (an
 * older or hand-edited one) reads as the default, field by field, and never stops a copy.
 */
import * as z from 'zod/mini';
import { DEFAULT_TEMPLATE, MAX_TEMPLATE_CHARS, parseTemplate } from './template';

export const CITATION_SETTINGS_KEY = 'citationSettings';

export const CitationFormSchema = z.enum(['site', 'template']);
export type CitationForm = z.infer<typeof CitationFormSchema>;

export const CitationTemplateSchema = z.string().check(
  z.maxLength(MAX_TEMPLATE_CHARS),
  z.refine((t) => parseTemplate(t).ok, 'Not a valid citation template'),
);

export const CitationSettingsSchema = z.object({ form: CitationFormSchema, template: CitationTemplateSchema });
export type CitationSettings = z.infer<typeof CitationSettingsSchema>;

export const DEFAULT_CITATION_SETTINGS: CitationSettings = { form: 'site', template: DEFAULT_TEMPLATE };

/** Whatever the storage holds, as settings: a bad field reads as its default. */
export function citationSettingsOf(stored: unknown): CitationSettings {
  const record = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const form = CitationFormSchema.safeParse(record.form);
  const template = CitationTemplateSchema.safeParse(record.template);
  return {
    form: form.success ? form.data : DEFAULT_CITATION_SETTINGS.form,
    template: template.success ? template.data : DEFAULT_CITATION_SETTINGS.template,
  };
}

/**
 * The part of `browser.storage.local` used here; tests pass a map. Never a binding named `storage`
 * in these modules: WXT's import scanner (unimport, which serves `#imports`) takes it for WXT's own
 * `storage` and adds that module, 3 KB gzip, to the content script.
 */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadCitationSettings(area: SettingsStorage): Promise<CitationSettings> {
  try {
    return citationSettingsOf((await area.get(CITATION_SETTINGS_KEY))[CITATION_SETTINGS_KEY]);
  } catch {
    // Storage out of reach (the extension reloaded under the page): the defaults still cite.
    return DEFAULT_CITATION_SETTINGS;
  }
}

/** Writes only valid settings: a template with a problem is refused, saying what is wrong, and the stored one stays. */
export async function saveCitationSettings(
  area: SettingsStorage,
  settings: CitationSettings,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const checked = parseTemplate(settings.template);
  if (!checked.ok) return { ok: false, message: checked.problems.join(' ') };
  if (!CitationSettingsSchema.safeParse(settings).success) return { ok: false, message: 'Not a citation setting.' };
  try {
    await area.set({ [CITATION_SETTINGS_KEY]: settings });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `The setting could not be saved: ${error instanceof Error ? error.message : String(error)}` };
  }
}
