/**
 * Batch-norm recalibration: replaces every BatchNormalization layer's moving mean and variance
 * with the exact statistics of clean training images, layer by layer from the input.
 *
 * Why: the moving averages follow the images the network trained on, and mixup's blends of two
 * pictures have less contrast than any real one; a network evaluated with those statistics swings
 * by ±10 points of validation accuracy from one epoch to the next. Only the statistics change, no
 * learned weight does, and only training images are read.
 */
import * as tf from '@tensorflow/tfjs';

export function recalibrateBatchNorm(model: tf.LayersModel, images: Float32Array, shape: [number, number, number], batch = 100): void {
  const pixels = shape[0] * shape[1] * shape[2];
  const count = images.length / pixels;
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    // What this layer sees: the network up to it, with the layers before it already recalibrated.
    const upTo = tf.model({ inputs: model.inputs, outputs: layer.input as tf.SymbolicTensor });
    let sum = new Float64Array(0);
    let squares = new Float64Array(0);
    let values = 0; // per channel: images × height × width
    for (let start = 0; start < count; start += batch) {
      const n = Math.min(batch, count - start);
      const [s, s2, perChannel] = tf.tidy(() => {
        const x = tf.tensor4d(images.subarray(start * pixels, (start + n) * pixels), [n, ...shape]);
        const y = upTo.predict(x) as tf.Tensor;
        const axes = y.shape.slice(0, -1).map((_, i) => i);
        return [y.sum(axes), y.square().sum(axes), y.size / y.shape[y.shape.length - 1]] as const;
      });
      const [a, b] = [s.dataSync(), s2.dataSync()];
      tf.dispose([s, s2]);
      if (sum.length === 0) [sum, squares] = [new Float64Array(a.length), new Float64Array(a.length)];
      for (let c = 0; c < a.length; c++) {
        sum[c] += a[c];
        squares[c] += b[c];
      }
      values += perChannel;
    }
    const mean = Float32Array.from(sum, (v) => v / values);
    const variance = Float32Array.from(squares, (v, c) => Math.max(0, v / values - mean[c] * mean[c]));
    const weights = layer.getWeights();
    // tfjs orders them gamma, beta, moving mean, moving variance (the last two always present).
    const kept = weights.slice(0, weights.length - 2);
    const fresh = [tf.tensor1d(mean), tf.tensor1d(variance)];
    layer.setWeights([...kept, ...fresh]);
    tf.dispose(fresh);
  }
}
