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

export const CitationTemplateSchema = z
  .string()
  .check(
    z.maxLength(MAX_TEMPLATE_CHARS),
    z.refine((t) => parseTemplate(t).ok, 'Not a valid citation template'),
  );

export const CitationSettingsSchema = z.object({ form: CitationFormSchema, template: CitationTemplateSchema });
export type CitationSettings = z.infer<typeof CitationSettingsSchema>;

export const DEFAULT_CITATION_SETTINGS: CitationSettings = { form: 'site', template: DEFAULT_TEMPLATE };

const StoredSettingsSchema = z.catch(
  z.object({
    form: z.catch(CitationFormSchema, DEFAULT_CITATION_SETTINGS.form),
    template: z.catch(CitationTemplateSchema, DEFAULT_CITATION_SETTINGS.template),
  }),
  DEFAULT_CITATION_SETTINGS,
);

/** Whatever the storage holds, as settings: a bad field reads as its default. */
export function citationSettingsOf(stored: unknown): CitationSettings {
  return StoredSettingsSchema.parse(stored ?? {});
}

/** The part of `browser.storage.local` used here; tests pass a map. */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadCitationSettings(storage: SettingsStorage): Promise<CitationSettings> {
  try {
    return citationSettingsOf((await storage.get(CITATION_SETTINGS_KEY))[CITATION_SETTINGS_KEY]);
  } catch {
    // Storage out of reach (the extension reloaded under the page): the defaults still cite.
    return DEFAULT_CITATION_SETTINGS;
  }
}

/** Writes only valid settings: a template with a problem is refused, saying what is wrong, and the stored one stays. */
export async function saveCitationSettings(
  storage: SettingsStorage,
  settings: CitationSettings,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const checked = parseTemplate(settings.template);
  if (!checked.ok) return { ok: false, message: checked.problems.join(' ') };
  if (!CitationSettingsSchema.safeParse(settings).success) return { ok: false, message: 'Not a citation setting.' };
  try {
    await storage.set({ [CITATION_SETTINGS_KEY]: settings });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `The setting could not be saved: ${error instanceof Error ? error.message : String(error)}` };
  }
}
