import { useEffect, useState } from 'preact/hooks';

export interface NotesEditorProps {
  tags: string[];
  note: string;
  state: 'idle' | 'saving' | 'saved' | 'error';
  message?: string;
  /** `base`: the saved tags and note the edit started from, so the store can merge edits made meanwhile elsewhere. */
  onSave: (tags: string[], note: string, base: { tags: string[]; note: string }) => void;
}

/** "tag one, tag two" as typed, to clean distinct tags. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The reader's own tags and note on a saved case. */
export function NotesEditor(props: NotesEditorProps) {
  // Null while the reader is not editing: the fields then follow the saved values
  // (an edit in another tab shows up). Once they type, their draft is kept and
  // remembers which saved values it started from.
  const [draft, setDraft] = useState<{ tags: string; note: string; base: { tags: string[]; note: string } } | null>(null);
  useEffect(() => {
    if (props.state === 'saved') setDraft(null);
  }, [props.state]);
  const tags = draft?.tags ?? props.tags.join(', ');
  const note = draft?.note ?? props.note;
  const edit = (change: { tags?: string; note?: string }) =>
    setDraft((d) => ({ tags, note, base: d?.base ?? { tags: props.tags, note: props.note }, ...change }));

  return (
    <form
      class="ol-notes"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(parseTags(tags), note, draft?.base ?? { tags: props.tags, note: props.note });
      }}
    >
      <label class="ol-field">
        <span>Tags (comma separated)</span>
        <input type="text" value={tags} maxLength={600} onInput={(e) => edit({ tags: e.currentTarget.value })} />
      </label>
      <label class="ol-field">
        <span>Note</span>
        <textarea rows={3} value={note} maxLength={20000} onInput={(e) => edit({ note: e.currentTarget.value })} />
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
