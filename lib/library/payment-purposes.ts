/**
 * What a payment is for, as groups a person can compare: the parser gives each payment's purpose
 * in the decision's words (`remedy.purpose`: "distress and time and trouble", "avoidable and
 * distress"), and a payment is compared with the saved cases' payments for each group it names.
 * Only groups with real examples are listed; a payment for anything else is not compared.
 * Every row's example is a purpose the parser gave for a real decision (the seeds, test/corpus/);
 * test/library/payment-context.test.ts runs each through `purposesOf`.
 */
export const PAYMENT_PURPOSES = [
  {
    purpose: 'distress',
    pattern: /\b(?:distress|anxiety|upset|frustration|uncertainty)\b/,
    example: 'avoidable and distress',
    source: '18 007 848: “pay Mrs X £250 for the avoidable distress caused”',
  },
  {
    purpose: 'time and trouble',
    pattern: /\btime and trouble\b/,
    example: 'time and trouble',
    source: '20 013 903: “£150 for time and trouble”',
  },
] as const;

export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number]['purpose'];

/** The groups a payment's purpose names, in table order; none for a purpose not stated or not listed. */
export function purposesOf(purpose: string | null): PaymentPurpose[] {
  if (!purpose) return [];
  const text = purpose.toLowerCase();
  return PAYMENT_PURPOSES.filter((row) => row.pattern.test(text)).map((row) => row.purpose);
}
