/**
 * Days as the exchanges count them: candles start at UTC midnight, and today's is still moving.
 * The page asks for whole days up to yesterday (UTC) and never stores today's unfinished close.
 */
import { addDays } from './dates.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { PriceSourceError } from './price-source-error.ts';

const DAY_SECONDS = 86_400;

/** The calendar date (UTC) of a moment. */
export function utcDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** A candle's start time (unix seconds) as its date; it must be a UTC midnight, or it is not a daily candle. */
export function candleDate(seconds: number, source: string): string {
  if (!Number.isSafeInteger(seconds) || seconds % DAY_SECONDS !== 0 || seconds < 0 || seconds > 253_402_214_400) {
    throw new PriceSourceError(`${source} sent a time that is not the start of a day (${String(seconds).slice(0, 20)}).`);
  }
  return utcDate(new Date(seconds * 1000));
}

export function unixSeconds(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

/**
 * Keeps the finished days: today's close is not final yet, so it is dropped; a day after today
 * means the source's clock or data is wrong, and nothing from it is used.
 */
export function finishedDays(rows: readonly PriceRow[], today: string, source: string): PriceRow[] {
  const future = rows.find((r) => r.date > today);
  if (future)
    throw new PriceSourceError(`${source} sent a price for ${future.date}, a day that has not happened yet (today is ${today}, UTC).`);
  return rows.filter((r) => r.date < today);
}

export interface DayWindow {
  /** First and last date asked for, both included. */
  first: string;
  last: string;
}

/** first … last in windows of at most `maxDays` days, oldest first (Coinbase answers 300 candles at most). */
export function dayWindows(first: string, last: string, maxDays: number): DayWindow[] {
  const windows: DayWindow[] = [];
  for (let start = first; start <= last; start = addDays(start, maxDays)) {
    const end = addDays(start, maxDays - 1);
    windows.push({ first: start, last: end < last ? end : last });
  }
  return windows;
}
