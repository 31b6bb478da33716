import { describe, expect, it } from 'vitest';
import { fitPowerLaw, leastSquares } from '../../scripts/bench/fit';

describe('leastSquares', () => {
  it('recovers an exact line', () => {
    const fit = leastSquares([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('fits noisy points by least squares', () => {
    // y = x plus symmetric noise: the slope of the best line is still 1 (by hand: Sxy/Sxx = 2/2).
    const fit = leastSquares([0, 1, 2], [0.5, 0.5, 2.5]);
    expect(fit.slope).toBeCloseTo(1, 12);
    expect(fit.intercept).toBeCloseTo(1 / 6, 12);
    expect(fit.r2).toBeLessThan(1);
    expect(fit.r2).toBeGreaterThan(0.5);
  });

  it('refuses too few points, mismatched lengths and a vertical line', () => {
    expect(() => leastSquares([1], [1])).toThrow(/two points/);
    expect(() => leastSquares([1, 2], [1])).toThrow(/2 x values but 1/);
    expect(() => leastSquares([2, 2], [1, 5])).toThrow(/all x values are equal/);
  });
});

describe('fitPowerLaw', () => {
  const at = (k: number, c: number) => [1, 4, 16].map((f) => ({ size: 50_000 * f, time: c * (50_000 * f) ** k }));

  it('gives k = 1 for linear time and k = 2 for quadratic time', () => {
    expect(fitPowerLaw(at(1, 2e-4)).exponent).toBeCloseTo(1, 10);
    expect(fitPowerLaw(at(2, 1e-9)).exponent).toBeCloseTo(2, 10);
  });

  it('recovers the constant and a perfect r²', () => {
    const fit = fitPowerLaw(at(1.5, 3e-6));
    expect(fit.coefficient).toBeCloseTo(3e-6, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('k is the slope between sizes: time ×4 for size ×4 is linear', () => {
    expect(
      fitPowerLaw([
        { size: 100, time: 5 },
        { size: 400, time: 20 },
        { size: 1600, time: 80 },
      ]).exponent,
    ).toBeCloseTo(1, 12);
  });

  it('refuses sizes or times that are not positive (no logarithm)', () => {
    expect(() =>
      fitPowerLaw([
        { size: 1, time: 0 },
        { size: 2, time: 1 },
      ]),
    ).toThrow(/positive/);
    expect(() =>
      fitPowerLaw([
        { size: -1, time: 1 },
        { size: 2, time: 1 },
      ]),
    ).toThrow(/positive/);
  });
});
