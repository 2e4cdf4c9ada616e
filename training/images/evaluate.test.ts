import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import type { CatCoffeeSet } from './cat-coffee.ts';
import { validationScores } from './evaluate.ts';
import { stratifiedSplit } from './split.ts';

beforeAll(() => useNodeBackend('wasm'));

const SIZE = 4;

/** 20 tiny images, labels alternating; the pixels do not matter to the constant model below. */
function tinySet(): CatCoffeeSet {
  const count = 20;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 2);
  return { classes: ['cat', 'coffee'], files: [], labels, pixels: new Uint8Array(count * SIZE * SIZE * 3).fill(128), size: SIZE, count };
}

/** Answers [0.8, 0.2] for every image: softmax of a constant bias. */
function constantModel(): tf.LayersModel {
  const input = tf.input({ shape: [SIZE, SIZE, 3] });
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'zeros' });
  const model = tf.model({ inputs: input, outputs: dense.apply(flat) as tf.SymbolicTensor });
  dense.setWeights([tf.zeros([SIZE * SIZE * 3, 2]), tf.tensor1d([Math.log(0.8), Math.log(0.2)])]);
  return model;
}

describe('validationScores', () => {
  it('counts right answers and averages −ln p(true label) over the validation split', () => {
    const set = tinySet();
    const model = constantModel();
    const { validation } = stratifiedSplit(set.labels);
    const cats = validation.filter((k) => set.labels[k] === 0).length;
    const scores = validationScores(model, set, { interpolation: 'bilinear', mode: 'raw' });
    expect(cats).toBeGreaterThan(0);
    expect(cats).toBeLessThan(validation.length);
    expect(scores.accuracy).toBeCloseTo(cats / validation.length, 10);
    const expected = (cats * -Math.log(0.8) + (validation.length - cats) * -Math.log(0.2)) / validation.length;
    expect(scores.logLoss).toBeCloseTo(expected, 5);
    model.dispose();
  });
});
