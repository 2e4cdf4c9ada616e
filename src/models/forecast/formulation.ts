/**
 * How a sequence of weeks becomes training data (x: [1, T, 7]; y: [1, 7] or [1, T, 7]).
 *
 * - 'reference' — the book's bitcoin_lstm_v0 and Cryptonic's Model: ONE sample. With n weeks,
 *   x is the sequence of the first n − 1 normalized weeks and y is the last normalized week
 *   (the book: 187 weeks from 2016-01-04, x = weeks 1…186, y = week 187). The network is fitted
 *   to a single target, 300 times.
 * - 'prefixes' — every prefix is a sample: weeks 1…t predict week t + 1, for every t. The LSTM
 *   is causal and starts from a zero state, so its output after step t depends on weeks 1…t
 *   only; one pass of a sequence-output LSTM over the n − 1 input weeks therefore computes all
 *   n − 1 prefix predictions at once, and its mean loss is the mean over those samples.
 *   Same data and same cost per epoch as 'reference', n − 1 targets instead of one.
 * - 'prefixes-last-close' — as 'prefixes', but each target week is expressed relative to the
 *   last close BEFORE it (p_i / previous week's p_6 − 1) instead of its own first close.
 *   That is exactly what Cryptonic's de-normalization, last close × (y + 1), assumes.
 *
 * All three read the same inputs (point-relative weeks) and give a model of the same shape,
 * LSTM(7) → Dense(7), so prediction code does not depend on the formulation.
 */
import { PERIOD_LENGTH } from './constants.ts';
import { normalizeWeek, type Week, weeksToInput } from './weeks.ts';

export const FORMULATIONS = ['reference', 'prefixes', 'prefixes-last-close'] as const;
export type Formulation = (typeof FORMULATIONS)[number];

export interface TrainingArrays {
  x: Float32Array;
  xShape: [number, number, number];
  y: Float32Array;
  yShape: [number, number] | [number, number, number];
  /** True when y has one target per input week (the model must return sequences). */
  perStep: boolean;
}

export const MIN_TRAINING_WEEKS = 2;

export function isFormulation(name: string): name is Formulation {
  return (FORMULATIONS as readonly string[]).includes(name);
}

export function trainingArrays(weeks: readonly Week[], formulation: Formulation): TrainingArrays {
  if (weeks.length < MIN_TRAINING_WEEKS) {
    throw new Error(
      `Training needs at least ${MIN_TRAINING_WEEKS} complete weeks ` +
        `(${MIN_TRAINING_WEEKS * PERIOD_LENGTH} days of prices); got ${weeks.length}.`,
    );
  }
  const inputs = weeks.slice(0, -1);
  const steps = inputs.length;
  const x = weeksToInput(inputs);
  const xShape: [number, number, number] = [1, steps, PERIOD_LENGTH];
  if (formulation === 'reference') {
    const y = Float32Array.from(normalizeWeek(weeks[weeks.length - 1].closes));
    return { x, xShape, y, yShape: [1, PERIOD_LENGTH], perStep: false };
  }
  const y = new Float32Array(steps * PERIOD_LENGTH);
  for (let t = 0; t < steps; t++) {
    const target = weeks[t + 1].closes;
    const base = formulation === 'prefixes' ? target[0] : weeks[t].closes[PERIOD_LENGTH - 1];
    for (let i = 0; i < PERIOD_LENGTH; i++) y[t * PERIOD_LENGTH + i] = target[i] / base - 1;
  }
  return { x, xShape, y, yShape: [1, steps, PERIOD_LENGTH], perStep: true };
}
