import type { Statute } from '../lib/schema';
import { statuteLabel } from '../lib/citation';
import { ParagraphLink, type LocateTarget } from './ParagraphLink';

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
        {statute.evidence.map((e, i) => (
          <ParagraphLink
            key={i}
            paragraph={e.paragraph}
            target={{ block: e.block, sentence: e.sentence, kind: 'statute' }}
            onLocate={onLocate}
          />
        ))}
      </p>
    </li>
  );
}

/** The law of the case first; the Ombudsman's own jurisdiction provisions folded below it. */
export function StatuteList({ statutes, onLocate }: { statutes: Statute[]; onLocate: (t: LocateTarget) => void }) {
  const law = statutes.filter((s) => !s.jurisdiction);
  const jurisdiction = statutes.filter((s) => s.jurisdiction);
  return (
    <>
      {law.length > 0 ? (
        <ul class="ol-list">
          {law.map((s, i) => (
            <StatuteItem key={i} statute={s} onLocate={onLocate} />
          ))}
        </ul>
      ) : (
        <p class="ol-empty">No law of the case cited.</p>
      )}
      {jurisdiction.length > 0 && (
        <details class="ol-jurisdiction">
          <summary>The Ombudsman’s jurisdiction ({jurisdiction.length})</summary>
          <ul class="ol-list">
            {jurisdiction.map((s, i) => (
              <StatuteItem key={i} statute={s} onLocate={onLocate} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
