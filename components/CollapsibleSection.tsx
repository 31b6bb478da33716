import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface CollapsibleSectionProps {
  id: string;
  title: string;
  count: number;
  /** Shown beside the count, e.g. the total paid. */
  extra?: ComponentChildren;
  initiallyOpen?: boolean;
  children: ComponentChildren;
}

/** A titled, counted section that folds; a real button so it works by keyboard and screen reader. */
export function CollapsibleSection({ id, title, count, extra, initiallyOpen = true, children }: CollapsibleSectionProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const bodyId = `ol-section-${id}`;
  return (
    <section class="ol-section" aria-labelledby={`${bodyId}-title`} data-section={id}>
      <h3 class="ol-section-title" id={`${bodyId}-title`}>
        <button type="button" class="ol-fold" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span class="ol-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span class="ol-section-name">{title}</span>
          <span class="ol-count" aria-label={`${count} items`}>
            {count}
          </span>
        </button>
        {extra && <span class="ol-section-extra">{extra}</span>}
      </h3>
      <div id={bodyId} class="ol-section-body" hidden={!open}>
        {count === 0 ? <p class="ol-empty">None found.</p> : children}
      </div>
    </section>
  );
}
