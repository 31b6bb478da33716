/**
 * The sidebar shown beside a decision. Presentational: it receives the summary
 * and callbacks, and uses no extension API, so it renders the same in the page,
 * in tests and in the README screenshots. Page text is only ever rendered as
 * text nodes (JSX children), never as HTML.
 *
 * It is drawn in two steps: the headline (the page header) in the first frame, the
 * findings as soon as the analysis has run, so the sidebar never waits for it.
 */
import type { DecisionHeadline, DecisionSummary } from '../lib/schema';
import type { PurposeFigures } from '../lib/messages';
import { CollapsibleSection } from './CollapsibleSection';
import { FaultList } from './FaultList';
import { formatDate, formatPounds } from '../lib/display-text';
import { OutcomeBadge } from './OutcomeBadge';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';
import { RemedyList } from './RemedyList';
import { StatuteList } from './StatuteList';
import { NotesEditor, type NotesEditorProps } from './NotesEditor';
import { EvidenceLinks } from './EvidenceLinks';
import { PortionNote } from './PortionNote';
import { usePortions } from './use-portions';
import { AddFromSelection, CorrectedMark, OutcomeCorrector, UnmatchedCorrections, type CorrectionsProps } from './CorrectionControls';

export type SaveState =
  { state: 'unsaved' } | { state: 'saving' } | { state: 'saved'; savedAt: string | null } | { state: 'error'; message: string };

export interface SidebarProps {
  headline: DecisionHeadline;
  /** Null while the analysis runs (or when it failed: `analysisError`). */
  summary: DecisionSummary | null;
  /** Why the findings could not be read; the headline stays. */
  analysisError?: string | null;
  view: 'expanded' | 'collapsed';
  marksOn: boolean;
  copyState: 'idle' | 'copied' | 'failed';
  /** Which form "Copy citation" copies: the site's, or the person's template (set in the library). */
  citationForm?: 'site' | 'template';
  onCitationFormChange?: (form: 'site' | 'template') => void;
  /** Absent while the library cannot be reached; the Save button is then not offered. */
  save: (SaveState & { onSave: () => void; onUnsave: () => void }) | null;
  /** The reader's tags and note, editable once the case is saved. */
  notes?: NotesEditorProps | null;
  /** What the saved cases paid for each purpose, shown beside each payment (lib/library/payment-context.ts). */
  paymentContext?: readonly PurposeFigures[] | null;
  /**
   * The reader's corrections of what the parser read, once the case is saved (they are stored with
   * it). `summary` is then the corrected summary (`corrections.applied.summary`).
   */
  corrections?: CorrectionsProps | null;
  /** A short line shown at the top, e.g. "Reload the page to reconnect". */
  notice?: string | null;
  /** Said when the page was read only in part (too long to read whole): how far it was read. */
  partial?: string | null;
  onLocate: (target: LocateTarget) => void;
  onToggleMarks: () => void;
  onCopyCitation: () => void;
  onCollapse: () => void;
  onExpand: () => void;
  onClose: () => void;
}

/** Radio buttons, not a select: a click is the person's own input in both browsers, which the sidebar requires. */
function CitationFormChoice({ form, onChange }: { form: 'site' | 'template'; onChange: (form: 'site' | 'template') => void }) {
  const choice = (value: 'site' | 'template', label: string) => (
    <label>
      <input type="radio" name="ol-citation-form" checked={form === value} onChange={() => onChange(value)} />
      {label}
    </label>
  );
  return (
    <fieldset class="ol-cite-form">
      <legend>Cite as</legend>
      {choice('site', 'Site form')}
      {choice('template', 'Template')}
    </fieldset>
  );
}

function SaveButton({ save, ready }: { save: NonNullable<SidebarProps['save']>; ready: boolean }) {
  if (save.state === 'saved') {
    return (
      <>
        <span class="ol-saved" role="status">
          Saved
        </span>
        <button type="button" class="ol-button" onClick={save.onUnsave}>
          Unsave
        </button>
      </>
    );
  }
  return (
    <>
      <button type="button" class="ol-button ol-primary" onClick={save.onSave} disabled={!ready || save.state === 'saving'}>
        {save.state === 'saving' ? 'Saving…' : 'Save'}
      </button>
      {save.state === 'error' && (
        <span class="ol-error" role="alert">
          {save.message}
        </span>
      )}
    </>
  );
}

