import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLayersModel } from '../../../training/lib/model-files.ts';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { predictDigit } from './predict.ts';
import { digitJson } from './result.ts';

let model: tf.LayersModel;

beforeAll(async () => {
  await useNodeBackend('wasm');
  model = await loadLayersModel(path.resolve('public/models/digits'));
});

describe('predictDigit with the committed model', () => {
  it('returns ten probabilities that sum to 1 and the argmax as the digit', async () => {
    const pixels = new Float32Array(784);
    for (let y = 4; y < 24; y++) pixels[y * 28 + 14] = 1; // a vertical bar: a 1
    const result = await predictDigit(model, pixels);
    expect(result.probabilities).toHaveLength(10);
    expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.digit).toBe(1);
    expect(result.confidence).toBe(Math.max(...result.probabilities));
    expect(JSON.parse(digitJson(result))).toMatchObject({ digit: 1 });
  });

  it('leaks no tensors over 200 predictions', async () => {
    const pixels = new Float32Array(784).map((_, i) => (i % 7) / 7);
    await predictDigit(model, pixels);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) await predictDigit(model, pixels);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects input of the wrong size without leaking', async () => {
    const before = tf.memory().numTensors;
    await expect(predictDigit(model, new Float32Array(10))).rejects.toThrow(/784/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
