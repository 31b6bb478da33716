/**
 * How one case is made from two, and how two tabs' edits of one case are joined: the rules of
 * every merge in the library (an import of a case already saved, a backup listing a case twice, an
 * undo of a case saved again since, a save over a saved case, tags and note edited in two tabs).
 * Pure: no Dexie, no storage. `CaseStore` reads what is saved, asks these rules, and writes.
 */
import type { StoredCase } from './saved-case';
import type { DecisionSummary } from '../schema';
import type { CaseDraft } from './record-checks';
import { mergeCorrectionLists } from './corrections';
import { salvage, storedOf, type Salvaged } from './case-rows';

/** Tags of both sides, existing ones first, each once. */
export function unionTags(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}

/**
 * Both notes, without repeating what is already there: paragraphs (split on a
 * blank line) of the added note that the existing note already has are dropped,
 * so importing the same backup twice, or saving with the same note again, does
 * not grow the note.
 */
export function joinNotes(existing: string, added: string): string {
  if (!added.trim()) return existing;
  if (!existing.trim()) return added;
  const have = new Set(existing.split('\n\n'));
  const fresh = added.split('\n\n').filter((p) => !have.has(p));
  return fresh.length === 0 ? existing : `${existing}\n\n${fresh.join('\n\n')}`;
}

/** Semantic-version order ("1.10.0" > "1.9.0"); any non-numeric part falls back to text order. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * One case from two sources (an import of a case already saved, a backup
 * listing a case twice, an undo of a case saved again since): the library's
 * own summary, text and address, both sides' tags and notes (the library's
 * first), the first savedAt and the last updatedAt.
 *
 * Nothing the incoming record says about itself decides which summary is
 * kept: its `parserVersion` and `updatedAt` are claims a file can make up (a
 * forged "99.0.0" used to win every merge). The library's copy was read by
 * this extension from the page, or was itself checked on its way in, and
 * after a parser update every saved case is re-read from its own verbatim text
 * (`reparseAll`), so keeping it loses nothing the current parser would give.
 * Only a damaged saved copy gives way to the incoming one (`mergeInto`).
 */
export function mergeCases(existing: StoredCase, incoming: StoredCase): StoredCase {
  return {
    ...existing,
    tags: unionTags(existing.tags, incoming.tags),
    note: joinNotes(existing.note, incoming.note),
    ...mergeCorrectionLists(existing.corrections, incoming.corrections),
    savedAt: existing.savedAt <= incoming.savedAt ? existing.savedAt : incoming.savedAt,
    updatedAt: existing.updatedAt >= incoming.updatedAt ? existing.updatedAt : incoming.updatedAt,
  };
}

/** A decision as a save brings it from its page. */
export interface PageSave {
  summary: DecisionSummary;
  url: string;
  textGzip: Uint8Array;
  textLength: number;
  tags: string[];
  note: string;
}

/**
 * A decision saved, over what the library holds under its reference (`old`, as far as it can be
 * read; null when nothing): the page's summary, text and address, the first savedAt, both sides'
 * tags and notes. Saving again (perhaps with a newer parser) keeps the person's corrections,
 * matched to the new summary's items by sentence.
 */
export function savedOver(old: Salvaged | null, page: PageSave, at: string): CaseDraft {
  return {
    reference: page.summary.reference,
    url: page.url,
    savedAt: old?.savedAt ?? at,
    updatedAt: at,
    summary: page.summary,
    textGzip: page.textGzip,
    textLength: page.textLength,
    tags: unionTags(old?.tags ?? [], page.tags),
    note: joinNotes(old?.note ?? '', page.note),
    reparseError: null,
    corrections: old?.corrections ?? [],
  };
}

/**
 * An incoming case (imported, or put back by undo) merged into what the library
 * holds under its reference now (its three rows as read): the library's copy
 * when it is whole (`mergeCases`); when it is damaged, the incoming copy with
 * what survives of the saved tags and note. Null rows: nothing saved, the
 * incoming case as it is.
 */
export function mergeInto(
  rows: { entry: unknown; summary: unknown; text: unknown },
  incoming: StoredCase,
): { record: StoredCase; merged: boolean } {
  if (rows.entry === undefined) return { record: incoming, merged: false };
  const current = storedOf(rows.entry, rows.summary, rows.text);
  if (current) return { record: mergeCases(current, incoming), merged: true };
  const kept = salvage(rows.entry);
  const damaged = {
    ...incoming,
    tags: kept.tags,
    note: kept.note,
    corrections: kept.corrections,
    savedAt: kept.savedAt ?? incoming.savedAt,
  };
  return { record: mergeCases(damaged, incoming), merged: true };
}

/** The tags and note an editor started from, so a concurrent edit in another tab is merged, not overwritten. */
export interface NotesBase {
  tags: string[];
  note: string;
}

/**
 * A three-way merge of tags and note: `base` is what the editor started from,
 * `mine` what it sends, `theirs` what is stored now (perhaps changed by another
 * tab meanwhile). Tags added or removed on either side are applied; a note
 * changed on one side only takes that change; a note changed on both keeps both.
 */
export function mergeNotes(base: NotesBase, mine: NotesBase, theirs: NotesBase): NotesBase {
  const added = mine.tags.filter((t) => !base.tags.includes(t));
  const removed = new Set(base.tags.filter((t) => !mine.tags.includes(t)));
  const tags = unionTags(
    theirs.tags.filter((t) => !removed.has(t)),
    added,
  );
  let note: string;
  if (theirs.note === base.note || theirs.note === mine.note) note = mine.note;
  else if (mine.note === base.note) note = theirs.note;
  else note = joinNotes(theirs.note, mine.note);
  return { tags, note };
}
