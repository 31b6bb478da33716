/**
 * The regulators a decision says it is shared with, as data: Ofsted under an information sharing
 * agreement, the CQC under a memorandum of agreement. `words`: pieces of text every match of the
 * row's pattern holds (in a matchKey), of which the sentence index's regulator gate is made.
 * Every row has examples from real decisions; test/lib/vocabulary-rows.test.ts runs each through the
 * parser (with the word gate) and checks the row's regulator is read from it.
 */
import type { Regulator } from '../../schema';

export interface RegulatorRow {
  name: Regulator['name'];
  pattern: RegExp;
  words: readonly string[];
  examples: readonly string[];
}

export const REGULATORS: readonly RegulatorRow[] = [
  {
    name: 'Ofsted',
    pattern: /\bofsted\b|office for standards in education/,
    words: ['ofsted', 'for standards'],
    examples: [
      'Under our information sharing agreement, we will share this decision with the Office for Standards in Education, Children’s Services and Skills (Ofsted).',
      'Under the information sharing agreement between the Local Government and Social Care Ombudsman and the Office for Standards in Education, Children’s Services and Skills (Ofsted), we will share this decision with Ofsted.',
    ],
  },
  {
    name: 'CQC',
    pattern: /\bcqc\b|care quality commission/,
    words: ['cqc', 'care quality'],
    examples: [
      'Under our information sharing agreement, we will share this decision with the Care Quality Commission (CQC).',
      'Under a memorandum of agreement with the Care Quality Commission (CQC) the Ombudsman shares all decisions about adult social care and so we will share this decision with the CQC.',
    ],
  },
];
