/**
 * The library's body: which of the views the container made is drawn, and with what, for the body
 * `bodyOf` chose (lib/library/library-view.ts). Presentational: the views come in ready-made.
 */
import type { ComponentChildren } from 'preact';
import type { Body } from '../../lib/library/library-view';
import { EmptyState } from './EmptyState';

export interface LibraryBodyProps {
  body: Body;
  /** Why the library could not be read (the `error` body). */
  readError: string | null;
  /** While the first page is shown: the cases in the library, null while they are being counted. */
  previewTotal: number | null;
  filterBar: ComponentChildren;
  caseList: ComponentChildren;
  importExport: ComponentChildren;
  /** Copy citations of the ticked cases, and the template's editor (components/library/CitationTools.tsx). */
  citations: ComponentChildren;
  savedCopy: ComponentChildren;
  /** The comparison; null while the selected cases are read. */
  compare: ComponentChildren | null;
  figures: ComponentChildren;
}

export function LibraryBody(props: LibraryBodyProps) {
  switch (props.body) {
    case 'reading':
      return (
        <p class="ol-muted" role="status">
          Reading the library…
        </p>
      );
    case 'error':
      return (
        <p class="ol-error" role="alert">
          {props.readError}
        </p>
      );
    case 'empty':
      return (
        <>
          <EmptyState />
          {props.importExport}
        </>
      );
    case 'copy':
      return <>{props.savedCopy}</>;
    case 'compare':
      return props.compare === null ? (
        <p class="ol-muted" role="status">
          Reading the selected cases…
        </p>
      ) : (
        <>{props.compare}</>
      );
    case 'preview':
      return (
        <>
          {props.filterBar}
          {props.caseList}
          <p class="ol-muted" role="status">
            {props.previewTotal === null
              ? 'Reading all saved cases…'
              : `Reading all ${props.previewTotal.toLocaleString('en-GB')} saved cases…`}
          </p>
        </>
      );
    case 'figures':
      return (
        <>
          {props.filterBar}
          {props.figures}
        </>
      );
    case 'list':
      return (
        <>
          {props.filterBar}
          {props.caseList}
          {props.citations}
          {props.importExport}
        </>
      );
  }
}
