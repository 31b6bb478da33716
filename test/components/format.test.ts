/** Dates and amounts as the sidebar and the popup print them. */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../components/format';

describe('formatDate', () => {
  it('prints every month as the en-GB locale abbreviates it', () => {
    for (let month = 1; month <= 12; month++) {
      const iso = `2021-${String(month).padStart(2, '0')}-08`;
      const reference = new Date(Date.UTC(2021, month - 1, 8)).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      expect(formatDate(iso)).toBe(reference);
    }
    expect(formatDate('2019-09-21')).toBe('21 Sept 2019');
  });

  it('says the date is unknown rather than printing nonsense', () => {
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('')).toBe('date unknown');
    expect(formatDate('2021-13-01')).toBe('date unknown');
    expect(formatDate('8 February 2021')).toBe('date unknown');
  });
});
