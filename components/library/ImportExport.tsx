/**
 * Export and import buttons, and the report of the last import. Presentational:
 * the container builds the files (Blob + object URL + a temporary <a download>)
 * and runs the import; nothing here needs a permission.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ImportReport } from '../../lib/library/case-store';

export type { ImportReport };

/** A backup export or import under way: what it is doing, in words, and how far it has got. */
export interface TaskProgress {
  kind: 'export' | 'import';
  label: string;
  done: number;
  total: number;
}

export interface ImportExportProps {
  /** How many cases a CSV / Zotero export takes, and where they come from. */
  scope: { count: number; source: 'selection' | 'filter' | 'all' };
  /** Cases in the library: the JSON backup takes them all. */
  total: number;
  onExportCsv: () => void;
  onExportBackup: () => void;
  onExportCsl: () => void;
  /** The case pack: the cases in scope as one self-contained HTML file to share or print. */
  onExportCasePack?: () => void;
  /** "Export corrections": every correction in the library, as a file to send with a bug report. */
  onExportCorrections?: () => void;
  onImportFile: (file: File) => void;
  /**
   * In the popup, importing is handed to the library page in a tab: the system file dialog closes
   * a Firefox popup (Bugzilla 1292701), and a long import must outlive the popup. Given, the import
   * control is a button that calls this instead of a file input.
   */
  onImportInTab?: () => void;
  /** The page was opened to import a backup: the file control takes focus and says so. */
  importAsked?: boolean;
  /** A backup export or import under way, shown as a progress bar with a Cancel button. */
  progress?: TaskProgress | null;
  onCancel?: () => void;
  /** True while an import is being read and written. */
  importing?: boolean;
  report?: ImportReport | null;
  onDismissReport?: () => void;
}

const MAX_PROBLEMS_SHOWN = 20;

function scopeText(scope: ImportExportProps['scope']): string {
  const cases = `${scope.count.toLocaleString('en-GB')} ${scope.count === 1 ? 'case' : 'cases'}`;
  if (scope.source === 'selection') return `${cases} selected`;
  if (scope.source === 'filter') return `${cases} shown`;
  return cases;
}

export function ImportExport(props: ImportExportProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  // Opened to import: the keyboard lands on the file control (Preact, unlike React, leaves autofocus to the browser, which honours it only while the page loads).
  useEffect(() => {
    if (props.importAsked) fileInput.current?.focus();
  }, [props.importAsked]);
  const nothing = props.scope.count === 0;
  const { report } = props;
  return (
    <section class="ol-import-export" aria-label="Export and import">
      <div class="ol-ie-buttons">
        {/* An empty library has nothing to export: only the import is offered. */}
        {props.total > 0 && (
          <>
            <button type="button" class="ol-button" disabled={nothing} onClick={props.onExportCsv}>
              Export CSV <span class="ol-muted">({scopeText(props.scope)})</span>
            </button>
            <button
              type="button"
              class="ol-button"
              disabled={nothing}
              onClick={props.onExportCsl}
              title="CSL-JSON legal_case records: in Zotero, File › Import…"
            >
              Export for Zotero <span class="ol-muted">({scopeText(props.scope)})</span>
            </button>
            {props.onExportCasePack && (
              <button
                type="button"
                class="ol-button"
                disabled={nothing || Boolean(props.progress)}
                onClick={props.onExportCasePack}
                title="One HTML file to share or print: a table of the cases, then each one's findings and its saved text"
              >
                Export case pack <span class="ol-muted">({scopeText(props.scope)})</span>
              </button>
            )}
            <button
              type="button"
              class="ol-button"
              disabled={Boolean(props.progress)}
              onClick={props.onExportBackup}
              title="Everything, including the stored texts, tags and notes"
            >
              Export JSON backup <span class="ol-muted">(all {props.total.toLocaleString('en-GB')})</span>
            </button>
            {props.onExportCorrections && (
              <button
                type="button"
                class="ol-button"
                onClick={props.onExportCorrections}
                title="Every value you corrected, with its sentence and what the parser read: a file to send with a bug report"
              >
                Export corrections
              </button>
            )}
          </>
        )}
        {props.onImportInTab ? (
          <button
            type="button"
            class="ol-button"
            onClick={props.onImportInTab}
            title="Opens the library in a tab, where the backup is chosen and imported"
          >
            Import backup…
          </button>
        ) : (
          <label class="ol-button ol-file-button">
            {props.importing ? 'Importing…' : 'Import backup'}
            <input
              ref={fileInput}
              class="ol-sr"
              type="file"
              accept="application/json,.json,application/x-ndjson,.jsonl"
              disabled={props.importing}
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                if (file) props.onImportFile(file);
                // Let the same file be chosen again after fixing it.
                input.value = '';
              }}
            />
          </label>
        )}
      </div>
      {props.progress && (
        <div class="ol-task" role="status">
          <label>
            <span>{props.progress.label}</span>
            <progress max={Math.max(props.progress.total, 1)} value={props.progress.done} />
          </label>
          {props.onCancel && (
            <button type="button" class="ol-button" onClick={props.onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      {props.importAsked && !props.importing && !report && (
        <p class="ol-muted" role="status">
          Choose the backup file to import with “Import backup”.
        </p>
      )}
      {report && (
        <div class={report.ok ? 'ol-report ol-report-ok' : 'ol-report ol-report-refused'} role={report.ok ? 'status' : 'alert'}>
          {report.ok ? (
            <p>
              Imported: {report.added} {report.added === 1 ? 'case' : 'cases'} added, {report.merged} merged with cases already saved.
            </p>
          ) : (
            <>
              <p>
                <strong>{report.message}</strong>
              </p>
              {report.problems.length > 0 && (
                <ul class="ol-problems">
                  {report.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                  {report.problems.length > MAX_PROBLEMS_SHOWN && (
                    <li>…and {report.problems.length - MAX_PROBLEMS_SHOWN} more problems.</li>
                  )}
                </ul>
              )}
            </>
          )}
          {props.onDismissReport && (
            <button type="button" class="ol-icon" aria-label="Dismiss the import report" title="Dismiss" onClick={props.onDismissReport}>
              <span aria-hidden="true">✕</span>
            </button>
          )}
        </div>
      )}
    </section>
  );
}
