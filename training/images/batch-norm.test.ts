import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { recalibrateBatchNorm } from './batch-norm.ts';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

/** conv → BN → relu → conv → BN, with moving statistics left at their initial 0 and 1. */
function smallNetwork(): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [6, 6, 2],
      filters: 3,
      kernelSize: 3,
      padding: 'same',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  );
  model.add(tf.layers.batchNormalization({ name: 'bn1' }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.add(tf.layers.batchNormalization({ name: 'bn2' }));
  return model;
}

describe('recalibrateBatchNorm', () => {
  it('makes each BN layer normalize the calibration images to mean 0, variance 1 per channel, layer after layer', () => {
    const random = seededRandom(4);
    const images = Float32Array.from({ length: 40 * 6 * 6 * 2 }, () => 50 + 30 * random());
    const model = smallNetwork();
    const convWeights = model.layers[0].getWeights().map((w) => w.dataSync().slice());
    recalibrateBatchNorm(model, images, [6, 6, 2], 16); // batches of 16, 16 and 8
    for (const name of ['bn1', 'bn2']) {
      const upTo = tf.model({ inputs: model.inputs, outputs: model.getLayer(name).output as tf.SymbolicTensor });
      const [mean, variance] = tf.tidy(() => {
        const y = upTo.predict(tf.tensor4d(images, [40, 6, 6, 2])) as tf.Tensor4D;
        const moments = tf.moments(y, [0, 1, 2]);
        return [moments.mean.arraySync() as number[], moments.variance.arraySync() as number[]];
      });
      // BN adds epsilon (1e-3) to the variance, hence a hair under 1.
      mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-3));
      variance.forEach((v) => expect(v).toBeGreaterThan(0.95));
      variance.forEach((v) => expect(v).toBeLessThan(1.0001));
    }
    // Only the statistics moved.
    model.layers[0].getWeights().forEach((w, i) => expect(w.dataSync()).toEqual(convWeights[i]));
    model.dispose();
  });
});
