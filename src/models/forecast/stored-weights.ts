/**
 * A forecast model's weights as plain arrays, the form in which IndexedDB keeps a model trained
 * on the device; the architecture is createForecastModel's, so the weights are all it needs.
 */
import * as tf from '@tensorflow/tfjs';
import { createForecastModel } from './model.ts';

export interface StoredWeight {
  shape: number[];
  values: Float32Array;
}

export async function weightsOf(model: tf.LayersModel): Promise<StoredWeight[]> {
  return Promise.all(model.getWeights().map(async (w) => ({ shape: [...w.shape], values: Float32Array.from(await w.data()) })));
}

/** The check a trained model must pass before it replaces the one serving: no NaN, no Infinity. */
export function allFinite(weights: readonly StoredWeight[]): boolean {
  return weights.every((w) => w.values.every(Number.isFinite));
}

export function modelFromWeights(weights: readonly StoredWeight[]): tf.LayersModel {
  const model = createForecastModel();
  const expected = model.getWeights().map((w) => w.shape.join('×'));
  const got = weights.map((w) => w.shape.join('×'));
  if (expected.join(',') !== got.join(',') || weights.some((w) => w.values.length !== w.shape.reduce((a, b) => a * b, 1))) {
    model.dispose();
    throw new Error(`The saved model's weights (${got.join(', ')}) do not fit this version's model (${expected.join(', ')}).`);
  }
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape, 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
  return model;
}
