import type { ComponentChildren } from 'preact';
/**
 * The saved-cases list, the undo toast and the saved-copy view. Presentational:
 * every action is a callback; the popup container does the storage and tabs work.
 *
 * The list is windowed: only the rows in (or just beyond) the visible part of the
 * scroll container are in the DOM, each at a fixed height, with a spacer as tall
 * as all rows, so a library of 10,000 cases scrolls as quickly as one of ten.
 * Rows just beyond the edge (the overscan) keep Tab moving smoothly: focusing one
 * scrolls it into view, which renders the next ones.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { correctionsText } from '../../lib/library/corrections';
import type { CaseEntry } from '../../lib/library/saved-case';
import { formatDate, formatPounds } from '../../lib/display-text';
import { NotesEditor } from '../NotesEditor';
import { OutcomeBadge } from '../OutcomeBadge';

export const ROW_HEIGHT = 64;
const OVERSCAN = 6;
const MAX_TAGS_SHOWN = 3;

/** The rows [first, last) to render for a scroll position. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = OVERSCAN,
): { first: number; last: number } {
  const maxTop = Math.max(0, count * rowHeight - viewport);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { first, last };
}

export function areaText(c: CaseEntry): string {
  if (!c.area) return 'Area unknown';
  return c.topic ? `${c.area} › ${c.topic}` : c.area;
}

export interface CaseListProps {
  /** The cases to show, already filtered and sorted. */
  cases: readonly CaseEntry[];
  /** References selected for comparison. */
  selected: ReadonlySet<string>;
  onToggleSelect: (reference: string) => void;
  /** Open the live decision page (a new tab). */
  onOpen: (c: CaseEntry) => void;
  /** Show the stored copy of the decision text inside the popup. */
  onOpenSavedCopy: (c: CaseEntry) => void;
  onDelete: (c: CaseEntry) => void;
  /** Height of the scrolling viewport in px. */
  height?: number;
  /** Shown instead of rows when `cases` is empty (the library itself is not). */
  onClearFilters?: () => void;
  /** Other saved pages of the same joint case ("20 007 652a" for "20 007 652b"). */
  relatedOf?: (c: CaseEntry) => string[];
}

export function CaseList(props: CaseListProps) {
  const { cases, height = 360 } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(height);

  // Follow the real viewport height when the browser knows it (the popup can be
  // shorter than asked for on a small screen); tests and first paint use `height`.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  if (cases.length === 0) {
    return (
      <div class="ol-no-match" role="status">
        <p>No saved case matches these filters.</p>
        {props.onClearFilters && (
          <button type="button" class="ol-button" onClick={props.onClearFilters}>
            Clear filters
          </button>
        )}
      </div>
    );
  }

  const { first, last } = visibleRange(scrollTop, viewport, ROW_HEIGHT, cases.length);
  const rows = [];
  for (let i = first; i < last; i++) {
    const c = cases[i]!;
    rows.push(
      <CaseRow
        key={c.reference}
        c={c}
        index={i}
        count={cases.length}
        selected={props.selected.has(c.reference)}
        onToggleSelect={props.onToggleSelect}
        onOpen={props.onOpen}
        onOpenSavedCopy={props.onOpenSavedCopy}
        onDelete={props.onDelete}
        relatedOf={props.relatedOf}
      />,
    );
  }

  return (
    <div ref={scroller} class="ol-scroller" style={{ height: `${height}px` }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul class="ol-case-list" aria-label={`Saved cases (${cases.length})`} style={{ height: `${cases.length * ROW_HEIGHT}px` }}>
        {rows}
      </ul>
    </div>
  );
}

interface CaseRowProps extends Pick<CaseListProps, 'onToggleSelect' | 'onOpen' | 'onOpenSavedCopy' | 'onDelete' | 'relatedOf'> {
  c: CaseEntry;
  index: number;
  count: number;
  selected: boolean;
}

