/**
 * Said under a long list while its later portions are still being drawn (use-portions.ts): the
 * reader knows the list goes on. Plain text, not a live region: it changes a few times a second
 * and is gone once the list is whole.
 */
export function PortionNote({ shown, total, noun }: { shown: number; total: number; noun: string }) {
  if (shown >= total) return null;
  return (
    <p class="ol-more">
      {shown} of {total} {noun} shown; the rest follow
    </p>
  );
}
