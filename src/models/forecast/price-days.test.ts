import { describe, expect, it } from 'vitest';
import { daysBetween } from './dates.ts';
import { candleDate, dayWindows, finishedDays, unixSeconds, utcDate } from './price-days.ts';

describe('price days', () => {
  it('pages a gap in windows of at most 300 days, oldest first, each day exactly once', () => {
    const windows = dayWindows('2024-04-22', '2026-12-01', 300);
    expect(windows[0]).toEqual({ first: '2024-04-22', last: '2025-02-15' });
    expect(windows).toHaveLength(4); // 954 days
    for (const [i, w] of windows.entries()) {
      expect(daysBetween(w.first, w.last) + 1).toBeLessThanOrEqual(300);
      if (i > 0) expect(daysBetween(windows[i - 1].last, w.first)).toBe(1);
    }
    expect(windows[windows.length - 1].last).toBe('2026-12-01');
  });

  it('one day is one window; an empty range is none', () => {
    expect(dayWindows('2024-04-22', '2024-04-22', 300)).toEqual([{ first: '2024-04-22', last: '2024-04-22' }]);
    expect(dayWindows('2024-04-23', '2024-04-22', 300)).toEqual([]);
    expect(dayWindows('2024-01-01', '2024-10-26', 300)).toEqual([{ first: '2024-01-01', last: '2024-10-26' }]);
    expect(dayWindows('2024-01-01', '2024-10-27', 300)).toHaveLength(2);
  });

  it('drops today (unfinished) and refuses a day after today', () => {
    const rows = [
      { date: '2026-11-30', close: 1 },
      { date: '2026-12-01', close: 2 },
      { date: '2026-12-02', close: 3 },
    ];
    expect(finishedDays(rows, '2026-12-02', 'Coinbase')).toEqual(rows.slice(0, 2));
    expect(() => finishedDays(rows, '2026-12-01', 'Coinbase')).toThrow(
      'Coinbase sent a price for 2026-12-02, a day that has not happened yet (today is 2026-12-01, UTC).',
    );
  });

  it('reads candle times as UTC dates and refuses times that are not a midnight', () => {
    expect(candleDate(unixSeconds('2024-04-22'), 'Kraken')).toBe('2024-04-22');
    expect(utcDate(new Date('2026-12-02T23:59:59+05:00'))).toBe('2026-12-02');
    for (const bad of [1.5, -86400, 86400 * 1e12, Number.NaN]) expect(() => candleDate(bad, 'Kraken')).toThrow('not the start of a day');
  });
});
