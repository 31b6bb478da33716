/**
 * Fault findings and whether each caused injustice.
 *
 * Only the findings part of a statement is read: the summary and final decision
 * repeat findings, and the role-and-powers text is boilerplate ("If there has
 * been fault which has caused an injustice..."). The outcome is NOT the fault
 * finding: "Not upheld" decisions can find fault without injustice.
 *
 * Injustice is often stated after the fault, sometimes for several at once
 * ("The faults caused injustice to Mr C"), so faults wait as "pending" until a
 * verdict sentence settles them, within the same complaint strand or sub-heading.
 */
import type { Fault, Injustice } from '../../schema';
import { evidenceOf, keyOf, type SentenceRef } from '../sentences/sentence-index';
import { SENTENCE_WORDS } from '../sentences/sentence-words';
import { REPORTED } from '../vocabulary/reported-speech';
import { FAULT_FINDINGS, notAFindingSource } from '../vocabulary/fault-findings';
import { HARMS, INJUSTICE_WORD, NO_INJUSTICE, REMEDIED as REMEDIED_ROWS } from '../vocabulary/injustice';
import { checkpoint, runSteps, type Steps } from '../steps';

/** Statements of fault: each holds one of its row's words, so a sentence without one is not tested at all. */
const FAULT_PATTERNS: readonly RegExp[] = FAULT_FINDINGS.map((row) => row.pattern);
/** A negation in the clause that leads up to the fault words. */
const NEGATION = new RegExp(notAFindingSource('negation'));
/** Hypotheticals and questions, not findings. */
const CONDITIONAL = new RegExp(notAFindingSource('hypothesis'));
const REMEDIED = new RegExp(REMEDIED_ROWS.map((row) => row.pattern.source).join('|'));
const WEAK_INJUSTICE = new RegExp(String.raw`\b(?:${HARMS.map((row) => row.pattern.source).join('|')})\b`);
/** Every `new RegExp` here, so test/lib/regex-safety.test.ts can check the source as built for ReDoS. */
export const BUILT_REGEXPS: Readonly<Record<string, RegExp>> = { NEGATION, CONDITIONAL, REMEDIED, WEAK_INJUSTICE };

/** The clause of `text` that ends where `index` starts. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const cut = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf(' - '),
    before.lastIndexOf('('),
    before.lastIndexOf(' but '),
    before.lastIndexOf(' however '),
  );
  return before.slice(cut + 1);
}

/** Whether the sentence (its matchKey) states a fault (not a negation, hypothesis or someone's claim). */
function isFaultFindingKey(key: string): boolean {
  for (const pattern of FAULT_PATTERNS) {
    const m = pattern.exec(key);
    if (!m) continue;
    const clause = clauseBefore(key, m.index) + m[0];
    if (NEGATION.test(clause) || CONDITIONAL.test(clause) || REPORTED.test(clause)) continue;
    return true;
  }
  return false;
}

type Verdict = { injustice: Exclude<Injustice, 'unstated'>; strength: 'explicit' | 'weak' };

/** What the sentence (its matchKey) says about injustice, if anything. */
function injusticeVerdictKey(key: string): Verdict | null {
  // Someone else's words are no verdict. Tested last: most sentences have no verdict to discard.
  const verdict = verdictWords(key);
  return verdict && !REPORTED.test(key) ? verdict : null;
}

function verdictWords(key: string): Verdict | null {
  if (REMEDIED.test(key)) return { injustice: 'remedied', strength: 'explicit' };
  const at = key.search(INJUSTICE_WORD.pattern);
  if (at >= 0) {
    if (NEGATION.test(clauseBefore(key, at)) || NO_INJUSTICE.pattern.test(key)) {
      return { injustice: 'none', strength: 'explicit' };
    }
    if (CONDITIONAL.test(clauseBefore(key, at))) return null;
    return { injustice: 'caused', strength: 'explicit' };
  }
  const weak = WEAK_INJUSTICE.exec(key);
  if (weak && !NEGATION.test(clauseBefore(key, weak.index))) return { injustice: 'caused', strength: 'weak' };
  return null;
}

function verdictOf(ref: SentenceRef): Verdict | null {
  return (ref.words & SENTENCE_WORDS.verdict) !== 0 ? injusticeVerdictKey(keyOf(ref)) : null;
}

const STRAND = /^\(?([a-z])\)\s+\S/;

export function extractFaults(sentences: SentenceRef[]): Fault[] {
  return runSteps(faultSteps(sentences));
}

/** `extractFaults` in steps (see steps.ts). */
export function* faultSteps(sentences: SentenceRef[]): Steps<Fault[]> {
  const faults: Fault[] = [];
  let pending: { fault: Fault; weak: SentenceRef | null }[] = [];
  let strand: string | null = null;
  let lastBlock = -1;
  let lastHeading: string | null = null;
  // The group the pending faults belong to: its heading and strand (undefined before the first).
  let groupHeading: string | null | undefined;
  let groupStrand: string | null | undefined;

  const settle = (): void => {
    for (const p of pending) {
      if (p.weak) {
        p.fault.injustice = 'caused';
        p.fault.injusticeEvidence = evidenceOf(p.weak);
      }
    }
    pending = [];
  };

  let read = 0;
  for (const ref of sentences) {
    if (checkpoint(read++)) yield;
    if (ref.role !== 'findings') continue;
    if (ref.heading !== lastHeading) {
      strand = null;
      lastHeading = ref.heading;
    }
    if (ref.block !== lastBlock && ref.position === 0) {
      lastBlock = ref.block;
      if (ref.depth === 0 && STRAND.test(ref.sentence)) strand = ref.sentence.replace(/\s+/g, ' ');
    }
    if (ref.heading !== groupHeading || strand !== groupStrand) {
      settle();
      groupHeading = ref.heading;
      groupStrand = strand;
    }

    // A sentence without the words of a fault or of a verdict (found when it was indexed) is
    // neither: the patterns are not run on it.
    if ((ref.words & SENTENCE_WORDS.fault) !== 0 && isFaultFindingKey(keyOf(ref))) {
      const verdict = verdictOf(ref);
      const fault: Fault = {
        text: ref.sentence,
        paragraph: ref.paragraph,
        block: ref.block,
        heading: strand ?? ref.heading,
        injustice: 'unstated',
        injusticeEvidence: null,
      };
      faults.push(fault);
      if (verdict) {
        // A fault that carries its own verdict closes the earlier ones: they were not about it.
        settle();
        fault.injustice = verdict.injustice;
        fault.injusticeEvidence = evidenceOf(ref);
      } else {
        pending.push({ fault, weak: null });
      }
      continue;
    }
    // Read only when a fault waits for it: most sentences are neither.
    const verdict = pending.length > 0 ? verdictOf(ref) : null;
    if (!verdict) continue;
    if (verdict.strength === 'explicit') {
      for (const p of pending) {
        p.fault.injustice = verdict.injustice;
        p.fault.injusticeEvidence = evidenceOf(ref);
      }
      pending = [];
    } else {
      for (const p of pending) p.weak ??= ref;
    }
  }
  settle();
  return faults;
}
