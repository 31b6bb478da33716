/** A citation of one case, or of several, one line each, in the form the person chose. */
import { citationFields, type CitationSource } from './fields';
import type { CitationSettings } from './settings';
import { siteCitation } from './site-form';
import { templateCitation } from './template';

export function citeCase(source: CitationSource, settings: CitationSettings): string {
  const fields = citationFields(source);
  return settings.form === 'template' ? templateCitation(settings.template, fields) : siteCitation(fields);
}

/** One line per case, in the order given, so the text pastes as a list. */
export function citeCases(sources: readonly CitationSource[], settings: CitationSettings): string {
  return sources.map((s) => citeCase(s, settings)).join('\n');
}
