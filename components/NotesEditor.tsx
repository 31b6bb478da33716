import { useEffect, useState } from 'preact/hooks';

export interface NotesEditorProps {
  tags: string[];
  note: string;
  state: 'idle' | 'saving' | 'saved' | 'error';
  message?: string;
  onSave: (tags: string[], note: string) => void;
}

/** "tag one, tag two" as typed, to clean distinct tags. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** The reader's own tags and note on a saved case. */
export function NotesEditor(props: NotesEditorProps) {
  const [tags, setTags] = useState(props.tags.join(', '));
  const [note, setNote] = useState(props.note);
  useEffect(() => setTags(props.tags.join(', ')), [props.tags.join('\u0000')]);
  useEffect(() => setNote(props.note), [props.note]);
  return (
    <form
      class="ol-notes"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(parseTags(tags), note);
      }}
    >
      <label class="ol-field">
        <span>Tags (comma separated)</span>
        <input type="text" value={tags} maxLength={600} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label class="ol-field">
        <span>Note</span>
        <textarea rows={3} value={note} maxLength={20000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="ol-actions">
        <button type="submit" class="ol-button" disabled={props.state === 'saving'}>
          Save tags and note
        </button>
        <span role="status" class={props.state === 'error' ? 'ol-error' : 'ol-muted'}>
          {props.state === 'saved' ? 'Saved.' : props.state === 'error' ? props.message : ''}
        </span>
      </div>
    </form>
  );
}
