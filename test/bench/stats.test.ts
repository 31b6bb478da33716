import { describe, expect, it } from 'vitest';
import { median, single, summarise } from '../../scripts/bench/stats';

describe('median', () => {
  it('is the middle sample of an odd count, whatever the order', () => {
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 7, 3, 9])).toBe(7);
  });

  it('is the mean of the middle two of an even count', () => {
    expect(median([1, 2])).toBe(1.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is not moved by one outlier, unlike the mean', () => {
    expect(median([2, 2, 2, 2, 500])).toBe(2);
  });

  it('does not reorder the caller’s array', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite samples', () => {
    expect(() => median([])).toThrow(/no samples/);
    expect(() => median([1, Number.NaN])).toThrow(/non-finite/);
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
  });
});

describe('summarise', () => {
  it('gives median, min, max and the count', () => {
    expect(summarise([4, 8, 1, 6])).toEqual({ median: 5, min: 1, max: 8, n: 4 });
  });

  it('a single measurement is its own median, min and max', () => {
    expect(single(41_644)).toEqual({ median: 41_644, min: 41_644, max: 41_644, n: 1 });
  });
});
