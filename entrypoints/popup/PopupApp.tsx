/**
 * The popup's container: the one place that touches the database and the
 * browser. It opens the library (`LensDatabase` + `CaseStore`), reads it with a
 * live query (a case saved in a tab appears here at once), and holds the filter,
 * sort, selection and view; the components under components/library/ only draw
 * what they are given and call back.
 *
 * Writes from the popup (delete, undo, tags and note, import) go through the
 * same `CaseStore` the background uses, so they are validated the same way.
 */
import { useRef, useState } from 'preact/hooks';
import { CaseList, SavedCopyView, UndoToast } from '../../components/library/CaseList';
import { CompareView } from '../../components/library/CompareView';
import { EmptyState } from '../../components/library/EmptyState';
import { FiguresView } from '../../components/library/FiguresView';
import { LibraryHeader } from '../../components/library/LibraryHeader';
import { LibraryMessages } from '../../components/library/LibraryMessages';
import { FilterBar, isFiltering } from '../../components/library/FilterBar';
import { ImportExport } from '../../components/library/ImportExport';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { applyCorrections } from '../../lib/library/corrections';
import { CaseCorrections } from '../../components/library/CaseCorrections';
import { storageFailure } from '../../lib/library/storage-errors';
import { bodyOf, tabOf } from '../../lib/library/library-view';
import type { CaseEntry } from '../../lib/library/saved-case';
import { downloadFile, openInNewTab, openLibraryPage } from './browser-actions';
import { useLibraryList } from './use-library-list';
import { useLibraryView } from './use-library-view';
import { TAB_TASKS, useLibraryFiles } from './use-library-files';
import { useListPrefs } from './use-list-prefs';
import { useLongTask } from './use-long-task';
import { useMessages } from './use-messages';
import { useSelection } from './use-selection';
import { useSelectionActions } from './use-selection-actions';
import { useSavedCopy } from './use-saved-copy';
import { useShownCases } from './use-shown-cases';
import { useUndoToast } from './use-undo-toast';

/** Height of the list's scrolling viewport: the popup is at most 600 px tall; a tab has room for more. */
const LIST_HEIGHT = { popup: 320, tab: 560 } as const;

/** Where the app runs: the toolbar popup, or the library page in a tab (entrypoints/library/). */
export type Place = keyof typeof LIST_HEIGHT;

export interface PopupAppProps {
  /** Tests pass a store over fake-indexeddb; the popup opens the real database. */
  store?: CaseStore;
  /** Opens a decision's live page; by default in a new tab. */
  openTab?: (url: string) => void;
  download?: (name: string, type: string, content: string | Blob) => void;
  /** The popup by default; `tab` for the library page, where backups are exported and imported. */
  place?: Place;
  /** Opens the library page in a tab with a task (`#import`, `#export-backup`) or none; by default a new tab, closing the popup. */
  openLibraryTab?: (hash: string) => void;
}

