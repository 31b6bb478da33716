/** Display formatting shared by the sidebar, the popup and the case pack. */
import type { Injustice, OutcomeKind, RemedyKind } from './schema';
import { shortDate } from './parser/extractors/dates';
import { OUTCOME_KIND_LABELS } from './parser/vocabulary/outcomes';

// Made on first use, not when the script loads (on every decision and listing page), and once each.
let wholePounds: Intl.NumberFormat | undefined;
let pence: Intl.NumberFormat | undefined;

export function formatPounds(amount: number): string {
  return Number.isInteger(amount)
    ? (wholePounds ??= new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: 'GBP',
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      })).format(amount)
    : (pence ??= new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })).format(amount);
}

export const OUTCOME_TEXT: Record<OutcomeKind, string> = { ...OUTCOME_KIND_LABELS, other: 'Other outcome' };

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

export function formatDate(iso: string | null): string {
  return (iso && shortDate(iso)) || 'date unknown';
}
