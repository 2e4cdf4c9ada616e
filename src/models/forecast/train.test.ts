import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { addDays } from './dates.ts';
import { FORMULATIONS } from './formulation.ts';
import { createForecastModel } from './model.ts';
import type { PriceRow } from './parse-yahoo-csv.ts';
import { forecastNextWeek, predictNormalizedWeek } from './predict.ts';
import { trainForecastModel } from './train.ts';
import { groupIntoWeeks } from './weeks.ts';

/** A made-up price series: a slow trend with a weekly wave and a little seeded noise. */
function syntheticPrices(days: number, start = '2021-03-01'): PriceRow[] {
  let noise = 12345;
  return Array.from({ length: days }, (_, t) => {
    noise = (noise * 1103515245 + 12345) % 2147483648;
    const close = 1000 * 1.002 ** t * (1 + 0.03 * Math.sin((2 * Math.PI * t) / 7)) * (1 + 0.005 * (noise / 2147483648 - 0.5));
    return { date: addDays(start, t), close };
  });
}

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('createForecastModel', () => {
  it('accepts any number of weeks: [null, 7] → 7', () => {
    const model = createForecastModel();
    expect(model.inputs[0].shape).toEqual([null, null, 7]);
    for (const weeks of [1, 3, 40]) {
      const y = tf.tidy(() => model.predict(tf.zeros([1, weeks, 7])) as tf.Tensor);
      expect(y.shape).toEqual([1, 7]);
      y.dispose();
    }
    model.dispose();
  });

  it("starts with Keras's forget-gate bias of 1 and leaks nothing when disposed", () => {
    const before = tf.memory().numTensors;
    const model = createForecastModel();
    const bias = Array.from(model.layers[0].getWeights()[2].dataSync());
    expect(bias).toEqual([...Array(7).fill(0), ...Array(7).fill(1), ...Array(14).fill(0)]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the sequence model with the same weights predicts, at its last step, what the one-week model predicts', () => {
    const single = createForecastModel({ seed: 3 });
    const sequence = createForecastModel({ seed: 11, returnSequences: true });
    sequence.setWeights(single.getWeights());
    const x = tf.randomNormal([1, 5, 7], 0, 0.05, 'float32', 1);
    const a = single.predict(x) as tf.Tensor;
    const b = (sequence.predict(x) as tf.Tensor).slice([0, 4, 0], [1, 1, 7]).reshape([1, 7]);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    single.dispose();
    sequence.dispose();
  });
});

describe('trainForecastModel', () => {
  const weeks = groupIntoWeeks(syntheticPrices(7 * 12));

  for (const formulation of FORMULATIONS) {
    it(`'${formulation}' trains on a synthetic series without NaN, its loss falling, and leaks no tensors`, async () => {
      const before = tf.memory().numTensors;
      const epochs: number[] = [];
      const trained = await trainForecastModel(weeks, {
        formulation,
        epochs: 40,
        learningRate: 0.01,
        onEpochEnd: (e) => void epochs.push(e),
      });
      expect(epochs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(trained.losses).toHaveLength(40);
      expect(trained.losses.every(Number.isFinite)).toBe(true);
      expect(trained.losses[39]).toBeLessThan(trained.losses[0]);
      expect(trained.stopped).toBe(false);
      const y = await predictNormalizedWeek(trained.model, weeks);
      expect(y.every(Number.isFinite)).toBe(true);
      trained.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('is the same on every run with the same seed', async () => {
    const a = await trainForecastModel(weeks, { formulation: 'prefixes', epochs: 5 });
    const b = await trainForecastModel(weeks, { formulation: 'prefixes', epochs: 5 });
    expect(b.losses).toEqual(a.losses);
    a.model.dispose();
    b.model.dispose();
  });

  it('stops after the epoch in which it was aborted', async () => {
    const controller = new AbortController();
    const trained = await trainForecastModel(weeks, {
      formulation: 'reference',
      epochs: 50,
      signal: controller.signal,
      onEpochEnd: (epoch) => {
        if (epoch === 3) controller.abort();
      },
    });
    expect(trained.losses).toHaveLength(3);
    expect(trained.stopped).toBe(true);
    trained.model.dispose();
  });

  it('continues from initial weights ("retrain the old model") and does not dispose them', async () => {
    const old = createForecastModel({ seed: 99 });
    const initial = old.getWeights();
    const trained = await trainForecastModel(weeks, {
      formulation: 'prefixes-last-close',
      epochs: 1,
      learningRate: 1e-9,
      initialWeights: initial,
    });
    const after = trained.model.getWeights();
    after.forEach((w, i) => {
      const a = w.dataSync();
      const b = initial[i].dataSync();
      for (let j = 0; j < a.length; j++) expect(a[j]).toBeCloseTo(b[j], 5);
    });
    expect(initial[0].isDisposed).toBe(false);
    trained.model.dispose();
    old.dispose();
  });

  it('refuses fewer than two weeks', async () => {
    await expect(trainForecastModel(groupIntoWeeks(syntheticPrices(10)), { formulation: 'reference' })).rejects.toThrow(
      /at least 2 complete weeks/,
    );
  });
});

describe('forecastNextWeek', () => {
  it('dates the 7 predicted days after the last date, in prices from the last close', async () => {
    const model = createForecastModel();
    const rows = syntheticPrices(17, '2024-02-26'); // 2024-02-26 … 2024-03-13: 2 weeks, the first 3 days unused
    const forecast = await forecastNextWeek(model, rows);
    expect(forecast.weeks).toBe(2);
    expect(forecast.lastDate).toBe('2024-03-13');
    expect(forecast.lastClose).toBe(rows[16].close);
    expect(forecast.days.map((d) => d.date)).toEqual([
      '2024-03-14',
      '2024-03-15',
      '2024-03-16',
      '2024-03-17',
      '2024-03-18',
      '2024-03-19',
      '2024-03-20',
    ]);
    forecast.days.forEach((d, i) => expect(d.prediction).toBeCloseTo(rows[16].close * (forecast.normalized[i] + 1), 6));
    model.dispose();
  });

  it('accepts any number of weeks and leaks no tensors', async () => {
    const model = createForecastModel();
    await forecastNextWeek(model, syntheticPrices(7));
    const before = tf.memory().numTensors;
    for (const days of [7, 20, 7 * 30 + 3]) {
      const forecast = await forecastNextWeek(model, syntheticPrices(days));
      expect(forecast.weeks).toBe(Math.floor(days / 7));
      expect(forecast.days).toHaveLength(7);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('needs a week of prices', async () => {
    const model = createForecastModel();
    const before = tf.memory().numTensors;
    await expect(forecastNextWeek(model, syntheticPrices(6))).rejects.toThrow('A forecast needs at least 7 days of prices; got 6.');
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
