/**
 * A payment in context: what the person's own saved cases paid for the same purpose. Pure; the
 * background runs it over the summaries of the saved cases with a payment (CaseStore.paidSummaries).
 *
 * One figure per case: the sum of its payments for that purpose (two payments "for distress" in one
 * decision are one award), so "in 14 cases" counts decisions, and no one decision with many
 * payments can make up the range. Refunds are not compared: they give back a sum owed, not an
 * award. The Ombudsman publishes no ranges (its guidance on remedies says so, on purpose), so
 * nothing here is "the Ombudsman's range": only the person's own cases.
 */
import type { PurposeFigures } from '../messages';
import type { DecisionSummary } from '../schema';
import { median } from './figures';
import { purposesOf, PAYMENT_PURPOSES, type PaymentPurpose } from './payment-purposes';
import { relatedKeyOf } from './saved-case';

export type { PurposeFigures };

/**
 * Fewer cases than this and nothing is said but the count. With four or fewer the "range" is a
 * list of every amount and the median one of them or the mean of two; with five, the median has
 * two cases either side of it and a single unusual award moves only an end of the range.
 */
export const MIN_CASES_TO_COMPARE = 5;

/** Sums in pence, as the figures do. */
function sumPounds(amounts: readonly number[]): number {
  return amounts.reduce((sum, a) => sum + Math.round(a * 100), 0) / 100;
}

/** Each purpose's payments across `summaries`, leaving out the case `exclude` names and its joint pages. */
export function paymentContext(summaries: Iterable<DecisionSummary>, exclude: string | null): PurposeFigures[] {
  const excluded = exclude === null ? null : relatedKeyOf(exclude);
  const perPurpose = new Map<PaymentPurpose, number[]>(PAYMENT_PURPOSES.map((p) => [p.purpose, []]));
  for (const s of summaries) {
    if (excluded !== null && relatedKeyOf(s.reference) === excluded) continue;
    const paid = new Map<PaymentPurpose, number[]>();
    for (const r of s.remedies) {
      if (r.kind !== 'payment' || r.amount === null || r.amount <= 0) continue;
      for (const purpose of purposesOf(r.purpose)) paid.set(purpose, [...(paid.get(purpose) ?? []), r.amount]);
    }
    for (const [purpose, amounts] of paid) perPurpose.get(purpose)!.push(sumPounds(amounts));
  }
  return [...perPurpose].map(([purpose, amounts]) => {
    const sorted = amounts.sort((a, b) => a - b);
    const enough = sorted.length >= MIN_CASES_TO_COMPARE;
    return {
      purpose,
      cases: sorted.length,
      min: enough ? sorted[0]! : null,
      median: enough ? median(sorted) : null,
      max: enough ? sorted[sorted.length - 1]! : null,
    };
  });
}
