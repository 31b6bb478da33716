/**
 * How a remedy's deadline is written, as data: "within" a count (in figures or words) of a unit,
 * optionally from the decision ("within one month of my final decision"). The remedy extractor
 * builds its pattern from these rows once, at load; a unit word is read as the first row, in order,
 * whose pattern matches it ("working days" before "days").
 *
 * Every row has an example from a real decision where one was found, and the deadline it states;
 * test/lib/vocabulary-rows.test.ts runs each through the parser as an agreed action and checks the
 * remedy's deadline.
 */
import type { Deadline, DeadlineUnit } from '../../schema';

export interface DeadlineUnitRow {
  /** The unit's words (case is ignored). */
  pattern: RegExp;
  unit: DeadlineUnit;
  example: string;
  deadline: Deadline;
}

export const DEADLINE_UNITS: readonly DeadlineUnitRow[] = [
  {
    pattern: /working\s+days?/i,
    unit: 'working-day',
    example: 'Within 20 working days of this decision the Council will apologise to Mr C.',
    deadline: { text: 'Within 20 working days of this decision', count: 20, unit: 'working-day' },
  },
  {
    pattern: /calendar\s+days?/i,
    unit: 'day',
    example: 'The Council should pay Mrs X £250 within 28 calendar days of my final decision.',
    deadline: { text: 'within 28 calendar days of my final decision', count: 28, unit: 'day' },
  },
  {
    pattern: /days?/i,
    unit: 'day',
    example: 'The Council will apologise to Miss B within 14 days.',
    deadline: { text: 'within 14 days', count: 14, unit: 'day' },
  },
  {
    pattern: /weeks?/i,
    unit: 'week',
    example: 'The Council should apologise to Mr X within four weeks of our final decision.',
    deadline: { text: 'within four weeks of our final decision', count: 4, unit: 'week' },
  },
  {
    pattern: /months?/i,
    unit: 'month',
    example:
      'The Council has agreed that within one month of my final decision it will apologise in writing to M and Mr X for failing to record its decision not to refer Y for a medical assessment and for any distress caused.',
    deadline: { text: 'within one month of my final decision', count: 1, unit: 'month' },
  },
  {
    pattern: /years?/i,
    unit: 'year',
    example: 'The Council will review its policy on school transport appeals within one year of the date of this report.',
    deadline: { text: 'within one year of the date of this report', count: 1, unit: 'year' },
  },
];

/**
 * What the count is reckoned from, when the deadline says: "of my final decision", "of the date of
 * this report", "of a decision on this complaint". Read as part of the deadline's text, after the
 * unit and a space.
 */
export const DEADLINE_FROM = {
  pattern:
    /of\s+(?:the\s+date\s+of\s+)?(?:my|our|the|this|a|its)\s+(?:final\s+)?(?:decision|report|statement)(?:\s+on\s+this\s+complaint)?/,
  example:
    'In addition, within three months of a decision on this complaint the Council will have taken steps to ensure that all relevant personnel are familiar with the policy it has for responding to requests from users of services to record visits, meetings or telephone calls.',
  deadline: { text: 'within three months of a decision on this complaint', count: 3, unit: 'month' } satisfies Deadline,
};
