/**
 * The forecast model's quality on the book's split (book-split.ts): every test week is predicted
 * from all the weeks before it, then turned into prices in two ways.
 *
 * - book: with the predicted week's OWN first close, as the book's evaluation did. That close is
 *   not known when the forecast is made, so this flatters the model; it is reported to compare
 *   with the book's bitcoin_lstm_v0 (RMSE 667.07 USD, MAPE 5.3%).
 * - honest: with the last close before the week, as Cryptonic's /predict does.
 *
 * The naive baseline predicts no change (normalized 0 for every day), i.e. the base close
 * repeated 7 times: the week's first close (book) or the last close before it (honest).
 * RMSE in USD and MAPE in percent are over every predicted day (21 weeks × 7 = 147).
 *
 * CI never trains: evaluateForecast measures the committed package, which train.ts trained on
 * the book's train weeks only.
 */

import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { PERIOD_LENGTH } from '../../src/models/forecast/constants.ts';
import { mape, mse, rmse } from '../../src/models/forecast/metrics.ts';
import { predictNormalizedWeek } from '../../src/models/forecast/predict.ts';
import { denormalizeWeek, normalizeWeek } from '../../src/models/forecast/weeks.ts';
import { REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { BOOK_SPLIT, bookSplit, type WeekSplit } from './book-split.ts';
import { BTC_BOOK_CSV, readPrices } from './btc.ts';

export const FORECAST_PACKAGE_DIR = path.join(REPO_ROOT, 'public/models/forecast');

export const EVAL_DATA =
  `DATA_DIR/${BTC_BOOK_CSV.split(path.sep).join('/')} ${BOOK_SPLIT.testStart} … ` +
  `${BOOK_SPLIT.testEnd} (${BOOK_SPLIT.testWeeks} weeks, one week ahead from all weeks before)`;

export const METRIC_NAMES = [
  'rmse_book',
  'mape_book',
  'rmse_honest',
  'mape_honest',
  'naive_rmse_book',
  'naive_mape_book',
  'naive_rmse_honest',
  'naive_mape_honest',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface Backtest {
  metrics: Record<MetricName, number>;
  /** MSE of the normalized predictions against the normalized test weeks (the book's model.evaluate). */
  mseNormalized: number;
  /** Predicted days. */
  n: number;
}

export async function backtest(model: tf.LayersModel, split: WeekSplit): Promise<Backtest> {
  const actual: number[] = [];
  const predicted = { book: [] as number[], honest: [] as number[] };
  const naive = { book: [] as number[], honest: [] as number[] };
  const normalizedActual: number[] = [];
  const normalizedPredicted: number[] = [];
  for (let k = split.firstTest; k < split.weeks.length; k++) {
    const week = split.weeks[k];
    const y = await predictNormalizedWeek(model, split.weeks.slice(0, k));
    const ownFirst = week.closes[0];
    const lastBefore = split.weeks[k - 1].closes[PERIOD_LENGTH - 1];
    actual.push(...week.closes);
    predicted.book.push(...denormalizeWeek(y, ownFirst));
    predicted.honest.push(...denormalizeWeek(y, lastBefore));
    naive.book.push(...week.closes.map(() => ownFirst));
    naive.honest.push(...week.closes.map(() => lastBefore));
    normalizedActual.push(...normalizeWeek(week.closes));
    normalizedPredicted.push(...y);
  }
  return {
    metrics: {
      rmse_book: rmse(actual, predicted.book),
      mape_book: mape(actual, predicted.book),
      rmse_honest: rmse(actual, predicted.honest),
      mape_honest: mape(actual, predicted.honest),
      naive_rmse_book: rmse(actual, naive.book),
      naive_mape_book: mape(actual, naive.book),
      naive_rmse_honest: rmse(actual, naive.honest),
      naive_mape_honest: mape(actual, naive.honest),
    },
    mseNormalized: mse(normalizedActual, normalizedPredicted),
    n: actual.length,
  };
}

export interface ForecastMeasurement {
  model: 'forecast';
  metric: MetricName;
  value: number;
  n: number;
}

export function toMeasurements(result: Backtest): ForecastMeasurement[] {
  return METRIC_NAMES.map((metric) => ({ model: 'forecast', metric, value: Number(result.metrics[metric].toFixed(4)), n: result.n }));
}

/** Loads the committed package and measures it on the book's test weeks (no training; a few seconds). */
export async function evaluateForecast(dataDir: string, packageDir: string = FORECAST_PACKAGE_DIR): Promise<ForecastMeasurement[]> {
  const split = bookSplit(readPrices(dataDir, BTC_BOOK_CSV));
  const model = await loadLayersModel(packageDir);
  try {
    return toMeasurements(await backtest(model, split));
  } finally {
    model.dispose();
  }
}
