import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { trainEpoch } from './train-epoch.ts';

describe('trainEpoch', () => {
  it('trains on every batch the caller fills, reports the mean loss and accuracy, and leaks no tensors', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [2, 2, 1] }),
        tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'zeros' }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const filled: number[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    const result = await trainEpoch(model, {
      steps: 3,
      batchSize: 2,
      exampleShape: [2, 2, 1],
      classes: 2,
      fillBatch: (step, x, y) => {
        filled.push(step);
        expect(y.every((v) => v === 0)).toBe(true);
        x.set([1, 0, 0, 0, 0, 0, 0, 1]);
        y.set([1, 0, 0, 1]);
      },
      logEvery: 2,
      label: 'epoch 1/1',
    });
    expect(filled).toEqual([0, 1, 2]);
    // Zero weights: the first batch's loss is ln 2; learning makes the next ones smaller.
    expect(result.loss).toBeLessThan(Math.log(2));
    expect(result.loss).toBeGreaterThan(0);
    expect(result.accuracy).toBeGreaterThanOrEqual(0);
    expect(result.accuracy).toBeLessThanOrEqual(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(vi.mocked(console.log).mock.calls.map(([line]) => String(line).split(' loss')[0])).toEqual([
      'epoch 1/1 step 1/3',
      'epoch 1/1 step 3/3',
    ]);
    vi.restoreAllMocks();
    model.dispose();
  });
});
