/**
 * Which weeks the page trains on and which it holds out to measure a model, and the measures.
 *
 * The last weeks of the data (up to 21, the book's test length) are held out: a model trained
 * on the device never sees them, so its scores on them say how it does on weeks it did not
 * fit. Every held-out week is predicted from all the weeks before it and turned into prices with
 * the last close before it (the honest protocol of training/forecast/evaluate.ts), beside the
 * naive forecast (that close repeated). Training reads at most 186 weeks before them (the book's
 * training length), which bounds how long 300 epochs take whatever the history's length.
 */
import * as tf from '@tensorflow/tfjs';
import { PERIOD_LENGTH } from './constants.ts';
import { MIN_TRAINING_WEEKS } from './formulation.ts';
import { mape, mse, rmse } from './metrics.ts';
import { createForecastModel } from './model.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { groupIntoWeeks, type Week, weeksToInput } from './weeks.ts';

export const HELD_OUT_WEEKS = 21;
export const MAX_TRAINING_WEEKS = 186;

export interface WeekRange {
  from: string;
  to: string;
  weeks: number;
}

export interface WeekPlan {
  /** All complete weeks, ending at the last date. */
  weeks: Week[];
  /** The weeks a model is trained on (a slice of `weeks`). */
  training: Week[];
  trainingRange: WeekRange;
  /** Index in `weeks` of the first held-out week; `weeks.length` when none is held out. */
  firstHeldOut: number;
  heldOutRange: WeekRange | null;
}

export function rangeOf(weeks: readonly Week[]): WeekRange {
  return { from: weeks[0].dates[0], to: weeks[weeks.length - 1].dates[PERIOD_LENGTH - 1], weeks: weeks.length };
}

/** How many weeks to hold out of n: a quarter of them, at most 21, so small files can still train. */
export function heldOutCount(weeks: number): number {
  return Math.min(HELD_OUT_WEEKS, Math.floor(weeks / 4));
}

export function planWeeks(rows: readonly PriceRow[]): WeekPlan {
  const weeks = groupIntoWeeks(rows, 'end');
  if (weeks.length < MIN_TRAINING_WEEKS) {
    throw new Error(
      `Training needs at least ${MIN_TRAINING_WEEKS} complete weeks ` +
        `(${MIN_TRAINING_WEEKS * PERIOD_LENGTH} days of prices); the data has ${rows.length} days.`,
    );
  }
  const firstHeldOut = weeks.length - heldOutCount(weeks.length);
  const training = weeks.slice(Math.max(0, firstHeldOut - MAX_TRAINING_WEEKS), firstHeldOut);
  const heldOut = weeks.slice(firstHeldOut);
  return { weeks, training, trainingRange: rangeOf(training), firstHeldOut, heldOutRange: heldOut.length ? rangeOf(heldOut) : null };
}

export interface ErrorMeasures {
  /** MSE of the normalized week (relative to the last close before it): the training loss's unit. */
  mseNormalized: number;
  rmseUsd: number;
  mapePercent: number;
}

export interface HeldOutMetrics {
  model: ErrorMeasures;
  /** The naive forecast: the last close before each week, repeated. */
  naive: ErrorMeasures;
  range: WeekRange;
  /** Predicted days (7 per held-out week). */
  days: number;
}

function measures(actual: number[], predicted: number[], actualNormalized: number[], predictedNormalized: number[]): ErrorMeasures {
  return {
    mseNormalized: mse(actualNormalized, predictedNormalized),
    rmseUsd: rmse(actual, predicted),
    mapePercent: mape(actual, predicted),
  };
}

/**
 * Scores a model on weeks[firstHeldOut…], each predicted from all weeks before it; null when no
 * week is held out. One pass of a sequence-output copy of the model gives every prefix's
 * prediction at once (the LSTM is causal), instead of one pass per held-out week.
 */
export async function heldOutMetrics(model: tf.LayersModel, weeks: readonly Week[], firstHeldOut: number): Promise<HeldOutMetrics | null> {
  if (firstHeldOut >= weeks.length || firstHeldOut < 1) return null;
  const inputs = weeks.slice(0, -1);
  const sequence = createForecastModel({ returnSequences: true });
  let output: tf.Tensor | null = null;
  try {
    sequence.setWeights(model.getWeights());
    output = tf.tidy(() => sequence.predict(tf.tensor3d(weeksToInput(inputs), [1, inputs.length, PERIOD_LENGTH])) as tf.Tensor);
    const all = await output.data();
    const actual: number[] = [];
    const predicted: number[] = [];
    const naive: number[] = [];
    const actualNormalized: number[] = [];
    const predictedNormalized: number[] = [];
    for (let k = firstHeldOut; k < weeks.length; k++) {
      // The output after reading weeks 0…k−1 is step k − 1's.
      const y = Array.from(all.subarray((k - 1) * PERIOD_LENGTH, k * PERIOD_LENGTH));
      if (!y.every(Number.isFinite)) throw new Error('The model returned a value that is not a number; it may have diverged in training.');
      const base = weeks[k - 1].closes[PERIOD_LENGTH - 1];
      for (let i = 0; i < PERIOD_LENGTH; i++) {
        const close = weeks[k].closes[i];
        actual.push(close);
        predicted.push(base * (y[i] + 1));
        naive.push(base);
        actualNormalized.push(close / base - 1);
        predictedNormalized.push(y[i]);
      }
    }
    return {
      model: measures(actual, predicted, actualNormalized, predictedNormalized),
      naive: measures(
        actual,
        naive,
        actualNormalized,
        actualNormalized.map(() => 0),
      ),
      range: rangeOf(weeks.slice(firstHeldOut)),
      days: actual.length,
    };
  } finally {
    output?.dispose();
    sequence.dispose();
  }
}
