/**
 * Beside a payment in the sidebar: what the person's own saved cases paid for the same purpose
 * ("For distress: your saved cases paid £150–£3,000, median £250, in 5 cases"). Never a range of
 * the Ombudsman's: it publishes none. Too few cases and only that is said.
 */
import type { PurposeFigures } from '../lib/messages';
import type { PaymentPurpose } from '../lib/library/payment-purposes';
import { formatPounds } from '../lib/display-text';

export interface PaymentContextProps {
  /** The purposes the payment names (purposesOf). */
  purposes: readonly PaymentPurpose[];
  /** The library's figures per purpose; null while they are read or when the library cannot be reached. */
  figures: readonly PurposeFigures[] | null;
}

function sentence(f: PurposeFigures): string | null {
  if (f.min !== null && f.max !== null && f.median !== null) {
    const range = f.min === f.max ? formatPounds(f.min) : `${formatPounds(f.min)}–${formatPounds(f.max)}`;
    return `For ${f.purpose}: your saved cases paid ${range}, median ${formatPounds(f.median)}, in ${f.cases} cases.`;
  }
  if (f.cases === 0) return null;
  return `For ${f.purpose}: ${f.cases} of your saved cases paid, too few to compare.`;
}

export function PaymentContext({ purposes, figures }: PaymentContextProps) {
  if (!figures) return null;
  const lines = purposes.flatMap((p) => {
    const f = figures.find((x) => x.purpose === p);
    const text = f ? sentence(f) : null;
    return text ? [{ purpose: p, text }] : [];
  });
  if (lines.length === 0) return null;
  return (
    <ul class="ol-payment-context" aria-label="Payments in your saved cases">
      {lines.map((l) => (
        <li key={l.purpose}>{l.text}</li>
      ))}
    </ul>
  );
}
