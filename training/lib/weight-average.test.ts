import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { WeightAverage } from './weight-average.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

const model = () => {
  const m = tf.sequential();
  m.add(tf.layers.dense({ inputShape: [2], units: 2 }));
  return m;
};
const setAll = (m: tf.LayersModel, value: number) => m.setWeights(m.getWeights().map((w) => tf.fill(w.shape, value)));
const flat = (m: tf.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));

describe('WeightAverage', () => {
  it('averages the weights it was shown, applies them, and restores the model', () => {
    const m = model();
    const average = WeightAverage.empty();
    for (const v of [1, 2, 6]) {
      setAll(m, v);
      average.add(m);
    }
    setAll(m, 10);
    const restore = average.applyTo(m);
    flat(m).forEach((v) => expect(v).toBeCloseTo(3, 6));
    restore();
    flat(m).forEach((v) => expect(v).toBe(10));
  });

  it('survives a checkpoint round trip and keeps counting', () => {
    const m = model();
    const average = WeightAverage.empty();
    setAll(m, 4);
    average.add(m);
    const reloaded = WeightAverage.fromBytes(average.toBytes(), m, average.count);
    setAll(m, 8);
    reloaded.add(m);
    const restore = reloaded.applyTo(m);
    flat(m).forEach((v) => expect(v).toBeCloseTo(6, 6));
    restore();
    const before = tf.memory().numTensors;
    reloaded.applyTo(m)();
    expect(tf.memory().numTensors).toBe(before);
  });
});
