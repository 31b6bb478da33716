/**
 * The library app, in the toolbar popup and in the library page in a tab (`place`): it opens the
 * library (`LensDatabase` + `CaseStore`) and wires each job's hook, beside this file, to the views
 * under components/library/, which only draw what they are given and call back. The rules the hooks
 * follow (the remembered prefs, which view is shown, what an export takes) are in lib/library/.
 *
 * Writes from the popup (delete, undo, tags and note, import) go through the
 * same `CaseStore` the background uses, so they are validated the same way.
 */
import { useRef, useState } from 'preact/hooks';
import { CaseList, UndoToast } from '../../components/library/CaseList';
import { LibraryBody } from '../../components/library/LibraryBody';
import { LibraryHeader } from '../../components/library/LibraryHeader';
import { LibraryMessages } from '../../components/library/LibraryMessages';
import { FilterBar, isFiltering } from '../../components/library/FilterBar';
import { ImportExport } from '../../components/library/ImportExport';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { bodyOf, tabOf } from '../../lib/library/library-view';
import type { CaseEntry } from '../../lib/library/saved-case';
import { copyToClipboard, downloadFile, extensionStorage, openInNewTab, openLibraryPage, type Download } from './browser-actions';
import { useLibraryList } from './use-library-list';
import { useLibraryView } from './use-library-view';
import { useLibraryFiles } from './use-library-files';
import { useListPrefs } from './use-list-prefs';
import { useLongTask } from './use-long-task';
import { useMessages } from './use-messages';
import { useSelection } from './use-selection';
import { useSelectionActions } from './use-selection-actions';
import { useSavedCopy } from './use-saved-copy';
import { useShownCases } from './use-shown-cases';
import { useUndoToast } from './use-undo-toast';
import { useCitations } from './use-citations';
import { CitationTools } from '../../components/library/CitationTools';
import type { SettingsStorage } from '../../lib/case-citation/settings';
import { lazyView } from '../../components/lazy-view';

// The views a person opens now and then, each a chunk of its own loaded when first opened: the
// popup's first chunk carries what the list needs (components/lazy-view.tsx).
const CompareView = lazyView('comparison', () => import('../../components/library/CompareView').then((m) => m.CompareView));
const LibraryFigures = lazyView('figures', () => import('./LibraryFigures').then((m) => m.LibraryFigures));
const SavedCaseView = lazyView('saved copy', () => import('../../components/library/SavedCaseView').then((m) => m.SavedCaseView));

/** Height of the list's scrolling viewport: the popup is at most 600 px tall; a tab has room for more. */
const LIST_HEIGHT = { popup: 320, tab: 560 } as const;

/** Where the app runs: the toolbar popup, or the library page in a tab (entrypoints/library/). */
export type Place = keyof typeof LIST_HEIGHT;

export interface PopupAppProps {
  /** Tests pass a store over fake-indexeddb; the popup opens the real database. */
  store?: CaseStore;
  /** Opens a decision's live page; by default in a new tab. */
  openTab?: (url: string) => void;
  download?: Download;
  /** The popup by default; `tab` for the library page, where backups are exported and imported. */
  place?: Place;
  /** Opens the library page in a tab with a task (`#import`, `#export-backup`) or none; by default a new tab, closing the popup. */
  openLibraryTab?: (hash: string) => void;
  /** Where the citation settings live; by default `browser.storage.local`, which the sidebar reads too. */
  settingsStorage?: SettingsStorage;
  /** Puts text on the clipboard; by default the Clipboard API, else a selected textarea. */
  copyText?: (text: string) => Promise<boolean>;
}

