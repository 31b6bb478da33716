import { vi } from 'vitest';
import type { SidebarProps } from '../../components/Sidebar';
import type { DecisionSummary } from '../../lib/schema';

/** The Sidebar's props for a summary shown expanded, unsaved, marks off, every callback a spy; `overrides` on top. */
export function sidebarProps(summary: DecisionSummary, overrides: Partial<SidebarProps> = {}): SidebarProps {
  return {
    headline: summary,
    summary,
    view: 'expanded',
    marksOn: false,
    copyState: 'idle',
    save: null,
    onLocate: vi.fn(),
    onToggleMarks: vi.fn(),
    onCopyCitation: vi.fn(),
    onCollapse: vi.fn(),
    onExpand: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}
