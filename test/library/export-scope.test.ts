/**
 * What "these cases" are for an export or the case pack (`exportScope`): the ticked cases in the
 * order ticked, else the list as shown, and the word for the buttons.
 */
import { describe, expect, it } from 'vitest';
import { exportScope } from '../../lib/library/export-scope';
import { savedCase } from '../helpers/saved-cases';

const newest = savedCase('23-017-456');
const middle = savedCase('19-015-077');
const oldest = savedCase('18-009-360');
const shown = [newest, middle, oldest];

describe('exportScope', () => {
  it('takes the ticked cases, in the order ticked, whether or not a filter is on', () => {
    expect(exportScope([oldest, newest], shown, false)).toEqual({ cases: [oldest, newest], count: 2, source: 'selection' });
    expect(exportScope([oldest], shown, true)).toEqual({ cases: [oldest], count: 1, source: 'selection' });
  });

  it('with none ticked, takes the list as shown: all of it, or the cases the filter shows', () => {
    expect(exportScope([], shown, false)).toEqual({ cases: shown, count: 3, source: 'all' });
    expect(exportScope([], [middle], true)).toEqual({ cases: [middle], count: 1, source: 'filter' });
  });

  it('a filter that shows nothing leaves nothing to export', () => {
    expect(exportScope([], [], true)).toEqual({ cases: [], count: 0, source: 'filter' });
  });
});
