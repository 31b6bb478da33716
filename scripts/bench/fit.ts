/**
 * How parse time grows with document size: fit time = c * size^k by least
 * squares on log(time) against log(size); k is the slope. k = 1 is linear,
 * k = 2 quadratic. Natural logs (the base does not change the slope).
 */

export interface PowerLawFit {
  /** The exponent k in time ∝ size^k. */
  exponent: number;
  /** The constant c (time at size 1, in the units of the inputs). */
  coefficient: number;
  /** Coefficient of determination of the straight-line fit in log-log space (1 = perfect). */
  r2: number;
}

/** Ordinary least-squares line y = a + b x. Needs at least two distinct x values. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; r2: number } {
  if (xs.length !== ys.length) throw new Error(`leastSquares: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) throw new Error('leastSquares: need at least two points');
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new Error('leastSquares: all x values are equal');
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { intercept: my - slope * mx, slope, r2 };
}

/** Fits time ∝ size^k through (size, time) points; sizes and times must be positive. */
export function fitPowerLaw(points: readonly { size: number; time: number }[]): PowerLawFit {
  for (const p of points) {
    if (!(p.size > 0) || !(p.time > 0))
      throw new Error(`fitPowerLaw: sizes and times must be positive, got size ${p.size}, time ${p.time}`);
  }
  const line = leastSquares(
    points.map((p) => Math.log(p.size)),
    points.map((p) => Math.log(p.time)),
  );
  return { exponent: line.slope, coefficient: Math.exp(line.intercept), r2: line.r2 };
}
