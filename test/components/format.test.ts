/** Dates and amounts as the sidebar and the popup print them. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatPounds } from '../../lib/display-text';

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

describe('formatPounds', () => {
  it('prints whole pounds without pence, and pence when there are some, each time the same', () => {
    expect(formatPounds(500)).toBe('£500');
    expect(formatPounds(1250)).toBe('£1,250');
    expect(formatPounds(99.5)).toBe('£99.50');
    expect(formatPounds(500)).toBe('£500');
    expect(formatPounds(0.5)).toBe('£0.50');
  });
});
