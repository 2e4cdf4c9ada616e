import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPixels } from '../../src/models/images/classify.ts';
import { createImageModel, IMAGE_LABELS, IMAGE_PREPROCESSING, IMAGE_SIZE } from '../../src/models/images/model.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadLayersModel, saveLayersModel } from '../lib/model-files.ts';
import { blockFiltersOf, ensembleOf, membersOf } from './ensemble.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tabml-ensemble-'));
beforeAll(async () => {
  await useNodeBackend('wasm');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A network whose weights (batch-norm statistics included) are all non-trivial random numbers. */
function randomNetwork(seed: number, filters: number[]): tf.LayersModel {
  const model = createImageModel(seed, filters);
  model.layers.forEach((layer, l) =>
    layer.setWeights(
      layer.getWeights().map((w, k) => tf.tidy(() => tf.randomUniform(w.shape, 0.5, 1.5, 'float32', seed * 1000 + l * 10 + k))),
    ),
  );
  return model;
}

describe('ensembleOf', () => {
  let a: tf.LayersModel;
  let b: tf.LayersModel;
  let images: tf.Tensor4D;
  beforeAll(() => {
    a = randomNetwork(1, [4, 8, 8, 16]);
    b = randomNetwork(2, [8, 8, 16, 16]);
    images = tf.randomUniform([3, IMAGE_SIZE, IMAGE_SIZE, 3], -100, 100, 'float32', 3);
  });

  it('reads each member network’s filters per block', () => {
    expect(blockFiltersOf(createImageModel())).toEqual([16, 32, 64, 128]);
    expect(blockFiltersOf(b)).toEqual([8, 8, 16, 16]);
  });

  it('averages the members’ probabilities, with their weights copied exactly', () => {
    const ensemble = ensembleOf([a, b]);
    const expected = tf.tidy(() => (a.predict(images) as tf.Tensor).add(b.predict(images) as tf.Tensor).div(2));
    const actual = ensemble.predict(images) as tf.Tensor;
    expect(actual.shape).toEqual([3, IMAGE_LABELS.length]);
    const expectedValues = Array.from(expected.dataSync());
    Array.from(actual.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expectedValues[i], 5));
    // Not a tautology: the two members disagree, so the average differs from either alone.
    const first = (a.predict(images) as tf.Tensor).dataSync();
    expect(Math.max(...Array.from(first, (v, i) => Math.abs(v - expectedValues[i])))).toBeGreaterThan(1e-3);
    tf.dispose([expected, actual]);
    ensemble.dispose();
  });

  it('survives a save and load as one package, and classifies without leaking', async () => {
    const ensemble = ensembleOf([a, b]);
    await saveLayersModel(ensemble, dir);
    const loaded = await loadLayersModel(dir);
    const [before, after] = [ensemble.predict(images) as tf.Tensor, loaded.predict(images) as tf.Tensor];
    const beforeValues = Array.from(before.dataSync());
    Array.from(after.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(beforeValues[i], 6));
    tf.dispose([before, after]);

    const card = { data: new Uint8ClampedArray(50 * 40 * 4).fill(90), width: 50, height: 40, channels: 4 as const };
    await classifyPixels(loaded, card, [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS);
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await classifyPixels(loaded, card, [IMAGE_SIZE, IMAGE_SIZE], IMAGE_PREPROCESSING, IMAGE_LABELS);
    expect(tf.memory().numTensors).toBe(tensors);
    ensemble.dispose();
    loaded.dispose();
  });

  it('gives back each member as a model of its own, and none for a single network', () => {
    const ensemble = ensembleOf([a, b]);
    const members = membersOf(ensemble);
    expect(members).toHaveLength(2);
    [a, b].forEach((original, m) => {
      const [want, got] = [original.predict(images) as tf.Tensor, members[m].predict(images) as tf.Tensor];
      const wanted = Array.from(want.dataSync());
      Array.from(got.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(wanted[i], 5));
      tf.dispose([want, got]);
    });
    expect(membersOf(a)).toEqual([]);
    ensemble.dispose();
  });

  it('refuses a member that is not one of these networks', () => {
    const other = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4] })] });
    expect(() => ensembleOf([a, other])).toThrow(/member 2/);
    other.dispose();
  });
});
