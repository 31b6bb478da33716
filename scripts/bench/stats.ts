/**
 * Summary statistics for benchmark samples. The median is the headline figure:
 * one GC pause or a scheduling hiccup on a shared machine moves the mean, not the median.
 */

export interface Stat {
  median: number;
  min: number;
  max: number;
  /** How many samples the figures summarise (1 for a single measurement such as a size). */
  n: number;
}

/** Median of the samples (mean of the middle two for an even count). Throws on no samples or a non-finite one. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  if (samples.some((x) => !Number.isFinite(x))) throw new Error(`median: non-finite sample in [${samples.join(', ')}]`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(samples: readonly number[]): Stat {
  const m = median(samples);
  return { median: m, min: Math.min(...samples), max: Math.max(...samples), n: samples.length };
}

/** A figure measured once (a size, a fitted exponent): median, min and max are the figure. */
export function single(value: number): Stat {
  return { median: value, min: value, max: value, n: 1 };
}
