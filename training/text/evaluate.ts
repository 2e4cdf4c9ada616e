/**
 * Next-word quality as the issue defines it: for every position with 50 words before it in a
 * held-out abstract, cross-entropy (nats) and top-1 accuracy of the model's prediction.
 */
import * as tf from '@tensorflow/tfjs';
import type { Windows } from './windows';

export interface TextQuality {
  crossEntropy: number;
  accuracy: number;
  n: number;
}

export function evaluateWindows(model: tf.LayersModel, windows: Windows, batch = 256, pick?: ArrayLike<number>): TextQuality {
  const rows: ArrayLike<number> = pick ?? Int32Array.from({ length: windows.count }, (_, i) => i);
  let nats = 0;
  let correct = 0;
  for (let start = 0; start < rows.length; start += batch) {
    const n = Math.min(batch, rows.length - start);
    const ids = new Int32Array(n * windows.length);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = rows[start + i];
      ids.set(windows.features.subarray(w * windows.length, (w + 1) * windows.length), i * windows.length);
      labels[i] = windows.labels[w];
    }
    const [logProbabilities, best] = tf.tidy(() => {
      const logits = model.predict(tf.tensor2d(ids, [n, windows.length], 'int32')) as tf.Tensor3D;
      const last = logits.slice([0, windows.length - 1, 0], [n, 1, -1]).squeeze([1]) as tf.Tensor2D;
      const logp = tf.logSoftmax(last);
      return [tf.gather(logp.reshape([-1]), tf.tensor1d(Array.from(labels, (l, i) => i * logp.shape[1] + l), 'int32')), last.argMax(-1)];
    });
    const lp = logProbabilities.dataSync();
    const top = best.dataSync();
    tf.dispose([logProbabilities, best]);
    for (let i = 0; i < n; i++) {
      nats -= lp[i];
      if (top[i] === labels[i]) correct++;
    }
  }
  return { crossEntropy: nats / rows.length, accuracy: correct / rows.length, n: rows.length };
}
