/** The library's header: its name, how many cases it holds, "Open in a tab" (in the popup) and the tabs between its views. */
import type { LibraryTab } from '../../lib/library/library-view';

export interface LibraryHeaderProps {
  /** Cases in the library; null while they are being counted. */
  total: number | null;
  /** Given in the popup: opens the library page in a tab. */
  onOpenInTab?: () => void;
  tab: LibraryTab;
  onTab: (tab: LibraryTab) => void;
  /** Cases ticked, counted on the Compare tab. */
  selectedCount: number;
}

const TABS: readonly { tab: LibraryTab; label: string }[] = [
  { tab: 'list', label: 'List' },
  { tab: 'compare', label: 'Compare' },
  { tab: 'figures', label: 'Figures' },
];

export function LibraryHeader({ total, onOpenInTab, tab: current, onTab, selectedCount }: LibraryHeaderProps) {
  return (
    <header class="ol-popup-header">
      <h1>Ombudsman Lens</h1>
      {total !== null && (
        <span class="ol-count-text">
          {total.toLocaleString('en-GB')} saved {total === 1 ? 'case' : 'cases'}
        </span>
      )}
      {onOpenInTab && (
        <button
          type="button"
          class="ol-button ol-open-tab"
          onClick={onOpenInTab}
          title="The library in a tab of its own, where backups are exported and imported"
        >
          Open in a tab
        </button>
      )}
      <nav class="ol-tabs" aria-label="Views">
        <ul>
          {TABS.map(({ tab, label }) => (
            <li key={tab}>
              <button type="button" class="ol-button" aria-current={tab === current ? 'page' : undefined} onClick={() => onTab(tab)}>
                {label}
                {tab === 'compare' && selectedCount > 0 ? ` (${selectedCount})` : ''}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
