/**
 * Cryptonic's view of a price series: consecutive groups of 7 daily closes ("weeks"), each
 * normalized point-relative to its own first close, p_i / p_0 − 1, so that the model sees the
 * shape of every week and never the price level. A prediction is turned back into prices with a
 * base close: base × (y_i + 1).
 */
import { PERIOD_LENGTH } from './constants.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';

export interface Week {
  dates: string[];
  closes: number[];
}

/**
 * Where the groups of 7 are anchored when the row count is not a multiple of 7:
 * - 'start': the first group starts at the first row and an incomplete last group is dropped
 *   (the book: its ranges start on a Monday, so groups are Monday–Sunday weeks);
 * - 'end': the last group ends at the last row and an incomplete first group is dropped
 *   (forecasting: the newest close is the end of the last week, so the predicted week
 *   starts the day after the last date in the file).
 * The two agree when the row count is a multiple of 7, as in the book's date ranges.
 * Groups are made of rows, not calendar days: the parser reports gaps, it does not fill them.
 */
export type WeekAlignment = 'start' | 'end';

export function groupIntoWeeks(rows: readonly PriceRow[], align: WeekAlignment = 'end'): Week[] {
  const count = Math.floor(rows.length / PERIOD_LENGTH);
  const first = align === 'start' ? 0 : rows.length - count * PERIOD_LENGTH;
  const weeks: Week[] = [];
  for (let w = 0; w < count; w++) {
    const group = rows.slice(first + w * PERIOD_LENGTH, first + (w + 1) * PERIOD_LENGTH);
    weeks.push({ dates: group.map((r) => r.date), closes: group.map((r) => r.close) });
  }
  return weeks;
}

/** p_i / p_0 − 1: 0 on the week's first day, then the relative change since that day. */
export function normalizeWeek(closes: readonly number[]): number[] {
  const base = closes[0];
  return closes.map((p) => p / base - 1);
}

/** base × (y_i + 1): Cryptonic passes the last known close as the base. */
export function denormalizeWeek(normalized: readonly number[], base: number): number[] {
  return normalized.map((y) => base * (y + 1));
}

/** The normalized weeks, flattened in time order, as the model's input [weeks, 7] wants them. */
export function weeksToInput(weeks: readonly Week[]): Float32Array {
  const input = new Float32Array(weeks.length * PERIOD_LENGTH);
  weeks.forEach((week, w) => input.set(normalizeWeek(week.closes), w * PERIOD_LENGTH));
  return input;
}
