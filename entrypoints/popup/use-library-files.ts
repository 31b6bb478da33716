/**
 * Files of the whole library, made and read in the library page: the backup exported and imported a
 * case at a time with progress and Cancel, the report of the last import, and the corrections file.
 * The popup hands the backup tasks over to that page in its address (TAB_TASKS): the system file
 * dialog closes a Firefox popup, and a long task must outlive the popup. The code that reads and
 * writes each file is a chunk of its own, loaded when the task starts (components/lazy-view.tsx).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportReport } from '../../components/library/ImportExport';
import { loadChunk } from '../../components/lazy-view';
import type { CaseStore } from '../../lib/library/case-store';
import { damagedLeftOut, storageFailure } from '../../lib/library/storage-errors';
import type { Download } from './browser-actions';
import type { LongTask } from './use-long-task';

/** What the popup asks of the library page when it opens it: the address's fragment. */
const TAB_TASKS = { import: '#import', backup: '#export-backup' } as const;

export interface LibraryFilesOptions {
  store: CaseStore;
  download: Download;
  setTask: LongTask['setTask'];
  setProblem: (problem: string | null) => void;
  /** The library page: a task in its address runs once the library is read. */
  inTab: boolean;
  libraryRead: boolean;
  /** In the popup: opens the library page with a task for it. */
  openLibraryTab: (hash: string) => void;
}

export function useLibraryFiles({ store, download, setTask, setProblem, inTab, libraryRead, openLibraryTab }: LibraryFilesOptions) {
  const [report, setReport] = useState<ImportReport | null>(null);

  /** Reads the file a case at a time, checks every case before writing any, and writes in batches, with progress and a cancel. */
  async function importFile(file: File) {
    const backup = await loadChunk('The import', () => import('../../lib/library/backup-stream'), setProblem);
    if (!backup) return;
    const controller = new AbortController();
    setTask({ progress: { kind: 'import', label: 'Checking the backup…', done: 0, total: file.size }, controller });
    setReport(null);
    try {
      const result = await backup.importBackupFile(store, file, {
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

  /** "Export corrections": a JSON file of every correction in the library (lib/library/corrections-report.ts). */
  async function exportCorrections() {
    const report = await loadChunk('The corrections export', () => import('../../lib/library/corrections-report'), setProblem);
    if (!report) return;
    const { cases, error } = await store.full();
    if (error) return setProblem(error);
    const corrections = report.correctionsReport(cases);
    if (corrections.cases.length === 0) return setProblem('No saved case has corrections yet: there is nothing to export.');
    download(report.correctionsFileName(), 'application/json', `${JSON.stringify(corrections, null, 2)}\n`);
  }

  /** Case by case into a Blob (a 50,000-case library is far past V8's longest string), with progress and a cancel. */
  const exportBackup = useCallback(async () => {
    const code = await loadChunk(
      'The backup',
      () => Promise.all([import('../../lib/library/backup-stream'), import('../../lib/library/exports')]),
      setProblem,
    );
    if (!code) return;
    const [{ BACKUP_MIME, exportBackupBlob }, { backupFileName }] = code;
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
      if (skipped.length > 0) setProblem(damagedLeftOut(skipped, 'the backup'));
    } catch (error) {
      setProblem(
        controller.signal.aborted
          ? 'Export cancelled: no file was written.'
          : storageFailure(error, 'The backup could not be exported').message,
      );
    } finally {
      setTask(null);
    }
  }, [store, download, setTask, setProblem]);

  // The popup's "Export JSON backup" opens this page with a task; it runs once, when the library is read.
  const [tabTask, setTabTask] = useState(() => (inTab ? location.hash : ''));
  useEffect(() => {
    if (tabTask === TAB_TASKS.backup && libraryRead) {
      setTabTask('');
      void exportBackup();
    }
  }, [tabTask, libraryRead, exportBackup]);

  return {
    importFile,
    /** In the popup, handed to the library page. */
    exportBackup: () => (inTab ? void exportBackup() : openLibraryTab(TAB_TASKS.backup)),
    /** Given in the popup: the import is handed to the library page. */
    importInTab: inTab ? undefined : () => openLibraryTab(TAB_TASKS.import),
    exportCorrections,
    report,
    dismissReport: () => setReport(null),
    /** The page was opened to import a backup. */
    importAsked: tabTask === TAB_TASKS.import,
  };
}
