/**
 * Next-word quality as the issue defines it: for positions with 50 words before them in held-out
 * abstracts, cross-entropy (nats) and top-1 accuracy of the model's prediction. One scorer for
 * training's per-epoch sample and `npm run eval` (both through evaluate.ts's measureWindows).
 */
import * as tf from '@tensorflow/tfjs';
import type { Windows } from './windows.ts';

export interface TextQuality {
  crossEntropy: number;
  accuracy: number;
  n: number;
}

/** Log-probabilities of `labels` under logits [rows, classes], and each row's top-1 class. */
export function scoreRows(logits: tf.Tensor2D, labels: Int32Array): { logProbabilities: Float32Array; top: Int32Array } {
  const classes = logits.shape[1];
  const [picked, best] = tf.tidy(() => {
    const logp = tf.logSoftmax(logits);
    return [
      tf.gather(
        logp.reshape([-1]),
        tf.tensor1d(
          Array.from(labels, (label, i) => i * classes + label),
          'int32',
        ),
      ),
      logp.argMax(-1),
    ];
  });
  const scores = { logProbabilities: picked.dataSync() as Float32Array, top: best.dataSync() as Int32Array };
  tf.dispose([picked, best]);
  return scores;
}

/**
 * Scores the windows `rows` in batches; `lastLogits` maps ids [n, 50] to the logits [n, classes]
 * of each window's last position.
 */
export function measureLastPositions(
  windows: Windows,
  rows: ArrayLike<number>,
  lastLogits: (ids: tf.Tensor2D) => tf.Tensor2D,
  batch = 256,
): TextQuality {
  let nats = 0;
  let correct = 0;
  const length = windows.length;
  for (let start = 0; start < rows.length; start += batch) {
    const n = Math.min(batch, rows.length - start);
    const ids = new Int32Array(n * length);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = rows[start + i];
      ids.set(windows.features.subarray(w * length, (w + 1) * length), i * length);
      labels[i] = windows.labels[w];
    }
    const logits = tf.tidy(() => lastLogits(tf.tensor2d(ids, [n, length], 'int32')));
    const { logProbabilities, top } = scoreRows(logits, labels);
    logits.dispose();
    for (let i = 0; i < n; i++) {
      nats -= logProbabilities[i];
      if (top[i] === labels[i]) correct++;
    }
  }
  return { crossEntropy: nats / rows.length, accuracy: correct / rows.length, n: rows.length };
}
