/**
 * "Copy citations" for the selected cases, one line each, in the form chosen beside it (the
 * site's, or the person's template), and on the library page the template's editor. The toolbar
 * popup stays compact: there the editor is a link to the library page, and the editor's code, a
 * chunk of its own, is loaded only where it is drawn (components/lazy-view.tsx).
 */
import type { CitationSource } from '../../lib/case-citation/fields';
import type { CitationForm, CitationSettings } from '../../lib/case-citation/settings';
import { lazyView } from '../lazy-view';
import type { TemplateEditorProps } from './TemplateEditor';

const TemplateEditor = lazyView('template editor', () => import('./TemplateEditor').then((m) => m.TemplateEditor));

export type CopyState = 'idle' | 'copied' | 'failed';

export interface CitationToolsProps {
  selectedCount: number;
  settings: CitationSettings;
  copyState: CopyState;
  onCopy: () => void;
  onFormChange: (form: CitationForm) => void;
  /** The library page: the template editor. */
  editor?: { previewCase: CitationSource | null; onSave: TemplateEditorProps['onSave'] } | null;
  /** The popup: opens the library page, where the template is edited. */
  onEditInTab?: () => void;
}

export function CitationTools(props: CitationToolsProps) {
  const n = props.selectedCount;
  const label =
    props.copyState === 'copied'
      ? `Copied ${n} ${n === 1 ? 'citation' : 'citations'}`
      : props.copyState === 'failed'
        ? 'Copy failed'
        : 'Copy citations';
  const choice = (value: CitationForm, text: string) => (
    <label>
      <input
        type="radio"
        name="ol-library-citation-form"
        checked={props.settings.form === value}
        onChange={() => props.onFormChange(value)}
      />
      {text}
    </label>
  );
  return (
    <section class="ol-citations" aria-label="Citations">
      <div class="ol-ie-buttons">
        <button
          type="button"
          class="ol-button"
          disabled={n === 0}
          onClick={props.onCopy}
          title={n === 0 ? 'Select cases in the list to cite them' : undefined}
        >
          {label} <span class="ol-muted">({n} selected)</span>
        </button>
        <fieldset class="ol-cite-form">
          <legend>Cite as</legend>
          {choice('site', 'Site form')}
          {choice('template', 'Template')}
        </fieldset>
        {props.onEditInTab && (
          <button type="button" class="ol-button" onClick={props.onEditInTab}>
            Edit template…
          </button>
        )}
      </div>
      {props.editor && (
        <TemplateEditor template={props.settings.template} previewCase={props.editor.previewCase} onSave={props.editor.onSave} />
      )}
    </section>
  );
}
