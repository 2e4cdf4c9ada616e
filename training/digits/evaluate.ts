/** Top-1 accuracy of a digit model on an MNIST split. */
import * as tf from '@tensorflow/tfjs';
import type { DigitSet } from './mnist.ts';

export function digitAccuracy(model: tf.LayersModel, set: DigitSet, batch = 500): number {
  let correct = 0;
  for (let start = 0; start < set.count; start += batch) {
    const n = Math.min(batch, set.count - start);
    const predicted = tf.tidy(() => {
      const pixels = tf.tensor4d(set.images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1], 'int32');
      const x = pixels.toFloat().div(255);
      return (model.predict(x) as tf.Tensor).argMax(-1);
    });
    const labels = predicted.dataSync();
    predicted.dispose();
    for (let i = 0; i < n; i++) if (labels[i] === set.labels[start + i]) correct++;
  }
  return correct / set.count;
}
