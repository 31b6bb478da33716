/**
 * Whether the sidebar is expanded, collapsed to a tab, or closed, remembered
 * across pages. Read through Zod: storage is a boundary like any other.
 */
import * as z from 'zod/mini';

export const SidebarViewSchema = z.enum(['expanded', 'collapsed', 'closed']);
export type SidebarView = z.infer<typeof SidebarViewSchema>;

/** Below this width the sidebar would cover the text a person is reading: start as a tab. */
export const NARROW_WINDOW_PX = 1000;

export function initialView(stored: unknown, narrowWindow: boolean): SidebarView {
  const parsed = SidebarViewSchema.safeParse(stored);
  const view = parsed.success ? parsed.data : 'expanded';
  return view === 'expanded' && narrowWindow ? 'collapsed' : view;
}

/**
 * A media query, not `innerWidth`: reading `innerWidth` before the page's first layout
 * forces that layout (20 ms and more on a long decision) into the sidebar's first paint.
 */
export function isNarrowWindow(win: Window): boolean {
  return win.matchMedia(`(max-width: ${NARROW_WINDOW_PX - 1}px)`).matches;
}
