import { useId, useState } from 'preact/hooks';
import type { Statute } from '../lib/schema';
import { statuteLabel } from '../lib/citation';
import type { LocateTarget } from './ParagraphLink';
import { usePortions } from './use-portions';
import { PortionNote } from './PortionNote';
import { EvidenceLinks } from './EvidenceLinks';

function StatuteItem({ statute, onLocate }: { statute: Statute; onLocate: (t: LocateTarget) => void }) {
  const label = statuteLabel(statute);
  return (
    <li class="ol-item ol-statute" data-jurisdiction={statute.jurisdiction}>
      <div class="ol-item-head">
        {statute.url ? (
          <a class="ol-law" href={statute.url} target="_blank" rel="noopener noreferrer" title="Open on legislation.gov.uk">
            {label}
          </a>
        ) : (
          <span class="ol-law" title="Not linked: this Act is not in the checked table of legislation.gov.uk addresses">
            {label}
          </span>
        )}
      </div>
      <p class="ol-paras">
        <EvidenceLinks evidence={statute.evidence} kind="statute" onLocate={onLocate} />
      </p>
    </li>
  );
}

/**
 * The Ombudsman's own jurisdiction provisions, folded: a button, not <details>, because Chromium
 * renumbers every list item of the page when a <details> is added (seen in its traces): on a page
 * of a megabyte, with ~2,000 numbered paragraphs, that alone was a task of half a second.
 */
function JurisdictionFold({ statutes, onLocate }: { statutes: Statute[]; onLocate: (t: LocateTarget) => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="ol-jurisdiction">
      <button type="button" class="ol-jurisdiction-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> The Ombudsman’s jurisdiction ({statutes.length})
      </button>
      <div id={id} hidden={!open}>
        {open && <Provisions statutes={statutes} onLocate={onLocate} />}
      </div>
    </div>
  );
}

function Provisions({ statutes, onLocate }: { statutes: Statute[]; onLocate: (t: LocateTarget) => void }) {
  const shown = usePortions(statutes.length);
  return (
    <>
      <ul class="ol-list">
        {statutes.slice(0, shown).map((s, i) => (
          <StatuteItem key={i} statute={s} onLocate={onLocate} />
        ))}
      </ul>
      <PortionNote shown={shown} total={statutes.length} noun="provisions" />
    </>
  );
}

/** The law of the case first; the Ombudsman's own jurisdiction provisions folded below it. */
export function StatuteList({ statutes, onLocate }: { statutes: Statute[]; onLocate: (t: LocateTarget) => void }) {
  const law = statutes.filter((s) => !s.jurisdiction);
  const jurisdiction = statutes.filter((s) => s.jurisdiction);
  const lawShown = usePortions(law.length);
  return (
    <>
      {law.length > 0 ? (
        <ul class="ol-list">
          {law.slice(0, lawShown).map((s, i) => (
            <StatuteItem key={i} statute={s} onLocate={onLocate} />
          ))}
        </ul>
      ) : (
        <p class="ol-empty">No law of the case cited.</p>
      )}
      <PortionNote shown={lawShown} total={law.length} noun="provisions" />
      {jurisdiction.length > 0 && <JurisdictionFold statutes={jurisdiction} onLocate={onLocate} />}
    </>
  );
}
