/**
 * The sidebar's state: view (expanded / collapsed / closed), marks in the page,
 * citation copying. Wires the presentational <Sidebar> to the page through
 * injected functions, so it has no extension API of its own and tests can drive it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyCorrections, type Correction } from '../../lib/library/corrections';
import type { CorrectionsProps, SelectedSentence } from '../../components/CorrectionControls';
import type { DecisionHeadline, DecisionSummary } from '../../lib/schema';
import type { BackgroundRequestInput, CaseStatus, PurposeFigures, Reply } from '../../lib/messages';
import type { NotesEditorProps } from '../../components/NotesEditor';
import { citeCase } from '../../lib/case-citation/cite';
import {
  DEFAULT_CITATION_SETTINGS,
  loadCitationSettings,
  saveCitationSettings,
  type CitationForm,
  type CitationSettings,
  type SettingsStorage,
} from '../../lib/case-citation/settings';
import { Sidebar, type SaveState, type SidebarProps } from '../../components/Sidebar';
import type { LocateTarget } from '../../components/ParagraphLink';
import type { PageMarks } from './page-marks';
import type { SidebarView } from './sidebar-view';

export interface SidebarAppProps {
  headline: DecisionHeadline;
  /** Null until the analysis has run: the sidebar first paints the headline alone. */
  summary: DecisionSummary | null;
  analysisError?: string | null;
  marks: PageMarks;
  initialView: SidebarView;
  onViewChange: (view: SidebarView) => void;
  copyText: (text: string) => Promise<boolean>;
  /** Where the citation settings live (`browser.storage.local`); absent in tests of the sidebar alone: the defaults. */
  settingsStorage?: SettingsStorage | null;
  /** Lets the content script toggle the sidebar (keyboard shortcut) from outside. */
  registerToggle: (toggle: () => void) => void;
  /** The library, through the background; absent in tests of the sidebar alone. */
  library?: {
    request: (request: BackgroundRequestInput) => Promise<Reply>;
    /** The verbatim text to keep with the case. */
    text: () => string;
    url: string;
  } | null;
  notice?: string | null;
  /** The page was read only in part: how far, in words (see page-limit.ts). */
  partial?: string | null;
  /** The sentence selected in the page, for "Add from selection" (selected-sentence.ts). */
  pickSentence?: () => SelectedSentence | string;
  /** Lets the content script show a notice later, e.g. when the extension was reloaded under the page. */
  registerNotice?: (show: (message: string) => void) => void;
}

