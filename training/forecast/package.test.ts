import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/models/forecast/dates.ts';
import { isFormulation } from '../../src/models/forecast/formulation.ts';
import { forecastNextWeek } from '../../src/models/forecast/predict.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { readMeta } from '../lib/model-package.ts';
import { BOOK_SPLIT } from './book-split.ts';
import { METRIC_NAMES } from './evaluate.ts';

const dir = path.resolve('public/models/forecast');
let model: tf.LayersModel;

beforeAll(async () => {
  await useNodeBackend('wasm');
  model = await loadLayersModel(dir);
});
afterAll(() => model.dispose());

/** Made-up prices: a zigzag around 30,000. */
const prices = (days: number) =>
  Array.from({ length: days }, (_, t) => ({ date: addDays('2024-01-01', t), close: 30_000 + 500 * Math.sin(t) }));

describe('the committed forecast package', () => {
  it('says how it was made and what it measured', () => {
    const meta = readMeta(dir);
    expect(meta.task).toBe('forecast');
    expect(isFormulation(String(meta.training.formulation))).toBe(true);
    expect(meta.metrics.map((m) => m.metric)).toEqual([...METRIC_NAMES]);
    expect(meta.metrics.every((m) => m.n === 147 && Number.isFinite(m.value))).toBe(true);
    // The page reads the weeks it was trained on from here (shippedModelInfo), not from the prose.
    expect(meta.training.range).toEqual({ from: BOOK_SPLIT.trainStart, to: BOOK_SPLIT.trainEnd, weeks: 187 });
  });

  it('forecasts 7 finite prices from 1 week or 30, without leaking tensors', async () => {
    await forecastNextWeek(model, prices(7));
    const before = tf.memory().numTensors;
    for (const days of [7, 210]) {
      const forecast = await forecastNextWeek(model, prices(days));
      expect(forecast.days).toHaveLength(7);
      expect(forecast.days.every((d) => Number.isFinite(d.prediction) && d.prediction > 0)).toBe(true);
      // a week-ahead forecast of this model stays within ±50% of the last close
      expect(forecast.normalized.every((y) => Math.abs(y) < 0.5)).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
