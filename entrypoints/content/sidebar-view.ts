/**
 * Whether the sidebar is expanded, collapsed to a tab, or closed, remembered
 * across pages. Read through Zod: storage is a boundary like any other.
 */
import * as z from 'zod/mini';

export const SidebarViewSchema = z.enum(['expanded', 'collapsed', 'closed']);
export type SidebarView = z.infer<typeof SidebarViewSchema>;

export const SIDEBAR_VIEW_KEY = 'sidebarView';

/** Below this width the sidebar would cover the text a person is reading: start as a tab. */
export const NARROW_WINDOW_PX = 1000;

export function initialView(stored: unknown, windowWidth: number): SidebarView {
  const parsed = SidebarViewSchema.safeParse(stored);
  const view = parsed.success ? parsed.data : 'expanded';
  if (view === 'expanded' && windowWidth < NARROW_WINDOW_PX) return 'collapsed';
  return view;
}
