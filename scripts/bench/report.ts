/** The benchmark's output: a table for people, one JSON object for programs. */
import { METRIC_KEYS, METRICS, targetMet, type MetricKey, type Unit } from './metrics';
import type { BenchReport } from './bench';

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
    case 'bytes':
      return `${Math.round(value).toLocaleString('en-GB')} B`;
    case 'ratio':
      return value.toFixed(3);
    case 'exponent':
      return value.toFixed(2);
    case '/s':
      return `${value.toFixed(value < 100 ? 1 : 0)}/s`;
  }
}

function targetText(key: MetricKey): string {
  const { max, min, unit } = METRICS[key];
  if (max !== undefined) return `≤ ${formatValue(max, unit)}`;
  return min === undefined ? '—' : `≥ ${formatValue(min, unit)}`;
}

/** The figures as a table: median, min, max, target, met. */
export function formatTable(report: BenchReport): string {
  const header = ['Figure', 'Key', 'Median', 'Min', 'Max', 'n', 'Target', 'Met'];
  const rows = METRIC_KEYS.map((key) => {
    const stat = report.metrics[key];
    const { label, unit } = METRICS[key];
    if (!stat) return [label, key, 'failed', '', '', '', targetText(key), '—'];
    const met = targetMet(key, stat.median);
    return [
      label,
      key,
      formatValue(stat.median, unit),
      stat.n > 1 ? formatValue(stat.min, unit) : '',
      stat.n > 1 ? formatValue(stat.max, unit) : '',
      String(stat.n),
      targetText(key),
      met === null ? '—' : met ? 'met' : 'NOT MET',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatText(report: BenchReport): string {
  const e = report.environment;
  const o = report.options;
  return [
    `Ombudsman Lens benchmark, ${e.date}`,
    `Machine: ${e.cpu}, ${e.cores} cores, ${e.platform}; Node ${e.node}; Chromium ${e.chromium}; load average ${e.load.start.toFixed(2)} at start, ${e.load.end.toFixed(2)} at end`,
    `Library ${o.cases.toLocaleString('en-GB')} cases; ${o.runs} runs per browser figure after ${o.warmup} warm-up; ${o.parseRuns} parses after ${o.parseWarmup} warm-up; CLI: ${o.cliFiles.text.toLocaleString('en-GB')} texts and ${o.cliFiles.html.toLocaleString('en-GB')} saved pages a run, ${o.cliRuns} runs`,
    '',
    formatTable(report),
    '',
    'Details:',
    ...report.details.map((d) => `- ${d}`),
    ...(report.errors.length ? ['', 'Errors:', ...report.errors.map((d) => `- ${d}`)] : []),
    '',
  ].join('\n');
}

/** `{ key: median }` for every figure; null for one that could not be measured. */
export function toJson(report: BenchReport): Record<MetricKey, number | null> {
  return Object.fromEntries(METRIC_KEYS.map((key) => [key, report.metrics[key]?.median ?? null])) as Record<MetricKey, number | null>;
}
