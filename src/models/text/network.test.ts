import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { seededRandom } from '../common/random.ts';
import { createTextModel } from './model.ts';
import { disposeState, TextNetwork } from './network.ts';
import { smallTextNetwork } from './test-network.ts';

let network: TextNetwork;
let hardGates: TextNetwork;
beforeAll(async () => {
  await useNodeBackend('wasm');
  network = smallTextNetwork();
  hardGates = smallTextNetwork(40, 5, 'hardSigmoid');
});
afterAll(() => {
  network.dispose();
  hardGates.dispose();
});

const randomIds = (n: number, seed: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => 1 + Math.floor(random() * (network.idCount - 1)));
};

/** The stateful path's next-word distribution after reading `ids`, one cell step at a time. */
function statefulProbabilities(ids: number[], network: TextNetwork): Float32Array {
  let state = network.zeroState();
  for (const id of ids) {
    const next = network.advance(state, id);
    disposeState(state);
    state = next;
  }
  const probabilities = tf.tidy(() => tf.softmax(network.stateLogits(state)).dataSync() as Float32Array);
  disposeState(state);
  return probabilities;
}

describe('TextNetwork', () => {
  it.each([
    ['sigmoid', () => network],
    ['hard sigmoid', () => hardGates],
  ])('gives the same next-word distribution stepping with (h, c) as the full model on the whole sequence (%s gates)', (_, pick) => {
    const network = pick();
    for (const [length, seed] of [
      [1, 1],
      [7, 2],
      [23, 3],
      [50, 4],
      [50, 5],
    ]) {
      const ids = randomIds(length, seed);
      const stepped = statefulProbabilities(ids, network);
      // The reference: the trained graph as saved (dropout off), all positions, the last one kept.
      const full = tf.tidy(() => {
        const logits = network.model.predict(tf.tensor2d([ids], [1, length], 'int32')) as tf.Tensor3D;
        return tf.softmax(logits.slice([0, length - 1, 0], [1, 1, -1]).reshape([1, -1])).dataSync() as Float32Array;
      });
      const windowed = tf.tidy(() => tf.softmax(network.windowLogits(tf.tensor2d([ids], [1, length], 'int32'))).dataSync() as Float32Array);
      const maxDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
      expect(maxDifference(stepped, full)).toBeLessThan(1e-4);
      expect(maxDifference(windowed, full)).toBeLessThan(1e-4);
      // The outputs are far from uniform, so agreeing is not a coincidence.
      expect(Math.max(...full)).toBeGreaterThan(5 / network.idCount);
    }
  });

  it('leaves no tensors behind after stepping and windows', () => {
    const before = tf.memory().numTensors;
    statefulProbabilities(randomIds(30, 9), network);
    const ids = tf.tensor2d([randomIds(5, 1)], [1, 5], 'int32');
    tf.dispose([network.windowLogits(ids), ids]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads the layer weights in place: one tensor of its own (the stacked gate kernel), freed on dispose', () => {
    const model = createTextModel({ idCount: 20, embeddingSize: 8, lstmUnits: 12, dropout: 0.1 }, 8);
    const withModel = tf.memory().numTensors;
    const weights = model.getWeights().length;
    const wrapped = new TextNetwork(model);
    expect(tf.memory().numTensors).toBe(withModel + 1);
    wrapped.dispose();
    expect(tf.memory().numTensors).toBe(withModel - weights);
  });

  it('release frees only its own tensor and leaves the model working (training measures through a view)', () => {
    const model = createTextModel({ idCount: 20, embeddingSize: 8, lstmUnits: 12, dropout: 0.1 }, 8);
    const withModel = tf.memory().numTensors;
    new TextNetwork(model).release();
    expect(tf.memory().numTensors).toBe(withModel);
    const ids = tf.tensor2d([[1, 5, 19, 3, 7]], [1, 5], 'int32');
    const logits = model.predict(ids) as tf.Tensor;
    expect(logits.shape).toEqual([1, 5, 20]);
    tf.dispose([ids, logits, model.getWeights()]);
  });
});
