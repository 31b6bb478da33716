/**
 * The figures the benchmark reports (issue #5): their JSON keys, what they
 * mean, their units and targets. A missed target is reported, never an error.
 */

export const METRIC_KEYS = [
  'parseMsMedian',
  'readabilityMsMedian',
  'parseVsReadability',
  'sidebarMsMedian',
  'sidebarCompleteMsMedian',
  'coldParseMsMedian',
  'coldReadabilityMsMedian',
  'coldParseVsReadability',
  'sidebarCompleteVsColdReadability',
  'longestTaskMs',
  'saveMsMedian',
  'scalingExponent',
  'contentScriptGzipBytes',
  'popupGzipBytes',
  'cliDecisionsPerSecond',
  'cliHtmlDecisionsPerSecond',
  'cliEfficiency',
  'cliPeakRssBytes',
  'cliPeakRssGrowth',
  'popupFirstRenderMs10k',
  'popupFirstRowsVsAppMs10k',
  'popupFilterMs10k',
  'compareMs50',
  'bytesPerSavedCase',
  'exportMs50k',
  'importMs50k',
  'exportPeakHeapBytes50k',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type Unit = 'ms' | 'bytes' | 'ratio' | 'exponent' | '/s';

export interface MetricSpec {
  label: string;
  unit: Unit;
  /** Met when the median is at most this. */
  max?: number;
  /** Met when the median is at least this (a rate, an efficiency). */
  min?: number;
}

export const METRICS: Record<MetricKey, MetricSpec> = {
  parseMsMedian: { label: 'Parse largest seed (Chromium)', unit: 'ms', max: 5 },
  readabilityMsMedian: { label: 'Readability, same page (clone + parse)', unit: 'ms' },
  parseVsReadability: { label: 'Parse / Readability', unit: 'ratio', max: 0.5 },
  sidebarMsMedian: { label: 'Sidebar: start → painted', unit: 'ms', max: 16 },
  sidebarCompleteMsMedian: { label: 'Sidebar: start → findings painted', unit: 'ms' },
  coldParseMsMedian: { label: 'Parse, first run in a fresh page', unit: 'ms' },
  coldReadabilityMsMedian: { label: 'Readability, first run in a fresh page', unit: 'ms' },
  coldParseVsReadability: { label: 'Cold parse / cold Readability', unit: 'ratio', max: 0.5 },
  sidebarCompleteVsColdReadability: { label: 'Findings painted / cold Readability', unit: 'ratio', max: 1 },
  longestTaskMs: { label: 'Longest task the extension causes, 1 MB page', unit: 'ms', max: 50 },
  saveMsMedian: { label: 'Save click → "Saved" shown', unit: 'ms', max: 50 },
  scalingExponent: { label: 'Parse time ∝ size^k (×1, ×4, ×16)', unit: 'exponent', max: 1.2 },
  // Moved from 40,960 B (issue #17 allows it where the cold figures gain more than it costs): the
  // scripts load from disk, so their bytes cost only their compile (measured in BENCHMARKS.md);
  // what pushed them over was the parser's growth (issue #16) and the sliced reading and
  // analysis that keep a long page's tab responsive. 50 KiB leaves ~1.7 KB of room (BENCHMARKS.md).
  contentScriptGzipBytes: { label: 'Content scripts, gzip -9', unit: 'bytes', max: 51_200 },
  popupGzipBytes: { label: 'Popup HTML+JS+CSS, gzip -9', unit: 'bytes', max: 81_920 },
  cliDecisionsPerSecond: { label: 'CLI: texts a second (20,000 in one call, wall)', unit: '/s' },
  cliHtmlDecisionsPerSecond: { label: 'CLI: saved pages a second (2,000, wall)', unit: '/s' },
  cliEfficiency: { label: 'CLI texts/s × warm parse ÷ cores', unit: 'ratio', min: 0.7 },
  cliPeakRssBytes: { label: 'CLI peak memory (40,000 texts; 4,000 pages)', unit: 'bytes' },
  cliPeakRssGrowth: { label: 'CLI peak memory, 2× files ÷ 1×', unit: 'ratio', max: 1.1 },
  popupFirstRenderMs10k: { label: 'Popup open → first rows', unit: 'ms', max: 200 },
  popupFirstRowsVsAppMs10k: { label: 'Popup first rows ÷ app drawn', unit: 'ratio', max: 1.5 },
  popupFilterMs10k: { label: 'Keystroke → filtered list', unit: 'ms', max: 50 },
  compareMs50: { label: 'Compare 50: click → table', unit: 'ms', max: 100 },
  bytesPerSavedCase: { label: 'IndexedDB bytes per saved case', unit: 'bytes', max: 20_480 },
  // No time targets for backups: what issue #15 asks is that they work at 50,000 cases, with progress and a
  // cancel, which the real-browser test proves; their time grows with the library and this machine's load.
  exportMs50k: { label: 'Backup export: click → file written (50,000)', unit: 'ms' },
  importMs50k: { label: 'Backup import: file chosen → last case stored (50,000)', unit: 'ms' },
  // Streaming means the page never holds the library: 256 MiB is a sixth of a 50,000-case file (~1.4 GB).
  exportPeakHeapBytes50k: { label: 'Library page JS heap, peak during export', unit: 'bytes', max: 268_435_456 },
};

export function targetMet(key: MetricKey, median: number): boolean | null {
  const { max, min } = METRICS[key];
  if (max === undefined && min === undefined) return null;
  return (max === undefined || median <= max) && (min === undefined || median >= min);
}
