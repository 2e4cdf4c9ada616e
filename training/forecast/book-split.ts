/**
 * The book's evaluation split of BTC-USD.csv, in Monday–Sunday weeks:
 * train 2016-01-04 … 2019-08-04 = 187 weeks (bitcoin_lstm_v0 read weeks 1…186 and was fitted to
 * week 187), test 2019-08-05 … 2019-12-29 = 21 weeks, each predicted one week ahead from all
 * the weeks before it.
 */
import { daysBetween } from '../../src/models/forecast/dates.ts';
import type { PriceRow } from '../../src/models/forecast/parse-yahoo-csv.ts';
import { groupIntoWeeks, type Week } from '../../src/models/forecast/weeks.ts';
import { between } from './btc.ts';

export const BOOK_SPLIT = {
  trainStart: '2016-01-04',
  trainEnd: '2019-08-04',
  testStart: '2019-08-05',
  testEnd: '2019-12-29',
  trainWeeks: 187,
  testWeeks: 21,
} as const;

export interface WeekSplit {
  /** Train weeks, then test weeks, in time order. */
  weeks: Week[];
  /** Index in `weeks` of the first test week (= number of train weeks). */
  firstTest: number;
}

export function bookSplit(rows: readonly PriceRow[]): WeekSplit {
  const s = BOOK_SPLIT;
  const range = between(rows, s.trainStart, s.testEnd);
  const expectedDays = daysBetween(s.trainStart, s.testEnd) + 1;
  // Groups of 7 rows are weeks only if no day is missing; the book's file has none.
  if (range.length !== expectedDays) {
    throw new Error(
      `The book's split needs one close for every day from ${s.trainStart} to ${s.testEnd} (${expectedDays}); found ${range.length}.`,
    );
  }
  const weeks = groupIntoWeeks(range, 'start');
  const firstTest = weeks.findIndex((w) => w.dates[0] === s.testStart);
  if (firstTest !== s.trainWeeks || weeks.length - firstTest !== s.testWeeks) {
    throw new Error(`Expected ${s.trainWeeks} train and ${s.testWeeks} test weeks; found ${firstTest} and ${weeks.length - firstTest}.`);
  }
  return { weeks, firstTest };
}

/** The last `count` train weeks held out as validation (for choosing a formulation without the test weeks). */
export function validationSplit(split: WeekSplit, count: number = BOOK_SPLIT.testWeeks): WeekSplit {
  return { weeks: split.weeks.slice(0, split.firstTest), firstTest: split.firstTest - count };
}