function CaseRow({ c, index, count, selected, onToggleSelect, onOpen, onOpenSavedCopy, onDelete, relatedOf }: CaseRowProps) {
  const id = `ol-case-${c.reference.replace(/\s/g, '-')}`;
  const related = relatedOf?.(c) ?? [];
  const shownTags = c.tags.slice(0, MAX_TAGS_SHOWN);
  return (
    <li
      class={`ol-case${selected ? ' ol-selected' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
      aria-setsize={count}
      aria-posinset={index + 1}
      aria-labelledby={`${id}-org`}
      data-reference={c.reference}
    >
      <input
        type="checkbox"
        class="ol-case-select"
        checked={selected}
        aria-label={`Select ${c.reference} for comparison`}
        onChange={() => onToggleSelect(c.reference)}
      />
      <div class="ol-case-main">
        <div class="ol-case-line">
          <strong class="ol-case-org" id={`${id}-org`} title={c.authority}>
            {c.authority}
          </strong>
          <span class="ol-ref">{c.reference}</span>
          <OutcomeBadge outcome={c.card.outcome} />
          {c.corrections?.length ? (
            <span class="ol-corrected" title={correctionsText(c.corrections)}>
              corrected
            </span>
          ) : null}
          <span class="ol-case-date">{formatDate(c.decisionDate || null)}</span>
          {related.length > 0 && (
            <span class="ol-chip ol-related" title="Other pages of the same joint case in your library">
              Related: {related.join(', ')}
            </span>
          )}
          {c.reparseError && (
            <span class="ol-case-warning" title={c.reparseError}>
              <span aria-hidden="true">⚠</span>
              <span class="ol-sr">The newer parser could not read this case; the earlier summary is kept.</span>
            </span>
          )}
        </div>
        <div class="ol-case-line ol-case-sub">
          <span class="ol-case-area" title={areaText(c)}>
            {areaText(c)}
          </span>
          <span class={c.totalPayments > 0 ? 'ol-case-paid ol-total' : 'ol-case-paid'}>
            {c.totalPayments > 0 ? `${formatPounds(c.totalPayments)} paid` : 'No payment'}
          </span>
          {shownTags.length > 0 && (
            <span class="ol-case-tags">
              <span class="ol-sr">Tags: </span>
              {shownTags.map((t) => (
                <span key={t} class="ol-chip" title={t}>
                  {t}
                </span>
              ))}
              {c.tags.length > shownTags.length && <span class="ol-chip ol-chip-more">+{c.tags.length - shownTags.length}</span>}
            </span>
          )}
        </div>
      </div>
      <div class="ol-case-actions">
        <button type="button" class="ol-button" title="Open the decision on the Ombudsman's site in a new tab" onClick={() => onOpen(c)}>
          Open<span class="ol-sr"> {c.reference}</span>
        </button>
        <button
          type="button"
          class="ol-button"
          title="Read the copy of the decision text stored when it was saved"
          onClick={() => onOpenSavedCopy(c)}
        >
          Saved copy<span class="ol-sr"> of {c.reference}</span>
        </button>
        <button type="button" class="ol-button ol-danger" onClick={() => onDelete(c)}>
          Delete<span class="ol-sr"> {c.reference}</span>
        </button>
      </div>
    </li>
  );
}

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  /** Move focus to Undo when shown: the row whose Delete had focus is gone. */
  autoFocus?: boolean;
}

/** "Deleted 19 015 077 — Undo": announced politely, dismissable. */
export function UndoToast({ message, onUndo, onDismiss, autoFocus = false }: UndoToastProps) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) undo.current?.focus();
  }, [autoFocus, message]);
  return (
    <div class="ol-toast" role="status" aria-live="polite">
      <span>{message}</span>
      <button ref={undo} type="button" class="ol-button ol-primary" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="ol-icon" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

export type NotesSaveState = 'idle' | 'saving' | 'saved' | { error: string };

export interface SavedCopyViewProps {
  record: CaseEntry;
  /** The stored decision text; null while it is being read. */
  text: string | null;
  /** Set when the stored text could not be read. */
  error?: string | null;
  onBack: () => void;
  onOpenLive: (c: CaseEntry) => void;
  /** When given, the case's tags and note can be edited here. */
  onSaveNotes?: (tags: string[], note: string, base: { tags: string[]; note: string }) => void;
  notesState?: NotesSaveState;
  /** The case's corrections panel (CaseCorrections), shown above the text. */
  corrections?: ComponentChildren;
}

/**
 * The stored copy of a decision, read-only. The text is rendered as a text node
 * (a JSX child), never as HTML: markup in it shows as the characters it is.
 */
export function SavedCopyView({
  record,
  text,
  error,
  onBack,
  onOpenLive,
  onSaveNotes,
  notesState = 'idle',
  corrections,
}: SavedCopyViewProps) {
  return (
    <article class="ol-copy-view" aria-labelledby="ol-copy-title">
      <div class="ol-copy-toolbar">
        <button type="button" class="ol-button" onClick={onBack}>
          <span aria-hidden="true">← </span>Back to list
        </button>
        <button type="button" class="ol-button" onClick={() => onOpenLive(record)}>
          Open the live page
        </button>
      </div>
      <h2 id="ol-copy-title" class="ol-copy-title">
        {record.authority} <span class="ol-ref">{record.reference}</span> <OutcomeBadge outcome={record.card.outcome} />
      </h2>
      <p class="ol-muted">
        Decided {formatDate(record.decisionDate || null)} · saved {formatDate(record.savedAt.slice(0, 10))} from{' '}
        <span class="ol-url">{record.url}</span>
      </p>
      {onSaveNotes && (
        <NotesEditor
          tags={record.tags}
          note={record.note}
          state={typeof notesState === 'object' ? 'error' : notesState}
          message={typeof notesState === 'object' ? notesState.error : undefined}
          onSave={onSaveNotes}
        />
      )}
      {corrections}
      <h3 class="ol-copy-heading">Decision text as saved</h3>
      {error ? (
        <p class="ol-error" role="alert">
          {error}
        </p>
      ) : text === null ? (
        <p class="ol-muted" role="status">
          Reading the stored text…
        </p>
      ) : (
        <div class="ol-copy-text" tabIndex={0} role="region" aria-label={`Stored text of ${record.reference}`}>
          {text}
        </div>
      )}
    </article>
  );
}
