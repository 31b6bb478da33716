/**
 * The library's citation state: the stored form and template (lib/case-citation/settings.ts),
 * copying the selected cases' citations, and saving the template. The storage and the clipboard
 * are handed in, so the popup's tests can drive it.
 */
import { useEffect, useState } from 'preact/hooks';
import { citeCases } from '../../lib/case-citation/cite';
import type { CitationSource } from '../../lib/case-citation/fields';
import {
  DEFAULT_CITATION_SETTINGS,
  loadCitationSettings,
  saveCitationSettings,
  type CitationForm,
  type CitationSettings,
  type SettingsStorage,
} from '../../lib/case-citation/settings';
import type { CopyState } from '../../components/library/CitationTools';

export function useCitations(area: SettingsStorage, copyText: (text: string) => Promise<boolean>, selectionKey: string) {
  const [settings, setSettings] = useState<CitationSettings>(DEFAULT_CITATION_SETTINGS);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  useEffect(() => {
    void loadCitationSettings(area).then(setSettings);
  }, [area]);
  // "Copied 2 citations" speaks of the selection it copied: a changed selection has not been copied.
  useEffect(() => setCopyState('idle'), [selectionKey]);

  const setForm = async (form: CitationForm) => {
    const next = { ...settings, form };
    setSettings(next);
    setCopyState('idle');
    await saveCitationSettings(area, next);
  };
  const saveTemplate = async (template: string) => {
    const next = { ...settings, template };
    const result = await saveCitationSettings(area, next);
    if (result.ok) setSettings(next);
    return result;
  };
  const copy = async (cases: readonly CitationSource[]) => {
    if (cases.length === 0) return;
    setCopyState((await copyText(citeCases(cases, settings))) ? 'copied' : 'failed');
  };
  return { settings, copyState, setForm, saveTemplate, copy };
}
