/**
 * Remedies the summary states: "The Council has agreed to apologise to Mr X and pay him £250",
 * "The Council will apologise and make a symbolic payment", "the Council has already apologised,
 * which is a reasonable remedy". A copy cut short, or a decision that states its remedy only
 * there, has no other; a full decision states them again in its agreed action, which is the
 * better evidence (it has a paragraph). So a summary remedy is kept only where the statement gives
 * none of its kind, and where the statement has an agreed action that lacks a payment or apology
 * the summary announces, a warning says so.
 */
import { readAmounts } from './amounts';
import { kindsOf, payeeOf, purposeOf, readDeadline } from './extract-remedies';
import type { Remedy, RemedyKind } from '../../schema';
import { splitSentences } from '../sentences/sentences';
import { matchKey } from '../front-ends/text-normalise';
import { REPORTED } from '../vocabulary/reported-speech';

/** A sentence that states a remedy as agreed, recommended, or already given and accepted. */
const REMEDY_STATEMENT = new RegExp(
  [
    String.raw`\bagree(?:d|s)? (?:to|that (?:it|they) will)\b`,
    // Not "should have paid", which finds fault, nor "will not".
    String.raw`\b(?:will|should|must|shall)(?: now| also| then)? (?!not\b|have\b)[a-z]`,
    String.raw`\brecommend(?:ed|s)?\b`,
    String.raw`\bto (?:remedy|put (?:this|things|matters) right)\b`,
    String.raw`(?<!\b(?:should|would|could|must|might) )\b(?:has|have|had) (?:already |since |now |also )?(?:apologi[sz]ed|refunded|reimbursed|paid|waived|written off|backdated)\b`,
    String.raw`\b(?:already taken|put (?:matters|things|this|it) right)\b`,
    String.raw`\b(?:is|was|are|were) (?:a |an )?(?:satisfactory|suitable|appropriate|reasonable|proportionate|sufficient) remed(?:y|ies)\b`,
  ].join('|'),
);

/** For the ReDoS check (test/lib/regex-safety.test.ts), which finds literals itself. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { REMEDY_STATEMENT };

/** The remedies one summary sentence states, each as the statement's extractor would give it. */
function sentenceRemedies(sentence: string): Remedy[] {
  const base = { text: sentence, paragraph: null, block: null, deadline: readDeadline(sentence), source: 'summary' as const };
  const out: Remedy[] = [];
  const amounts = readAmounts(sentence);
  // Each sum is of the money kind the words since the sum before it name, else of that sum's kind,
  // else a payment: "pay Mrs X £250 for the avoidable distress caused and to waive outstanding fees
  // of £181"; "an apology, £150 for time and trouble, £150 for distress".
  const withSum = new Set<RemedyKind>();
  let kind: 'payment' | 'refund' = 'payment';
  amounts.forEach((a, i) => {
    const named = kindsOf(matchKey(sentence.slice(i === 0 ? 0 : amounts[i - 1]!.end, a.index)));
    if (named.includes('refund')) kind = 'refund';
    else if (named.includes('payment')) kind = 'payment';
    withSum.add(kind);
    const part = sentence.slice(i === 0 ? 0 : a.index, amounts[i + 1]?.index ?? sentence.length);
    out.push({ ...base, kind, amount: a.amount, payee: payeeOf(sentence, a.end), purpose: purposeOf(part) });
  });
  for (const kind of kindsOf(matchKey(sentence))) {
    if (withSum.has(kind)) continue;
    const money = kind === 'payment' || kind === 'refund';
    out.push({
      ...base,
      kind,
      amount: null,
      payee: money ? payeeOf(sentence, 0) : null,
      purpose: kind === 'payment' ? purposeOf(sentence) : null,
    });
  }
  // A refund verb with a sum leaves no payment without one: "reimburse Mr X the £235" is one remedy.
  return withSum.has('refund') && !withSum.has('payment') ? out.filter((r) => !(r.kind === 'payment' && r.amount === null)) : out;
}

/** Every remedy the summary states, in order. */
export function readSummaryRemedies(summary: string | null): Remedy[] {
  if (!summary) return [];
  return splitSentences(summary).flatMap((sentence) => {
    const key = matchKey(sentence);
    return REMEDY_STATEMENT.test(key) && !REPORTED.test(key) ? sentenceRemedies(sentence) : [];
  });
}

const ANNOUNCED: Partial<Record<RemedyKind, string>> = { apology: 'an apology', payment: 'a payment', refund: 'a refund' };

/**
 * The statement's remedies, then the summary's of the kinds the statement does not give. Where the
 * statement has an agreed action (`hasAction`) and it lacks an apology, payment or refund the
 * summary announces, or a sum the summary names, a warning says so: one of the two is incomplete.
 */
export function withSummaryRemedies(
  statement: Remedy[],
  summary: string | null,
  hasAction: boolean,
): { remedies: Remedy[]; warnings: string[] } {
  const fromSummary = readSummaryRemedies(summary);
  const kinds = new Set(statement.map((r) => r.kind));
  const warnings = new Set<string>();
  const added: Remedy[] = [];
  for (const r of fromSummary) {
    if (!kinds.has(r.kind)) {
      added.push(r);
      const what = ANNOUNCED[r.kind];
      if (hasAction && what) warnings.add(`The summary announces ${what} that the agreed action does not list.`);
      continue;
    }
    if (r.amount === null || (r.kind !== 'payment' && r.kind !== 'refund')) continue;
    // The same sum, or the sum of the statement's of that kind ("£500 in all": £300 and £200).
    const sums = statement.filter((s) => s.kind === r.kind && s.amount !== null).map((s) => s.amount!);
    const total = Math.round(sums.reduce((a, b) => a + b * 100, 0)) / 100;
    if (!sums.includes(r.amount) && total !== r.amount) {
      warnings.add(`The summary names a ${r.kind} of £${r.amount} that the remedies read from the statement do not.`);
    }
  }
  return { remedies: [...statement, ...added], warnings: [...warnings] };
}
