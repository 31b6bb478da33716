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
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CaseList, SavedCopyView, UndoToast } from '../../components/library/CaseList';
import { CompareView } from '../../components/library/CompareView';
import { EmptyState } from '../../components/library/EmptyState';
import { FiguresView } from '../../components/library/FiguresView';
import { LibraryHeader } from '../../components/library/LibraryHeader';
import { LibraryMessages } from '../../components/library/LibraryMessages';
import { FilterBar, isFiltering } from '../../components/library/FilterBar';
import { ImportExport, type ImportReport, type TaskProgress } from '../../components/library/ImportExport';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { BACKUP_MIME, exportBackupBlob, importBackupFile } from '../../lib/library/backup-stream';
import { backupFileName, casesToCslJson, casesToCsvFile, localDateStamp } from '../../lib/library/exports';
import { exportCasePackBlob } from '../../lib/library/case-pack-export';
import { casePackFileName } from '../../lib/library/case-pack';
import { correctionsFileName, correctionsReport } from '../../lib/library/corrections-report';
import { applyCorrections } from '../../lib/library/corrections';
import { CaseCorrections } from '../../components/library/CaseCorrections';
import { storageFailure } from '../../lib/library/storage-errors';
import { bodyOf, tabOf } from '../../lib/library/library-view';
import type { CaseEntry } from '../../lib/library/saved-case';
import { downloadFile, openInNewTab, openLibraryPage } from './browser-actions';
import { useLibraryList } from './use-library-list';
import { useLibraryView } from './use-library-view';
import { useListPrefs } from './use-list-prefs';
import { useMessages } from './use-messages';
import { useSelection } from './use-selection';
import { useSavedCopy } from './use-saved-copy';
import { useShownCases } from './use-shown-cases';
import { useUndoToast } from './use-undo-toast';

/** Height of the list's scrolling viewport: the popup is at most 600 px tall; a tab has room for more. */
const LIST_HEIGHT = { popup: 320, tab: 560 } as const;

/** Where the app runs: the toolbar popup, or the library page in a tab (entrypoints/library/). */
export type Place = keyof typeof LIST_HEIGHT;

