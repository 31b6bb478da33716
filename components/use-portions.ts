/**
 * Long lists drawn in portions. A decision has up to ~15 items a list, and they are drawn whole, at
 * once. A page with the text of dozens of decisions (a megabyte: 168 faults, 120 remedies, statutes
 * cited in hundreds of paragraphs) would hold the tab for half a second while Preact builds every item
 * and the browser lays them out, one task far over the browsers' 50 ms "long task". Past `WHOLE` items
 * a list shows its first `PORTION` at once, and the rest follows a portion per task, each after the
 * next frame (Preact runs effects then), so the page stays responsive and every item is in the
 * sidebar a moment later: find in page, Tab and a screen reader meet them all. The section's count
 * is the whole list's from the start.
 */
import { useEffect, useState } from 'preact/hooks';

/** The longest list drawn whole at once: twice a decision's longest (the seeds' and corpus's lists have at most 8-15). */
export const WHOLE = 30;
/** Items drawn per task past the first: a few milliseconds of Preact and layout each, on a slow machine. */
export const PORTION = 20;

/**
 * How many of `total` items to draw now. The count only grows: a list that was whole stays whole
 * when it gets longer (an item added by a correction), so nothing already shown is taken away.
 */
export function usePortions(total: number): number {
  const [shown, setShown] = useState(total <= WHOLE ? Infinity : PORTION);
  useEffect(() => {
    if (shown >= total) return;
    // A task of its own, after the frame that drew the last portion (effects run after it).
    const timer = setTimeout(() => setShown((n) => (n + PORTION >= total ? Infinity : n + PORTION)), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}
