/**
 * The citation template's editor, on the library page: the template as a text field, the
 * placeholders it may use, a live preview on a case of the person's own, and reset to default.
 * A template with a problem (an unknown placeholder, an unclosed brace, a line break, too long)
 * says what is wrong and cannot be saved; the stored one stays in use meanwhile.
 */
import { useEffect, useState } from 'preact/hooks';
import { citationFields, type CitationSource } from '../../lib/case-citation/fields';
import { PLACEHOLDERS } from '../../lib/case-citation/placeholders';
import { DEFAULT_TEMPLATE, parseTemplate, renderTemplate } from '../../lib/case-citation/template';

export type SaveTemplateResult = { ok: true } | { ok: false; message: string };

export interface TemplateEditorProps {
  /** The stored template. */
  template: string;
  /** The case the preview cites: the first selected, or else the first in the list; null in an empty library. */
  previewCase: CitationSource | null;
  onSave: (template: string) => Promise<SaveTemplateResult>;
}

export function TemplateEditor({ template, previewCase, onSave }: TemplateEditorProps) {
  const [draft, setDraft] = useState(template);
  const [state, setState] = useState<'idle' | 'saved' | { error: string }>('idle');
  // The stored template is read after the first draw, and changes when saved: the field follows it.
  useEffect(() => setDraft(template), [template]);

  const checked = parseTemplate(draft);
  const preview = checked.ok && previewCase ? renderTemplate(checked.parts, citationFields(previewCase)) : null;

  const save = async (next: string) => {
    const result = await onSave(next);
    setState(result.ok ? 'saved' : { error: result.message });
  };

  return (
    <form
      class="ol-template-editor"
      aria-label="Citation template"
      onSubmit={(event) => {
        event.preventDefault();
        if (checked.ok) void save(draft);
      }}
    >
      <label class="ol-template-field">
        Citation template
        <input
          type="text"
          value={draft}
          spellcheck={false}
          aria-invalid={!checked.ok}
          aria-describedby="ol-template-help"
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setState('idle');
          }}
        />
      </label>
      {!checked.ok && (
        <p class="ol-error" role="alert">
          {checked.problems.join(' ')} Not saved.
        </p>
      )}
      {preview !== null && (
        <p class="ol-template-preview">
          Preview: <output>{preview}</output>
        </p>
      )}
      <div class="ol-ie-buttons">
        <button type="submit" class="ol-button" disabled={!checked.ok || draft === template}>
          Save template
        </button>
        <button
          type="button"
          class="ol-button"
          disabled={draft === DEFAULT_TEMPLATE && template === DEFAULT_TEMPLATE}
          onClick={() => {
            setDraft(DEFAULT_TEMPLATE);
            void save(DEFAULT_TEMPLATE);
          }}
        >
          Reset to default
        </button>
        {state === 'saved' && (
          <span class="ol-muted" role="status">
            Template saved.
          </span>
        )}
        {typeof state === 'object' && (
          <span class="ol-error" role="alert">
            {state.error}
          </span>
        )}
      </div>
      <div id="ol-template-help" class="ol-template-help">
        <p class="ol-muted">
          Placeholders (a missing value takes its brackets and separator with it). No standard form exists for citing the Ombudsman’s
          decisions: the default only looks like a court’s neutral citation.
        </p>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li key={p.name}>
              <code>{`{${p.name}}`}</code> {p.says}
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