/** What the popup asks of the library page when it opens it: the address's fragment. */
const TAB_TASKS = { import: '#import', backup: '#export-backup' } as const;

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
  // A backup export or import under way in the library page: its progress, and how to cancel it.
  const [task, setTask] = useState<{ progress: TaskProgress; controller: AbortController } | null>(null);
  const importing = task?.progress.kind === 'import';
  const { library, preview, all, total } = useLibraryList(store, prefs, importing);
  const messages = useMessages();
  const { problem, setProblem, notice, setNotice } = messages;
  const [report, setReport] = useState<ImportReport | null>(null);
  const main = useRef<HTMLElement>(null);
  const undoToast = useUndoToast(store, messages, main);

  const { byReference, facets, relatedOf, filtered, shown } = useShownCases(all, prefs);
  const selection = useSelection(byReference, shown, isFiltering(prefs.filter));
  const { view, setView, compared, figures } = useLibraryView(store, selection.references, filtered);
  const savedCopy = useSavedCopy(store, view, setView, byReference, library.status === 'ready');

  function open(c: CaseEntry) {
    // Only web addresses: a record imported from a hand-edited backup could hold anything.
    if (/^https?:\/\//i.test(c.url)) openTab(c.url);
    else setProblem(`The saved address of ${c.reference} is not a web address; read the saved copy instead.`);
  }

  /** Reads the file a case at a time, checks every case before writing any, and writes in batches, with progress and a cancel. */
  async function importFile(file: File) {
    const controller = new AbortController();
    setTask({ progress: { kind: 'import', label: 'Checking the backup…', done: 0, total: file.size }, controller });
    setReport(null);
    try {
      const result = await importBackupFile(store, file, {
        signal: controller.signal,
        onProgress: (p) =>
          setTask({
            progress: {
              kind: 'import',
              label:
                p.phase === 'checking'
                  ? `Checking the backup: ${p.cases.toLocaleString('en-GB')} cases read…`
                  : `Importing: ${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} cases…`,
              done: p.done,
              total: p.total,
            },
            controller,
          }),
      });
      setReport(
        result.ok
          ? { ok: true, added: result.added, merged: result.merged }
          : { ok: false, message: result.message, problems: result.problems },
      );
      // Refused while writing because the library changed after the check (a merge past a limit): said, not dropped.
      if (result.ok && result.skipped.length > 0) {
        setProblem(
          `${result.skipped.length} ${result.skipped.length === 1 ? 'case was' : 'cases were'} not imported: ${result.skipped.slice(0, 5).join(' ')}${result.skipped.length > 5 ? ' …' : ''}`,
        );
      }
    } catch (error) {
      setReport({
        ok: false,
        message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
        problems: [],
      });
    } finally {
      setTask(null);
    }
  }

  /** CSV and CSL-JSON need whole summaries: read those of the cases in scope when asked. */
  async function exportCases(kind: 'csv' | 'csl') {
    const { cases, corrupted, error } = await store.full(selection.scope.cases.map((c) => c.reference));
    if (error) return setProblem(error);
    if (corrupted.length > 0)
      setProblem(
        `${corrupted.length} damaged ${corrupted.length === 1 ? 'case was' : 'cases were'} left out of the export: ${corrupted.map((c) => c.reference).join(', ')}.`,
      );
    if (kind === 'csv') download(`ombudsman-lens-cases-${localDateStamp()}.csv`, 'text/csv;charset=utf-8', casesToCsvFile(cases, all));
    else
      download(
        `ombudsman-lens-zotero-${localDateStamp()}.json`,
        'application/vnd.citationstyles.csl+json',
        `${JSON.stringify(casesToCslJson(cases), null, 2)}\n`,
      );
  }

  /** "Export corrections": a JSON file of every correction in the library (lib/library/corrections-report.ts). */
  async function exportCorrections() {
    const { cases, error } = await store.full();
    if (error) return setProblem(error);
    const report = correctionsReport(cases);
    if (report.cases.length === 0) return setProblem('No saved case has corrections yet: there is nothing to export.');
    download(correctionsFileName(), 'application/json', `${JSON.stringify(report, null, 2)}\n`);
  }

  /** Case by case into a Blob (a 50,000-case library is far past V8's longest string), with progress and a cancel. */
  const exportBackup = useCallback(async () => {
    const controller = new AbortController();
    const show = (done: number, total: number) =>
      setTask({
        progress: {
          kind: 'export',
          label: `Exporting: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} cases…`,
          done,
          total,
        },
        controller,
      });
    show(0, 0);
    setProblem(null);
    try {
      const { blob, skipped } = await exportBackupBlob(store, { signal: controller.signal, onProgress: (p) => show(p.done, p.total) });
      download(backupFileName(new Date()), BACKUP_MIME, blob);
      if (skipped.length > 0) {
        setProblem(
          `${skipped.length} damaged ${skipped.length === 1 ? 'case was' : 'cases were'} left out of the backup: ${skipped.slice(0, 20).join(', ')}${skipped.length > 20 ? '…' : ''}.`,
        );
      }
    } catch (error) {
      setProblem(
        controller.signal.aborted
          ? 'Export cancelled: no file was written.'
          : storageFailure(error, 'The backup could not be exported').message,
      );
    } finally {
      setTask(null);
    }
  }, [store, download]);

  /** The case pack of the cases in scope, read a batch at a time with progress and a cancel. */
  async function exportCasePack() {
    const controller = new AbortController();
    const show = (done: number, total: number) =>
      setTask({ progress: { kind: 'export', label: `Making the case pack: ${done} of ${total} cases…`, done, total }, controller });
    show(0, selection.scope.count);
    setProblem(null);
    try {
      const { blob, skipped } = await exportCasePackBlob(
        store,
        selection.scope.cases.map((c) => c.reference),
        { signal: controller.signal, onProgress: (p) => show(p.done, p.total) },
      );
      download(casePackFileName(localDateStamp()), blob.type, blob);
      if (skipped.length > 0)
        setProblem(
          `${skipped.length} damaged ${skipped.length === 1 ? 'case was' : 'cases were'} left out of the case pack: ${skipped.slice(0, 20).join(', ')}.`,
        );
    } catch (error) {
      setProblem(
        controller.signal.aborted
          ? 'Case pack cancelled: no file was written.'
          : storageFailure(error, 'The case pack could not be made').message,
      );
    } finally {
      setTask(null);
    }
  }

  // The popup's "Export JSON backup" opens this page with a task; it runs once, when the library is read.
  const [tabTask, setTabTask] = useState(() => (place === 'tab' ? location.hash : ''));
  useEffect(() => {
    if (tabTask === TAB_TASKS.backup && library.status === 'ready') {
      setTabTask('');
      void exportBackup();
    }
  }, [tabTask, library.status, exportBackup]);

  const importExport = (
    <ImportExport
      scope={selection.scope}
      total={all.length}
      onExportCsv={() => void exportCases('csv')}
      onExportCsl={() => void exportCases('csl')}
      onExportCasePack={() => void exportCasePack()}
      onExportCorrections={() => void exportCorrections()}
      onExportBackup={() => (place === 'popup' ? openLibraryTab(TAB_TASKS.backup) : void exportBackup())}
      onImportFile={(file) => void importFile(file)}
      onImportInTab={place === 'popup' ? () => openLibraryTab(TAB_TASKS.import) : undefined}
      importAsked={tabTask === TAB_TASKS.import}
      progress={task?.progress ?? null}
      onCancel={task ? () => task.controller.abort() : undefined}
      importing={importing}
      report={report}
      onDismissReport={() => setReport(null)}
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