export function PopupApp(props: PopupAppProps) {
  const [store] = useState(() => props.store ?? new CaseStore(new LensDatabase()));
  const openTab = props.openTab ?? openInNewTab;
  const download = props.download ?? downloadFile;
  const place = props.place ?? 'popup';
  const openLibraryTab = props.openLibraryTab ?? openLibraryPage;

  const { prefs, setFilter, clearFilters, setSort } = useListPrefs();
  const task = useLongTask();
  const { library, preview, all, total, readError } = useLibraryList(store, prefs, task.importing);
  const messages = useMessages();
  const { problem, setProblem, notice, setNotice } = messages;
  const main = useRef<HTMLElement>(null);
  const undoToast = useUndoToast(store, messages, main);

  const { byReference, facets, relatedOf, filtered, shown } = useShownCases(all, prefs);
  const selection = useSelection(byReference, shown, isFiltering(prefs.filter));
  const { view, setView, compared } = useLibraryView(store, selection.references);
  const savedCopy = useSavedCopy(store, view, setView, byReference, library.status === 'ready');
  const files = useLibraryFiles({
    store,
    download,
    setTask: task.setTask,
    setProblem,
    inTab: place === 'tab',
    libraryRead: library.status === 'ready',
    openLibraryTab,
  });
  const [settingsStorage] = useState(() => props.settingsStorage ?? extensionStorage());
  const citations = useCitations(settingsStorage, props.copyText ?? copyToClipboard, selection.references.join('|'));
  const actions = useSelectionActions({
    store,
    download,
    scope: selection.scope,
    all,
    setTask: task.setTask,
    setProblem,
    citationTemplate: citations.settings.template,
  });

  function open(c: CaseEntry) {
    // Only web addresses: a record imported from a hand-edited backup could hold anything.
    if (/^https?:\/\//i.test(c.url)) openTab(c.url);
    else setProblem(`The saved address of ${c.reference} is not a web address; read the saved copy instead.`);
  }

  const importExport = (
    <ImportExport
      scope={selection.scope}
      total={all.length}
      onExportCsv={() => void actions.exportCases('csv')}
      onExportCsl={() => void actions.exportCases('csl')}
      onExportCasePack={() => void actions.exportCasePack()}
      onExportCorrections={() => void files.exportCorrections()}
      onExportBackup={files.exportBackup}
      onImportFile={(file) => void files.importFile(file)}
      onImportInTab={files.importInTab}
      importAsked={files.importAsked}
      progress={task.progress}
      onCancel={task.cancel}
      importing={task.importing}
      report={files.report}
      onDismissReport={files.dismissReport}
    />
  );

  const citationTools = (
    <CitationTools
      selectedCount={selection.cases.length}
      settings={citations.settings}
      copyState={citations.copyState}
      onCopy={() => void citations.copy(selection.cases)}
      onFormChange={(form) => void citations.setForm(form)}
      editor={place === 'tab' ? { previewCase: selection.cases[0] ?? shown[0] ?? null, onSave: citations.saveTemplate } : null}
      onEditInTab={place === 'popup' ? () => openLibraryTab('') : undefined}
    />
  );

  const filterBar = (
    <FilterBar
      filter={prefs.filter}
      facets={facets}
      sortKey={prefs.sortKey}
      sortDir={prefs.sortDir}
      onFilterChange={setFilter}
      onSortChange={setSort}
      onClear={clearFilters}
      shown={filtered.length}
      total={total}
      showSort={view.kind !== 'figures'}
    />
  );
  const caseList = (
    <CaseList
      cases={shown}
      selected={selection.selectedSet}
      onToggleSelect={selection.toggle}
      onOpen={open}
      onOpenSavedCopy={savedCopy.show}
      onDelete={(c) => void undoToast.remove(c)}
      onClearFilters={clearFilters}
      relatedOf={relatedOf}
      height={LIST_HEIGHT[place]}
    />
  );

  return (
    <div class="ol-root ol-popup">
      <LibraryHeader
        total={total}
        onOpenInTab={place === 'popup' ? () => openLibraryTab('') : undefined}
        tab={tabOf(view)}
        onTab={(kind) => setView({ kind })}
        selectedCount={selection.cases.length}
      />
      <main class="ol-popup-main" ref={main} tabIndex={-1}>
        <LibraryMessages
          problem={problem}
          onDismissProblem={() => setProblem(null)}
          notice={notice}
          onDismissNotice={() => setNotice(null)}
          corrupted={library.status === 'ready' ? library.value.corrupted : []}
        />
        <LibraryBody
          body={bodyOf({
            view,
            library: library.status,
            libraryError: readError !== null,
            preview: preview !== null,
            cases: all.length,
            copyFound: savedCopy.record !== undefined,
          })}
          readError={readError}
          previewTotal={preview?.total ?? null}
          filterBar={filterBar}
          caseList={caseList}
          importExport={importExport}
          citations={citationTools}
          savedCopy={
            savedCopy.record && (
              <SavedCaseView
                key={savedCopy.record.reference}
                record={savedCopy.record}
                text={savedCopy.text}
                error={savedCopy.error}
                full={savedCopy.full}
                onBack={() => setView({ kind: 'list' })}
                onOpenLive={open}
                onSaveNotes={(tags, note, base) => void savedCopy.saveNotes(tags, note, base)}
                notesState={savedCopy.notesState}
                onCorrect={(reference, change) => void savedCopy.correct(reference, change)}
                correctionError={savedCopy.correctionError}
              />
            )
          }
          compare={
            compared.status === 'ready' && compared.value ? (
              <CompareView cases={compared.value.cases} onBack={() => setView({ kind: 'list' })} onRemove={selection.toggle} />
            ) : null
          }
          figures={
            view.kind === 'figures' && (
              <LibraryFigures
                cases={filtered}
                scope={isFiltering(prefs.filter) ? `the ${filtered.length} cases matching the filters` : `all ${all.length} saved cases`}
              />
            )
          }
        />
      </main>
      {undoToast.toast && (
        <UndoToast message={undoToast.toast.message} onUndo={() => void undoToast.undo()} onDismiss={undoToast.close} autoFocus />
      )}
    </div>
  );
}
