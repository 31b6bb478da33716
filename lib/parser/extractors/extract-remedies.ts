/**
 * Remedies agreed or recommended: kind, £ amount, payee, purpose, deadline.
 *
 * £ amounts and "within one month" also appear as facts of the case (fees,
 * arrears) and in appeal rules, so remedies are read only from the action
 * section (Agreed action / Recommended action / Recommendations). Decisions
 * without one (closed after initial enquiries) state remedies in the assessment
 * as "the Council has agreed to ..." clauses, which are read instead.
 */
import type { Deadline, Remedy, RemedyKind } from '../../schema';
import { checkpoint, runSteps, type Steps } from '../steps';
import { keyOf, type SentenceRef } from '../sentences/sentence-index';
import { matchKey } from '../front-ends/text-normalise';
import { listedPayees, readAmounts, wordsValue } from './amounts';
import { remedyKindsOf } from '../vocabulary/remedy-kinds';
import { REPORTED } from '../vocabulary/reported-speech';
import { HONORIFIC_SOURCE } from '../vocabulary/honorifics';
import { DEADLINE_FROM, DEADLINE_UNITS } from '../vocabulary/deadlines';

/** "within 20 working days of this decision": the rows of vocabulary/deadlines. */
const DEADLINE = new RegExp(
  String.raw`\bwithin\s+(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:\(\d{1,3}\)\s+)?(${DEADLINE_UNITS.map((row) => row.pattern.source).join('|')})\b(?:\s+${DEADLINE_FROM.pattern.source})?`,
  'i',
);

export function readDeadline(sentence: string): Deadline | null {
  const m = DEADLINE.exec(sentence);
  if (!m) return null;
  const raw = m[1]!.toLowerCase();
  // Number words are read as sums in words are (amounts.ts); "within a month" names no count.
  const count = /^\d+$/.test(raw) ? Number(raw) : raw === 'a' ? null : wordsValue(raw);
  if (!count) return null;
  const unit = DEADLINE_UNITS.find((row) => row.pattern.test(m[2]!))!.unit;
  return { text: m[0], count, unit };
}

const PURPOSES = [
  'distress',
  'time and trouble',
  'uncertainty',
  'frustration',
  'lost education',
  'loss of education',
  'lost provision',
  'financial loss',
  'lost opportunity',
  'loss of opportunity',
  'inconvenience',
  'anxiety',
  'avoidable',
  'injustice',
  'harm',
  'impact',
];

/** Sentences that frame the remedies rather than agree one. */
const NOT_AN_ACTION =
  /\b(?:considered|consider|considering) (?:if|whether)\b|\bnot merited\b|\bprovide (?:us|the ombudsman|the ombudsmen) with (?:evidence|confirmation)|\bthe (?:first )?principle\b|\bour guidance on remedies\b|\bwe (?:may|can) (?:ask|recommend)|\bif the (?:council|organisation)\b|\bwe are issuing\b|\b(?:has|have) (?:not complied|refused to comply)\b/;
const ACTION_CUE = /\b(?:will|shall|should|must|agreed|agrees|recommend\w*|to remedy)\b/;
const LEAD_IN = /(?::|\bthe following\.?)$/;
const AGREED_CLAUSE =
  /\b(?:has|have|had) (?:now |also |therefore |since |already )?agreed to\b|\b(?:i|we) (?:therefore |also )?asked the (?:council|care provider|provider|organisation|trust|school) to\b|\bagreed (?:that )?(?:it|they) will\b|\bshould (?:now )?(?:apologi[sz]e|pay|refund|reimburse)/;

export function kindsOf(key: string): RemedyKind[] {
  const kinds: RemedyKind[] = remedyKindsOf(key);
  // A sum with a refund verb is a refund, not also a payment.
  if (kinds.includes('refund')) return kinds.filter((k) => k !== 'payment');
  return kinds;
}

