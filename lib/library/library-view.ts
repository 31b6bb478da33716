/**
 * Which view of the library is shown. The person picks one (list, comparison, figures, or a case's
 * saved copy from the list); what the library holds decides whether that view can be shown yet:
 * nothing is shown before something is read, a failed read shows why, an empty library shows how
 * to start, and a saved copy whose case has gone shows the list.
 */
export type View = { kind: 'list' } | { kind: 'compare' } | { kind: 'figures' } | { kind: 'copy'; reference: string };

/** The views the header's tabs switch between. */
export type LibraryTab = 'list' | 'compare' | 'figures';

/** The tab marked current: a saved copy is opened from the list. */
export function tabOf(view: View): LibraryTab {
  return view.kind === 'copy' ? 'list' : view.kind;
}

/**
 * What the body shows: `reading` before anything is read; `preview`, the first page with a line
 * saying the rest is being read (whatever view is picked, but the comparison, which reads its own).
 */
export type Body = 'reading' | 'error' | 'empty' | 'copy' | 'compare' | 'preview' | 'figures' | 'list';

export interface BodyState {
  view: View;
  /** The whole library's read: under way, done, or failed. */
  library: 'loading' | 'ready' | 'error';
  /** The library was read but says it could not be (its `error`). */
  libraryError: boolean;
  /** A first page is shown while the whole library is read. */
  preview: boolean;
  /** Cases read so far. */
  cases: number;
  /** The saved copy's case is among them. */
  copyFound: boolean;
}

export function bodyOf(s: BodyState): Body {
  if (s.library === 'loading' && !s.preview) return 'reading';
  if (s.library === 'error' || (s.library === 'ready' && s.libraryError)) return 'error';
  if (s.cases === 0) return 'empty';
  if (s.view.kind === 'copy' && s.copyFound) return 'copy';
  if (s.view.kind === 'compare') return 'compare';
  if (s.preview) return 'preview';
  return s.view.kind === 'figures' ? 'figures' : 'list';
}