export function PopupApp(props: PopupAppProps) {
  const [store] = useState(() => props.store ?? new CaseStore(new LensDatabase()));
  const openTab = props.openTab ?? openInNewTab;
  const download = props.download ?? downloadFile;
  const place = props.place ?? 'popup';
  const openLibraryTab = props.openLibraryTab ?? openLibraryPage;

  const { prefs, setFilter, clearFilters, setSort } = useListPrefs();
  const task = useLongTask();
  const { library, preview, all, total } = useLibraryList(store, prefs, task.importing);
  const messages = useMessages();
  const { problem, setProblem, notice, setNotice } = messages;
  const main = useRef<HTMLElement>(null);
  const undoToast = useUndoToast(store, messages, main);

  const { byReference, facets, relatedOf, filtered, shown } = useShownCases(all, prefs);
  const selection = useSelection(byReference, shown, isFiltering(prefs.filter));
  const { view, setView, compared, figures } = useLibraryView(store, selection.references, filtered);
  const savedCopy = useSavedCopy(store, view, setView, byReference, library.status === 'ready');
  const { setTask } = task;
  const files = useLibraryFiles({ store, download, setTask, setProblem, inTab: place === 'tab', libraryRead: library.status === 'ready' });
  const actions = useSelectionActions({ store, download, scope: selection.scope, all, setTask, setProblem });

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
      onExportBackup={() => (place === 'popup' ? openLibraryTab(TAB_TASKS.backup) : void files.exportBackup())}
      onImportFile={(file) => void files.importFile(file)}
      onImportInTab={place === 'popup' ? () => openLibraryTab(TAB_TASKS.import) : undefined}
      importAsked={files.importAsked}
      progress={task.progress}
      onCancel={task.cancel}
      importing={task.importing}
      report={files.report}
      onDismissReport={files.dismissReport}
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

  let body;
  switch (
    bodyOf({
      view,
      library: library.status,
      libraryError: library.status === 'ready' && Boolean(library.value.error),
      preview: preview !== null,
      cases: all.length,
      copyFound: savedCopy.record !== undefined,
    })
  ) {
    case 'reading':
      body = (
        <p class="ol-muted" role="status">
          Reading the library…
        </p>
      );
      break;
    case 'error':
      // Worded once, by the library's wording for storage failures: the message already says what could not be read.
      body = (
        <p class="ol-error" role="alert">
          {library.status === 'error'
            ? storageFailure(library.error, 'The library could not be read').message
            : library.status === 'ready'
              ? library.value.error
              : ''}
        </p>
      );
      break;
    case 'empty':
      body = (
        <>
          <EmptyState />
          {importExport}
        </>
      );
      break;
    case 'copy': {
      const { record, full } = savedCopy;
      if (!record) break;
      const applied = full?.reference === record.reference ? applyCorrections(full.summary, full.corrections ?? []) : null;
      body = (
        <SavedCopyView
          corrections={
            full && applied ? (
              <CaseCorrections
                correcting={{
                  applied,
                  corrections: full.corrections ?? [],
                  onSet: (set) => void savedCopy.correct(full.reference, { set }),
                  onRevert: (revert) => void savedCopy.correct(full.reference, { revert }),
                  now: () => new Date().toISOString(),
                  error: savedCopy.correctionError,
                }}
              />
            ) : null
          }
          key={record.reference}
          record={record}
          text={savedCopy.text}
          error={savedCopy.error}
          onBack={() => setView({ kind: 'list' })}
          onOpenLive={open}
          onSaveNotes={(tags, note, base) => void savedCopy.saveNotes(record.reference, tags, note, base)}
          notesState={savedCopy.notesState}
        />
      );
      break;
    }
    case 'compare':
      body =
        compared.status === 'ready' && compared.value ? (
          <CompareView cases={compared.value.cases} onBack={() => setView({ kind: 'list' })} onRemove={selection.toggle} />
        ) : (
          <p class="ol-muted" role="status">
            Reading the selected cases…
          </p>
        );
      break;
    case 'preview':
      body = (
        <>
          {filterBar}
          {caseList}
          <p class="ol-muted" role="status">
            {preview?.total == null ? 'Reading all saved cases…' : `Reading all ${preview.total.toLocaleString('en-GB')} saved cases…`}
          </p>
        </>
      );
      break;
    case 'figures':
      body = figures && (
        <>
          {filterBar}
          <FiguresView
            figures={figures}
            scope={isFiltering(prefs.filter) ? `the ${filtered.length} cases matching the filters` : `all ${all.length} saved cases`}
          />
        </>
      );
      break;
    case 'list':
      body = (
        <>
          {filterBar}
          {caseList}
          {importExport}
        </>
      );
  }

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
        {body}
      </main>
      {undoToast.toast && <UndoToast message={undoToast.toast.message} onUndo={() => void undoToast.undo()} onDismiss={undoToast.close} autoFocus />}
    </div>
  );
}
