/** Display formatting shared by the sidebar and the popup. */
import type { Injustice, OutcomeKind, RemedyKind } from '../lib/schema';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function formatPounds(amount: number): string {
  return Number.isInteger(amount) ? pounds.format(amount) : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(amount);
}

export const OUTCOME_TEXT: Record<OutcomeKind, string> = {
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  'closed-after-initial-enquiries': 'Closed after initial enquiries',
  other: 'Other outcome',
};

export const INJUSTICE_TEXT: Record<Injustice, string> = {
  caused: 'Injustice caused',
  none: 'No injustice',
  remedied: 'Already remedied',
  unstated: 'Injustice not stated',
};

export const REMEDY_TEXT: Record<RemedyKind, string> = {
  apology: 'Apology',
  payment: 'Payment',
  refund: 'Refund / waiver',
  reassessment: 'Reassessment',
  'service-improvement': 'Service improvement',
  other: 'Other action',
};

/** en-GB's abbreviations ("Sept" included), as `toLocaleDateString('en-GB', { month: 'short' })` gives them. */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * "2021-02-08" to "8 Feb 2021". By table, not `toLocaleDateString`: the first call of
 * that loads the locale's date formats, ~2 ms inside the sidebar's first paint.
 */
export function formatDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const month = m ? SHORT_MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : 'date unknown';
}
