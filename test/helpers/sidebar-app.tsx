/**
 * SidebarApp as the content script mounts it, for component tests: a decision's summary, page marks
 * that do nothing, an expanded sidebar; each test passes the library (and whatever else it tests).
 */
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { SidebarApp, type SidebarAppProps } from '../../entrypoints/content/SidebarApp';
import type { PageMarks } from '../../entrypoints/content/page-marks';
import type { DecisionSummary } from '../../lib/schema';

export function renderSidebarApp(
  summary: DecisionSummary,
  props: Pick<SidebarAppProps, 'library'> & Partial<Omit<SidebarAppProps, 'headline' | 'summary'>>,
): void {
  const marks = { dispose: vi.fn(), clearMarks: vi.fn(), markAll: vi.fn(), locate: vi.fn() } as unknown as PageMarks;
  render(
    <SidebarApp
      headline={summary}
      summary={summary}
      marks={marks}
      initialView="expanded"
      onViewChange={() => {}}
      copyText={async () => true}
      registerToggle={() => {}}
      {...props}
    />,
  );
}