/** Where the findings will be: a status line while the analysis runs, its error if it failed. */
function Pending({ error }: { error: string | null }) {
  return error ? (
    <p class="ol-error ol-pending" role="alert">
      {error}
    </p>
  ) : (
    <p class="ol-pending" role="status" aria-live="polite">
      Reading the decision…
    </p>
  );
}

export function Sidebar(props: SidebarProps) {
  const { headline: h, summary: s, onLocate } = props;
  if (props.view === 'collapsed') {
    return (
      <div class="ol-root ol-collapsed">
        <button type="button" class="ol-tab" aria-expanded="false" aria-label="Show the Ombudsman Lens summary" onClick={props.onExpand}>
          <span aria-hidden="true">◀</span> Lens
        </button>
      </div>
    );
  }

  return (
    <div class="ol-root">
      <aside class="ol-sidebar" aria-label="Ombudsman Lens summary">
        <header class="ol-header">
          <div class="ol-toolbar" role="toolbar" aria-label="Sidebar actions">
            <span class="ol-brand">Ombudsman Lens</span>
            <button type="button" class="ol-icon" aria-label="Collapse the sidebar" title="Collapse" onClick={props.onCollapse}>
              <span aria-hidden="true">▶</span>
            </button>
            <button type="button" class="ol-icon" aria-label="Close the sidebar" title="Close" onClick={props.onClose}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
          <h2 class="ol-authority">{h.authority}</h2>
          <p class="ol-meta">
            <span class="ol-ref">{h.reference}</span> <OutcomeBadge outcome={s?.outcome ?? h.outcome} />
            <CorrectedMark applied={props.corrections?.applied} path="outcome.kind" />
            {props.corrections && s && (
              <OutcomeCorrector
                props={props.corrections}
                kind={s.outcome.kind}
                parserKind={(props.corrections.applied.original.get('outcome.kind') as typeof s.outcome.kind | undefined) ?? s.outcome.kind}
              />
            )}
          </p>
          <dl class="ol-facts ol-header-facts">
            <dt>Decided</dt>
            <dd>{formatDate(h.decisionDate)}</dd>
            {h.category && (
              <>
                <dt>Area</dt>
                <dd>
                  {h.category.area}
                  {h.category.topic ? ` › ${h.category.topic}` : ''}
                  {h.category.source === 'address' && <span class="ol-inferred"> (from the address)</span>}
                </dd>
              </>
            )}
            {s?.complainant && (
              <>
                <dt>Complainant</dt>
                <dd>{s.complainant}</dd>
              </>
            )}
          </dl>
          <div class="ol-actions">
            {props.save && <SaveButton save={props.save} ready={s !== null} />}
            <button type="button" class="ol-button" onClick={props.onCopyCitation}>
              {props.copyState === 'copied' ? 'Citation copied' : props.copyState === 'failed' ? 'Copy failed' : 'Copy citation'}
            </button>
            {props.onCitationFormChange && <CitationFormChoice form={props.citationForm ?? 'site'} onChange={props.onCitationFormChange} />}
            <button type="button" class="ol-button" aria-pressed={props.marksOn} onClick={props.onToggleMarks} disabled={!s}>
              {props.marksOn ? 'Hide marks in text' : 'Mark in text'}
            </button>
          </div>
          {props.save?.state === 'saved' && props.notes && (
            <details class="ol-notes-fold">
              <summary>Tags and note{props.notes.tags.length ? ` (${props.notes.tags.join(', ')})` : ''}</summary>
              <NotesEditor {...props.notes} />
            </details>
          )}
          {props.marksOn && (
            <p class="ol-legend" aria-label="Legend">
              <span class="ol-swatch ol-swatch-fault" aria-hidden="true" /> Fault{' '}
              <span class="ol-swatch ol-swatch-remedy" aria-hidden="true" /> Remedy
            </p>
          )}
          {props.notice && (
            <p class="ol-notice" role="status">
              {props.notice}
            </p>
          )}
          {props.partial && (
            <p class="ol-notice ol-partial" role="note">
              {props.partial}
            </p>
          )}
          {s && s.warnings.length > 0 && (
            <details class="ol-warnings">
              <summary>Not everything could be read ({s.warnings.length})</summary>
              <ul>
                {s.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          )}
        </header>
        <div class="ol-body" aria-busy={!s && !props.analysisError}>
          {s ? (
            <Findings
              summary={s}
              onLocate={onLocate}
              paymentContext={props.paymentContext ?? null}
              correcting={props.corrections ?? null}
            />
          ) : (
            <Pending error={props.analysisError ?? null} />
          )}
        </div>
      </aside>
    </div>
  );
}

function Findings({
  summary: s,
  onLocate,
  paymentContext,
  correcting,
}: {
  summary: DecisionSummary;
  onLocate: SidebarProps['onLocate'];
  paymentContext: readonly PurposeFigures[] | null;
  correcting: CorrectionsProps | null;
}) {
  const law = s.statutes.filter((x) => !x.jurisdiction);
  const shown = {
    guidance: usePortions(s.guidance.length),
    regulators: usePortions(s.regulators.length),
    complaints: usePortions(s.complaints.length),
  };
  return (
    <>
      {correcting?.error && (
        <p class="ol-error" role="alert">
          {correcting.error}
        </p>
      )}
      {correcting && <UnmatchedCorrections props={correcting} />}
      <CollapsibleSection id="faults" title="Faults found" count={s.faults.length}>
        <FaultList faults={s.faults} onLocate={onLocate} correcting={correcting} />
        {correcting && <AddFromSelection props={correcting} item="fault" />}
      </CollapsibleSection>
      <CollapsibleSection
        id="remedies"
        title="Remedies"
        count={s.remedies.length}
        extra={
          s.totalPayments > 0 || correcting?.applied.corrected.has('totalPayments') ? (
            <span class="ol-total">
              Total paid {formatPounds(s.totalPayments)}
              <CorrectedMark applied={correcting?.applied} path="totalPayments" />
            </span>
          ) : null
        }
      >
        <RemedyList remedies={s.remedies} onLocate={onLocate} paymentContext={paymentContext} correcting={correcting} />
        {correcting && <AddFromSelection props={correcting} item="remedy" />}
      </CollapsibleSection>
      <CollapsibleSection id="law" title="Law cited" count={law.length}>
        <StatuteList statutes={s.statutes} onLocate={onLocate} />
      </CollapsibleSection>
      <CollapsibleSection id="guidance" title="Guidance" count={s.guidance.length}>
        <ul class="ol-list">
          {s.guidance.slice(0, shown.guidance).map((g, i) => (
            <li key={i} class="ol-item ol-guidance">
              <span class="ol-law">{g.title}</span> <EvidenceLinks evidence={g.evidence} kind="guidance" onLocate={onLocate} />
            </li>
          ))}
        </ul>
        <PortionNote shown={shown.guidance} total={s.guidance.length} noun="pieces of guidance" />
      </CollapsibleSection>
      <CollapsibleSection id="regulators" title="Shared with regulators" count={s.regulators.length}>
        <ul class="ol-list">
          {s.regulators.slice(0, shown.regulators).map((r, i) => (
            <li key={i} class="ol-item ol-regulator">
              <strong>{r.name}</strong>{' '}
              <ParagraphLink paragraph={r.paragraph} target={{ block: r.block, sentence: r.text, kind: 'regulator' }} onLocate={onLocate} />
            </li>
          ))}
        </ul>
        <PortionNote shown={shown.regulators} total={s.regulators.length} noun="regulators" />
      </CollapsibleSection>
      <CollapsibleSection id="complaints" title="Points of complaint" count={s.complaints.length} initiallyOpen={false}>
        <ol class="ol-list">
          {s.complaints.slice(0, shown.complaints).map((c, i) => (
            <li key={i} class="ol-item ol-complaint">
              {c.text}{' '}
              <ParagraphLink paragraph={c.paragraph} target={{ block: c.block, sentence: c.text, kind: 'complaint' }} onLocate={onLocate} />
            </li>
          ))}
        </ol>
        <PortionNote shown={shown.complaints} total={s.complaints.length} noun="points" />
      </CollapsibleSection>
      <p class="ol-footnote">
        Extracted by Ombudsman Lens {s.parserVersion} from the decision text: check each point against its paragraph.
      </p>
    </>
  );
}
