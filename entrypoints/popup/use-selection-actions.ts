/**
 * What is done with "these cases", the selection or else the list as shown (the scope, from
 * use-selection.ts): exported as CSV or for Zotero, or made into a case pack with progress and
 * Cancel. An action on the selection belongs here. The code that writes each file is a chunk of
 * its own, loaded on the click (components/lazy-view.tsx).
 */
import type { CaseStore } from '../../lib/library/case-store';
import type { ExportScope } from '../../lib/library/export-scope';
import type { CaseEntry } from '../../lib/library/saved-case';
import { damagedLeftOut, storageFailure } from '../../lib/library/storage-errors';
import { loadChunk } from '../../components/lazy-view';
import type { Download } from './browser-actions';
import type { LongTask } from './use-long-task';

export interface SelectionActionsOptions {
  store: CaseStore;
  download: Download;
  scope: ExportScope<CaseEntry>;
  /** Every case in the library: the CSV's `related` column names a case's other saved pages among them. */
  all: readonly CaseEntry[];
  setTask: LongTask['setTask'];
  setProblem: (problem: string | null) => void;
  /** The person's citation template: the Zotero export's Extra begins with each case's citation in it. */
  citationTemplate: string;
}

export function useSelectionActions({ store, download, scope, all, setTask, setProblem, citationTemplate }: SelectionActionsOptions) {
  /** CSV and CSL-JSON need whole summaries: read those of the cases in scope when asked. */
  async function exportCases(kind: 'csv' | 'csl') {
    const exports = await loadChunk('The export', () => import('../../lib/library/exports'), setProblem);
    if (!exports) return;
    const { casesToCslJson, casesToCsvFile, localDateStamp } = exports;
    const { cases, corrupted, error } = await store.full(scope.cases.map((c) => c.reference));
    if (error) return setProblem(error);
    const damaged = corrupted.map((c) => c.reference);
    if (damaged.length > 0) setProblem(damagedLeftOut(damaged, 'the export'));
    if (kind === 'csv') download(`ombudsman-lens-cases-${localDateStamp()}.csv`, 'text/csv;charset=utf-8', casesToCsvFile(cases, all));
    else
      download(
        `ombudsman-lens-zotero-${localDateStamp()}.json`,
        'application/vnd.citationstyles.csl+json',
        `${JSON.stringify(casesToCslJson(cases, citationTemplate), null, 2)}\n`,
      );
  }

  /** The case pack of the cases in scope, read a batch at a time with progress and a cancel. */
  async function exportCasePack() {
    const code = await loadChunk(
      'The case pack',
      () =>
        Promise.all([
          import('../../lib/library/case-pack-export'),
          import('../../lib/library/case-pack'),
          import('../../lib/library/exports'),
        ]),
      setProblem,
    );
    if (!code) return;
    const [{ exportCasePackBlob }, { casePackFileName }, { localDateStamp }] = code;
    const controller = new AbortController();
    const show = (done: number, total: number) =>
      setTask({ progress: { kind: 'export', label: `Making the case pack: ${done} of ${total} cases…`, done, total }, controller });
    show(0, scope.count);
    setProblem(null);
    try {
      const { blob, skipped } = await exportCasePackBlob(
        store,
        scope.cases.map((c) => c.reference),
        { signal: controller.signal, onProgress: (p) => show(p.done, p.total) },
      );
      download(casePackFileName(localDateStamp()), blob.type, blob);
      if (skipped.length > 0) setProblem(damagedLeftOut(skipped, 'the case pack'));
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

  return { exportCases, exportCasePack };
}
