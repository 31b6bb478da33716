/**
 * Which verdict a fault gets: a verdict sentence answers the faults waiting before it in the same
 * group (sub-heading, and the lettered strand "b) ..." of the complaint it is under), never a fault
 * of another group. The seeds check the wording; these check the grouping.
 */
import { describe, expect, it } from 'vitest';
import { extractFaults } from '../../lib/parser/extractors/extract-faults';
import type { SentenceRef } from '../../lib/parser/sentences/sentence-index';
import { ref } from '../helpers/sentence-refs';

/** Sentences in order, each its own block and numbered paragraph, under the heading given. */
function under(...lines: [heading: string, sentence: string][]): SentenceRef[] {
  return lines.map(([heading, sentence], i) => ({ ...ref(sentence, i + 1, i), heading }));
}

describe('a fault and the verdict after it', () => {
  it("in the same group: the verdict is the fault's, with its sentence as evidence", () => {
    const [fault] = extractFaults(under(['Assessment', 'The Council was at fault.'], ['Assessment', 'This caused Mr X injustice.']));
    expect(fault).toMatchObject({
      text: 'The Council was at fault.',
      injustice: 'caused',
      injusticeEvidence: { paragraph: 2, sentence: 'This caused Mr X injustice.' },
    });
  });

  it("under another sub-heading: not the fault's, which stays unstated", () => {
    const [fault] = extractFaults(
      under(['Assessment', 'The Council was at fault.'], ['Complaint handling', 'This caused Mr X injustice.']),
    );
    expect(fault).toMatchObject({
      text: 'The Council was at fault.',
      heading: 'Assessment',
      injustice: 'unstated',
      injusticeEvidence: null,
    });
  });

  it("in another lettered strand under the same sub-heading: not the fault's either", () => {
    const faults = extractFaults(
      under(
        ['What I found', 'a) The Council failed to visit.'],
        ['What I found', 'The Council was at fault.'],
        ['What I found', 'b) The Council failed to reply.'],
        ['What I found', 'This caused Mr X injustice.'],
      ),
    );
    expect(faults).toEqual([expect.objectContaining({ heading: 'a) The Council failed to visit.', injustice: 'unstated' })]);
  });
});
