/**
 * The template's placeholders as the editor lists them. Kept apart from template.ts so the
 * content script, which renders templates but never lists them, does not carry the words.
 * Each example is the value for seed 19 015 077, checked by a test.
 */
import { OMBUDSMAN } from './fields';
import type { PlaceholderName } from './template';

export const PLACEHOLDERS: readonly { name: PlaceholderName; says: string; example: string }[] = [
  { name: 'organisation', says: 'the organisation complained about, as the title line names it', example: 'Stoke-on-Trent City Council' },
  { name: 'reference', says: 'the Ombudsman’s reference', example: '19 015 077' },
  { name: 'date', says: 'the decision date', example: '8 February 2021' },
  { name: 'year', says: 'the year of the decision', example: '2021' },
  { name: 'isodate', says: 'the decision date as yyyy-mm-dd', example: '2021-02-08' },
  { name: 'ombudsman', says: 'the Ombudsman’s name', example: OMBUDSMAN },
  {
    name: 'url',
    says: 'the decision’s address',
    example: 'https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/19-015-077',
  },
];
