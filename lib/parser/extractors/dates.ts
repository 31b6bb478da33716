/** Dates as printed on decision pages ("06 Jun 2024", "6 June 2024") to ISO yyyy-mm-dd. */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export function toIsoDate(text: string | null): string | null {
  if (!text) return null;
  const m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
  const day = Number(m[1]);
  const year = Number(m[3]);
  if (!month || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null; // 31 Feb and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** en-GB's abbreviations ("Sept" included), as `toLocaleDateString('en-GB', { month: 'short' })` gives them. */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "2021-02-08" as day, month named from `months`, year; null when it is not such a date. */
function dayMonthYear(iso: string, months: readonly string[]): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? months[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : null;
}

/** "2021-02-08" to "8 February 2021", the form used in citations. */
export function longDate(iso: string): string {
  return dayMonthYear(iso, LONG_MONTHS) ?? iso;
}

/**
 * "2021-02-08" to "8 Feb 2021", as the sidebar and popup show dates. By table, not
 * `toLocaleDateString`: the first call of that loads the locale's date formats, ~2 ms
 * inside the sidebar's first paint.
 */
export function shortDate(iso: string): string | null {
  return dayMonthYear(iso, SHORT_MONTHS);
}