export function SidebarApp(props: SidebarAppProps) {
  const { headline, summary, marks, onViewChange, registerToggle, registerNotice } = props;
  const [view, setView] = useState<SidebarView>(props.initialView);
  const [marksOn, setMarksOn] = useState(false);
  const [copyState, setCopyState] = useState<SidebarProps['copyState']>('idle');
  const changedByUser = useRef(false);
  const hostRef = useRef<HTMLDivElement>(null);

  const changeView = useCallback(
    (next: SidebarView) => {
      changedByUser.current = true;
      setView(next);
      onViewChange(next);
    },
    [onViewChange],
  );

  useEffect(() => {
    registerToggle(() => changeView(view === 'expanded' ? 'closed' : 'expanded'));
  }, [view, changeView, registerToggle]);

  // Move focus only after the reader acted: never steal it from the page on load.
  useEffect(() => {
    if (!changedByUser.current) return;
    const root = hostRef.current;
    if (view === 'expanded') root?.querySelector<HTMLElement>('.ol-toolbar button')?.focus();
    if (view === 'collapsed') root?.querySelector<HTMLElement>('.ol-tab')?.focus();
  }, [view]);

  useEffect(() => () => marks.dispose(), [marks]);

  // The library: Saved state on every visit, Save / Unsave, tags and note.
  const library = props.library ?? null;
  const [saveState, setSaveState] = useState<SaveState>({ state: 'unsaved' });
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [notesState, setNotesState] = useState<Pick<NotesEditorProps, 'state' | 'message'>>({ state: 'idle' });
  const [notice, setNotice] = useState<string | null>(props.notice ?? null);
  useEffect(() => registerNotice?.(setNotice), [registerNotice]);

  /** `notDone` is all the control says when the library is out of reach: the notice says why and what to do, once. */
  const applyReply = (reply: Reply, failed: (message: string) => void, notDone = '') => {
    if (reply.ok) {
      if (reply.status) {
        setStatus(reply.status);
        setSaveState(reply.status.saved ? { state: 'saved', savedAt: reply.status.savedAt } : { state: 'unsaved' });
      }
      return;
    }
    if (reply.error === 'unavailable') {
      setNotice(reply.message);
      failed(notDone);
    } else failed(reply.message);
  };

  // The citation form and template: read again whenever the tab comes back, as the template may have been edited in the library meanwhile.
  const settingsStorage = props.settingsStorage ?? null;
  const [citeSettings, setCiteSettings] = useState<CitationSettings>(DEFAULT_CITATION_SETTINGS);
  useEffect(() => {
    if (!settingsStorage) return;
    const read = () => void loadCitationSettings(settingsStorage).then(setCiteSettings);
    read();
    const onVisible = () => document.visibilityState === 'visible' && read();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [settingsStorage]);

  useEffect(() => {
    if (!library) return;
    const refresh = () =>
      void library.request({ type: 'case-status', reference: headline.reference }).then((reply) => applyReply(reply, () => {}));
    refresh();
    // Coming back to this tab: the case may have been saved, deleted or edited in another one meanwhile.
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [library, headline.reference]);

  // Payments in context: asked for only when the decision agreed a payment; the figures leave this case out.
  const [paymentContext, setPaymentContext] = useState<PurposeFigures[] | null>(null);
  const paysSomething = summary?.remedies.some((r) => r.kind === 'payment' && r.amount !== null) ?? false;
  useEffect(() => {
    if (!library || !paysSomething) return;
    void library
      .request({ type: 'payment-context', exclude: headline.reference })
      .then((reply) => setPaymentContext(reply.ok ? (reply.payments ?? null) : null));
  }, [library, paysSomething, headline.reference]);

  const onSave = async () => {
    if (!library || !summary) return;
    setSaveState({ state: 'saving' });
    const reply = await library.request({ type: 'save-case', summary, text: library.text(), url: library.url });
    applyReply(reply, (message) => setSaveState({ state: 'error', message }), 'Not saved.');
  };
  const onUnsave = async () => {
    if (!library) return;
    const reply = await library.request({ type: 'remove-case', reference: headline.reference });
    applyReply(reply, (message) => setSaveState({ state: 'error', message }), 'Not removed.');
  };
  const onSaveNotes = async (tags: string[], note: string, base: { tags: string[]; note: string }) => {
    if (!library) return;
    setNotesState({ state: 'saving' });
    const reply = await library.request({ type: 'update-notes', reference: headline.reference, tags, note, base });
    applyReply(reply, (message) => setNotesState({ state: 'error', message }), 'Tags and note not saved.');
    if (reply.ok) setNotesState({ state: 'saved' });
  };

  // Corrections are stored with the saved case; the live summary is shown with them applied (matched by sentence).
  const [correctionError, setCorrectionError] = useState<string | null>(null);
  const storedCorrections = status?.saved ? status.corrections : undefined;
  const applied = useMemo(
    () => (summary && storedCorrections ? applyCorrections(summary, storedCorrections) : summary ? applyCorrections(summary, []) : null),
    [summary, storedCorrections],
  );
  const sendCorrection = async (change: { set: Correction } | { revert: string }) => {
    if (!library) return;
    const reply = await library.request({ type: 'correct-case', reference: headline.reference, ...change });
    applyReply(reply, (message) => setCorrectionError(message));
    if (reply.ok) setCorrectionError(null);
  };
  const corrections: CorrectionsProps | null =
    library && status?.saved && applied
      ? {
          applied,
          corrections: storedCorrections ?? [],
          onSet: (set) => void sendCorrection({ set }),
          onRevert: (revert) => void sendCorrection({ revert }),
          pickSentence: props.pickSentence,
          now: () => new Date().toISOString(),
          error: correctionError,
        }
      : null;
  const shown = applied?.summary ?? summary;

  const onLocate = useCallback((target: LocateTarget) => marks.locate(target), [marks]);

  const onToggleMarks = () => {
    if (!shown) return;
    if (marksOn) marks.clearMarks();
    else
      marks.markAll(
        shown.faults.map((f) => ({ block: f.block, sentence: f.text })),
        // A remedy read only from the summary has no block to mark.
        shown.remedies.flatMap((r) => (r.block === null ? [] : [{ block: r.block, sentence: r.text }])),
      );
    setMarksOn(!marksOn);
  };

  // Read from the settings already held: a storage read first would cost the click its user activation, which the clipboard needs.
  const onCopyCitation = async () => {
    const ok = await props.copyText(citeCase(headline, citeSettings));
    setCopyState(ok ? 'copied' : 'failed');
  };
  const onCitationFormChange = async (form: CitationForm) => {
    setCiteSettings((s) => ({ ...s, form }));
    setCopyState('idle');
    if (!settingsStorage) return;
    // The template as stored now, not as read earlier: it may have been edited in the library since.
    const stored = await loadCitationSettings(settingsStorage);
    await saveCitationSettings(settingsStorage, { ...stored, form });
  };

  if (view === 'closed') return null;
  return (
    <div ref={hostRef}>
      <Sidebar
        headline={headline}
        summary={shown}
        corrections={corrections}
        analysisError={props.analysisError ?? null}
        view={view}
        marksOn={marksOn}
        copyState={copyState}
        citationForm={citeSettings.form}
        onCitationFormChange={(form) => void onCitationFormChange(form)}
        save={library ? { ...saveState, onSave: () => void onSave(), onUnsave: () => void onUnsave() } : null}
        notes={
          status?.saved
            ? { tags: status.tags, note: status.note, ...notesState, onSave: (t, n, base) => void onSaveNotes(t, n, base) }
            : null
        }
        notice={notice}
        paymentContext={paymentContext}
        partial={props.partial ?? null}
        onLocate={onLocate}
        onToggleMarks={onToggleMarks}
        onCopyCitation={onCopyCitation}
        onCollapse={() => changeView('collapsed')}
        onExpand={() => changeView('expanded')}
        onClose={() => {
          if (marksOn) {
            marks.clearMarks();
            setMarksOn(false);
          }
          changeView('closed');
        }}
      />
    </div>
  );
}
