/** Display formatting shared by the sidebar and the popup. */
import type { Injustice, OutcomeKind, RemedyKind } from '../lib/schema';
import { shortDate } from '../lib/dates';

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

export function formatDate(iso: string | null): string {
  return (iso && shortDate(iso)) || 'date unknown';
}
