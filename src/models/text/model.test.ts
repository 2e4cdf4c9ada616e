import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { createTextModel, sparseCrossEntropy } from './model.ts';

beforeAll(() => useNodeBackend('wasm'));

describe('sparseCrossEntropy', () => {
  it('equals the one-hot softmax cross-entropy, skipping padding targets', async () => {
    const logits = tf.tensor2d([
      [1, 2, 3, 0.5],
      [0, 0, 0, 0],
      [2, -1, 0.5, 3],
    ]);
    const targets = new Int32Array([2, 0, 3]);
    const ours = (await sparseCrossEntropy(logits, targets).data())[0];
    const reference = tf.losses.softmaxCrossEntropy(
      tf.tensor2d([
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ]),
      tf.tensor2d([
        [1, 2, 3, 0.5],
        [2, -1, 0.5, 3],
      ]),
    );
    expect(ours).toBeCloseTo((await reference.data())[0], 5);
    // By hand: row 0: log(e+e²+e³+e^.5) − 3.
    const row0 = Math.log(Math.E + Math.E ** 2 + Math.E ** 3 + Math.E ** 0.5) - 3;
    const row2 = Math.log(Math.E ** 2 + Math.E ** -1 + Math.E ** 0.5 + Math.E ** 3) - 3;
    expect(ours).toBeCloseTo((row0 + row2) / 2, 5);
  });

  it('has gradients on the wasm backend (Gather → UnsortedSegmentSum) and leaks nothing', () => {
    const logits = tf.variable(tf.randomNormal([6, 5], 0, 1, 'float32', 3));
    const targets = new Int32Array([1, 2, 3, 4, 0, 1]);
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(() => sparseCrossEntropy(logits as unknown as tf.Tensor2D, targets), [logits]);
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    expect(grads[logits.name].shape).toEqual([6, 5]);
    tf.dispose([value, grads[logits.name]]);
    expect(tf.memory().numTensors).toBe(before);
    logits.dispose();
  });
});

describe('createTextModel', () => {
  it('maps [batch, time] ids to [batch, time, idCount] logits, for any length', () => {
    const model = createTextModel({ idCount: 30, embeddingSize: 8, lstmUnits: 6, dropout: 0.1 });
    for (const time of [1, 7, 50]) {
      const out = tf.tidy(() => model.predict(tf.zeros([2, time], 'int32')) as tf.Tensor);
      expect(out.shape).toEqual([2, time, 30]);
      out.dispose();
    }
    model.dispose();
  });

  it(
    'leaves nothing behind once disposed (tfjs-layers leaks the LSTM ' + 'forget-bias initial value; see src/models/common/forget-bias.ts)',
    () => {
      const before = tf.memory().numTensors;
      createTextModel({ idCount: 30, embeddingSize: 8, lstmUnits: 6, dropout: 0.1 }).dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('applies recurrent dropout only while training: prediction stays deterministic', () => {
    const model = createTextModel({ idCount: 30, embeddingSize: 8, lstmUnits: 6, dropout: 0, embeddingDropout: 0, recurrentDropout: 0.5 });
    expect(model.getLayer('lstm').getConfig().recurrentDropout).toBe(0.5);
    const ids = tf.tensor2d([[3, 4, 5, 6, 7, 8]], [1, 6], 'int32');
    const [first, second, trained] = tf.tidy(
      () => [model.predict(ids), model.predict(ids), model.apply(ids, { training: true })] as tf.Tensor[],
    );
    expect(Array.from(second.dataSync())).toEqual(Array.from(first.dataSync()));
    // The first step has a zero state, so dropout on it changes nothing; later steps differ.
    const gap = tf.tidy(() => trained.sub(first).abs().max().dataSync()[0]);
    expect(gap).toBeGreaterThan(1e-4);
    tf.dispose([ids, first, second, trained]);
    model.dispose();
  });
});
