import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { addDays } from './dates.ts';
import { heldOutCount, heldOutMetrics, planWeeks } from './held-out.ts';
import { mape, rmse } from './metrics.ts';
import { createForecastModel } from './model.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { predictNormalizedWeek } from './predict.ts';

/** Closes 1, 2, 3, … on consecutive days. */
const series = (days: number, start = '2020-01-01'): PriceRow[] =>
  Array.from({ length: days }, (_, i) => ({ date: addDays(start, i), close: i + 1 }));

/** LSTM(7) → Dense(7) with every weight 0: it always predicts "no change". */
function zeroModel(): tf.LayersModel {
  const model = createForecastModel();
  const zeros = model.getWeights().map((w) => tf.zerosLike(w));
  model.setWeights(zeros);
  tf.dispose(zeros);
  return model;
}

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('planWeeks', () => {
  it('holds out a quarter of the weeks, at most 21, and trains on at most 186 before them', () => {
    expect([2, 3, 4, 7, 8, 84, 85, 1000].map(heldOutCount)).toEqual([0, 0, 1, 1, 2, 21, 21, 21]);
    const big = planWeeks(series(7 * 300 + 3));
    expect(big.weeks).toHaveLength(300);
    expect(big.firstHeldOut).toBe(279);
    expect(big.training).toHaveLength(186);
    expect(big.training[185]).toBe(big.weeks[278]);
    expect(big.heldOutRange).toEqual({ from: big.weeks[279].dates[0], to: addDays('2020-01-01', 7 * 300 + 2), weeks: 21 });
  });

  it('keeps every week for training when there are too few to hold any out', () => {
    const plan = planWeeks(series(15, '2024-01-01')); // 2 weeks, ending 2024-01-15
    expect(plan.training).toHaveLength(2);
    expect(plan.heldOutRange).toBeNull();
    expect(plan.trainingRange).toEqual({ from: '2024-01-02', to: '2024-01-15', weeks: 2 });
  });

  it('refuses fewer than two weeks, naming how many days there are', () => {
    expect(() => planWeeks(series(13))).toThrow('Training needs at least 2 complete weeks (14 days of prices); the data has 13 days.');
  });
});

describe('heldOutMetrics', () => {
  it('scores "no change" by hand: base 21, actual 22…28', async () => {
    const model = zeroModel();
    const plan = planWeeks(series(28));
    const metrics = (await heldOutMetrics(model, plan.weeks, plan.firstHeldOut))!;
    expect(metrics.days).toBe(7);
    expect(metrics.range).toEqual({ from: '2020-01-22', to: '2020-01-28', weeks: 1 });
    expect(metrics.naive.rmseUsd).toBeCloseTo(Math.sqrt(20), 9); // errors 1…7: √(140 / 7)
    expect(metrics.naive.mapePercent).toBeCloseTo((100 / 7) * [1, 2, 3, 4, 5, 6, 7].reduce((s, k) => s + k / (21 + k), 0), 9);
    expect(metrics.naive.mseNormalized).toBeCloseTo([1, 2, 3, 4, 5, 6, 7].reduce((s, k) => s + (k / 21) ** 2, 0) / 7, 9);
    // a model that predicts no change scores exactly as the naive forecast
    expect(metrics.model.rmseUsd).toBeCloseTo(metrics.naive.rmseUsd, 5);
    expect(metrics.model.mapePercent).toBeCloseTo(metrics.naive.mapePercent, 5);
    model.dispose();
  });

  it('the one-pass shortcut equals predicting each held-out week from its own prefix, and leaks no tensors', async () => {
    const model = createForecastModel({ seed: 5 });
    const rows = series(7 * 12).map((r, i) => ({ ...r, close: 100 + 10 * Math.sin(i / 3) + i }));
    const plan = planWeeks(rows);
    await heldOutMetrics(model, plan.weeks, plan.firstHeldOut);
    const before = tf.memory().numTensors;
    const metrics = (await heldOutMetrics(model, plan.weeks, plan.firstHeldOut))!;
    expect(tf.memory().numTensors).toBe(before);
    const actual: number[] = [];
    const predicted: number[] = [];
    for (let k = plan.firstHeldOut; k < plan.weeks.length; k++) {
      const y = await predictNormalizedWeek(model, plan.weeks.slice(0, k));
      const base = plan.weeks[k - 1].closes[6];
      actual.push(...plan.weeks[k].closes);
      predicted.push(...y.map((v) => base * (v + 1)));
    }
    expect(metrics.days).toBe(21);
    expect(metrics.model.rmseUsd).toBeCloseTo(rmse(actual, predicted), 4);
    expect(metrics.model.mapePercent).toBeCloseTo(mape(actual, predicted), 4);
    model.dispose();
  });

  it('is null when no week is held out', async () => {
    const model = createForecastModel();
    const plan = planWeeks(series(14));
    expect(await heldOutMetrics(model, plan.weeks, plan.firstHeldOut)).toBeNull();
    model.dispose();
  });
});
