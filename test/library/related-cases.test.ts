/**
 * Joint cases (`relatedReferences`): the saved pages of one decision about several organisations
 * ("20 003 139a", "20 003 139b") name each other; a case on its own names none.
 */
import { describe, expect, it } from 'vitest';
import { relatedReferences } from '../../lib/library/related-cases';
import { relatedKeyOf } from '../../lib/library/saved-case';
import { savedCase } from '../helpers/saved-cases';

const page = (reference: string) => savedCase('20-003-139', { reference, relatedKey: relatedKeyOf(reference) });

describe('relatedReferences', () => {
  it("names the other pages of a joint case, in the library's order, and none for a case on its own", () => {
    const a = page('20 003 139a');
    const b = page('20 003 139b');
    const c = page('20 003 139c');
    const alone = savedCase('19-015-077');
    const relatedOf = relatedReferences([a, alone, c, b]);
    expect(relatedOf(a)).toEqual(['20 003 139c', '20 003 139b']);
    expect(relatedOf(b)).toEqual(['20 003 139a', '20 003 139c']);
    expect(relatedOf(alone)).toEqual([]);
  });
});
