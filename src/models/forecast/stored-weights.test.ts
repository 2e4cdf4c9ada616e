import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { createForecastModel } from './model.ts';
import { allFinite, modelFromWeights, weightsOf } from './stored-weights.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('stored weights', () => {
  it('round-trip: the rebuilt model predicts exactly as the original, and nothing leaks', async () => {
    const original = createForecastModel({ seed: 21 });
    const before = tf.memory().numTensors;
    const stored = await weightsOf(original);
    expect(stored.map((w) => w.shape)).toEqual([[7, 28], [7, 28], [28], [7, 7], [7]]);
    const rebuilt = modelFromWeights(stored);
    const x = tf.randomNormal([1, 4, 7], 0, 0.1, 'float32', 3);
    const [a, b] = [original.predict(x) as tf.Tensor, rebuilt.predict(x) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    rebuilt.dispose();
    expect(tf.memory().numTensors).toBe(before);
    original.dispose();
  });

  it('finds NaN and Infinity', async () => {
    const model = createForecastModel();
    const stored = await weightsOf(model);
    expect(allFinite(stored)).toBe(true);
    stored[3].values[5] = NaN;
    expect(allFinite(stored)).toBe(false);
    stored[3].values[5] = Infinity;
    expect(allFinite(stored)).toBe(false);
    model.dispose();
  });

  it('refuses weights of another shape without leaking', async () => {
    const before = tf.memory().numTensors;
    expect(() => modelFromWeights([{ shape: [2], values: new Float32Array(2) }])).toThrow(/do not fit this version's model/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