const PAY_NAMED = new RegExp(String.raw`\b[Pp]ay(?:s|ing)?\s+(${HONORIFIC_SOURCE} [A-Z](?![A-Za-z]))`);
/** "£250 to Mr X", "to his mother", "to the family": whom a sum is paid to, right after it. */
const PAID_TO = new RegExp(String.raw`^\s*to\s+(${HONORIFIC_SOURCE} [A-Z](?![A-Za-z])|(?:his|her|their) [a-z]+|the [a-z]+)`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { DEADLINE, PAY_NAMED, PAID_TO };

export function payeeOf(sentence: string, from: number): string | null {
  const after = sentence.slice(from);
  const before = sentence.slice(0, from);
  const m = PAID_TO.exec(after) ?? PAY_NAMED.exec(before) ?? PAY_NAMED.exec(sentence);
  return m ? m[1]! : null;
}

export function purposeOf(sentence: string): string | null {
  const key = matchKey(sentence);
  const found = PURPOSES.filter((p) => key.includes(p));
  // "injustice", "harm", "impact" are generic: only report them when nothing more specific is named.
  const specific = found.filter((p) => !['injustice', 'harm', 'impact'].includes(p));
  const chosen = specific.length ? specific : found;
  return chosen.length ? chosen.sort((a, b) => key.indexOf(a) - key.indexOf(b)).join(' and ') : null;
}

export function extractRemedies(sentences: SentenceRef[]): Remedy[] {
  return runSteps(remedySteps(sentences));
}

/** `extractRemedies` in steps (see steps.ts). */
export function* remedySteps(sentences: SentenceRef[]): Steps<Remedy[]> {
  const hasActionSection = sentences.some((s) => s.role === 'action');
  const remedies: Remedy[] = [];
  /** Deadline stated in a lead-in ("Within 20 working days of this decision it will:"), for its items. */
  let leadInDeadline: Deadline | null = null;
  let leadInParagraph: number | null = null;
  /** The kinds the current block's earlier sentences gave: one recommendation is one block. */
  let blockKinds = new Set<RemedyKind>();
  let kindsBlock = -1;
  let blockOther: Remedy | null = null;
  let blockReported = false;

  let read = 0;
  for (const ref of sentences) {
    if (checkpoint(read++)) yield;
    const inScope = hasActionSection ? ref.role === 'action' : ref.role === 'findings' || ref.role === 'preamble';
    if (!inScope) continue;
    const key = keyOf(ref);
    if (ref.block !== kindsBlock) {
      blockKinds = new Set();
      kindsBlock = ref.block;
      blockReported = false;
    }
    const reportedBefore = blockReported;
    if (REPORTED.test(key)) blockReported = true;
    if (ref.depth === 0 && ref.paragraph !== leadInParagraph) leadInDeadline = null;
    if (LEAD_IN.test(ref.sentence.trim())) {
      leadInDeadline = readDeadline(ref.sentence) ?? leadInDeadline;
      leadInParagraph = ref.paragraph;
      continue;
    }
    if (NOT_AN_ACTION.test(key)) continue;
    const isItem = ref.depth > 0;
    if (hasActionSection) {
      if (!isItem && !ACTION_CUE.test(key)) continue;
    } else if (!AGREED_CLAUSE.test(key) || REPORTED.test(key)) {
      continue;
    }
    // A recommendation's later sentences explain it ("It should report back to us with its
    // findings."): they add only a kind of remedy its earlier ones did not give, or an action of
    // their own that names no kind ("It will also confirm that any restrictions ... have now
    // ended."), unless they report what the organisation says it will do.
    const seen = blockKinds;
    const named = kindsOf(key);
    const kinds = named.filter((k) => !seen.has(k));
    for (const k of kinds) blockKinds.add(k);
    if (ref.position > 0 && kinds.length === 0 && (named.length > 0 || !ALSO_ACTION.test(key) || reportedBefore)) continue;
    // ...and a kind named there makes the first sentence's unnamed action ("agreed to review how
    // they work together") that kind: the recommendation is one, not an "other" and another.
    if (kinds.length > 0 && blockOther !== null && blockOther.block === ref.block) {
      remedies.splice(remedies.indexOf(blockOther), 1);
      blockOther = null;
    }
    const deadline = readDeadline(ref.sentence) ?? (isItem ? leadInDeadline : null);
    const base = { text: ref.sentence, paragraph: ref.paragraph, block: ref.block, deadline, source: 'statement' as const };
    const amounts = readAmounts(ref.sentence);
    const moneyKind = kinds.find((k) => k === 'payment' || k === 'refund');
    for (const kind of kinds.length ? kinds : (['other'] as RemedyKind[])) {
      if (kind === moneyKind && amounts.length > 0) {
        // One remedy per sum: "£300 for distress and £200 for time and trouble".
        const listed = listedPayees(ref.sentence, amounts);
        amounts.forEach((a, i) => {
          const part = ref.sentence.slice(i === 0 ? 0 : a.index, amounts[i + 1]?.index ?? ref.sentence.length);
          const payee = listed[i] ?? payeeOf(ref.sentence, a.end);
          remedies.push({ ...base, kind, amount: a.amount, payee, purpose: purposeOf(part) });
        });
        continue;
      }
      const remedy: Remedy = {
        ...base,
        kind,
        amount: null,
        payee: kind === 'payment' || kind === 'refund' ? payeeOf(ref.sentence, 0) : null,
        purpose: kind === 'payment' ? purposeOf(ref.sentence) : null,
      };
      remedies.push(remedy);
      if (kind === 'other') blockOther = remedy;
    }
  }
  return remedies;
}

/** A further action of the same recommendation: "It will also confirm...", "The Council should also...". */
const ALSO_ACTION = /^(?:it|they|the [a-z]+(?: [a-z]+)?) (?:will|should|must|shall) also\b/;

/** Money agreed as a remedy: payments and refunds with a sum. */
export function totalPayments(remedies: Remedy[]): number {
  const pence = remedies
    .filter((r) => (r.kind === 'payment' || r.kind === 'refund') && r.amount !== null)
    .reduce((sum, r) => sum + Math.round(r.amount! * 100), 0);
  return pence / 100;
}
