/**
 * The next week from a price history: group into weeks ending at the last date, normalize,
 * run the model, and turn its output into prices with the last known close (Cryptonic's
 * last_value × (y + 1)). The predicted days are the 7 calendar days after the last date.
 */
import * as tf from '@tensorflow/tfjs';
import { PERIOD_LENGTH } from './constants.ts';
import { addDays } from './dates.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { denormalizeWeek, groupIntoWeeks, type Week, weeksToInput } from './weeks.ts';

export interface ForecastDay {
  date: string;
  prediction: number;
}

export interface WeekForecast {
  lastDate: string;
  lastClose: number;
  /** Weeks the model read. */
  weeks: number;
  /** The model's output: relative change from the base close, per day. */
  normalized: number[];
  days: ForecastDay[];
}

/** The model's normalized prediction of the week after `weeks` (any number of weeks ≥ 1). */
export async function predictNormalizedWeek(model: tf.LayersModel, weeks: readonly Week[]): Promise<number[]> {
  if (weeks.length === 0) throw new Error('A forecast needs at least one complete week (7 days) of prices.');
  const input = weeksToInput(weeks);
  const output = tf.tidy(() => model.predict(tf.tensor3d(input, [1, weeks.length, PERIOD_LENGTH])) as tf.Tensor);
  try {
    const values = Array.from(await output.data());
    if (values.length !== PERIOD_LENGTH) throw new Error(`The model returned ${values.length} values; a forecast has ${PERIOD_LENGTH}.`);
    if (!values.every(Number.isFinite))
      throw new Error('The model returned a value that is not a number; it may have diverged in training.');
    return values;
  } finally {
    output.dispose();
  }
}

export async function forecastNextWeek(model: tf.LayersModel, rows: readonly PriceRow[]): Promise<WeekForecast> {
  const weeks = groupIntoWeeks(rows, 'end');
  if (weeks.length === 0) throw new Error(`A forecast needs at least ${PERIOD_LENGTH} days of prices; got ${rows.length}.`);
  const normalized = await predictNormalizedWeek(model, weeks);
  const last = rows[rows.length - 1];
  const prices = denormalizeWeek(normalized, last.close);
  return {
    lastDate: last.date,
    lastClose: last.close,
    weeks: weeks.length,
    normalized,
    days: prices.map((prediction, i) => ({ date: addDays(last.date, i + 1), prediction })),
  };
}
