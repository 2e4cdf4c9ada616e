/**
 * Keras's unit_forget_bias for a tfjs LSTM layer: the forget gate's bias starts at 1, so a fresh
 * cell remembers. Set on the built weights because tfjs-layers' own `unitForgetBias` option builds
 * its initial value from tensors it never disposes (4 per model). The other biases stay as the
 * layer's bias initializer made them; the result equals `unitForgetBias: true` with zero biases.
 */
import * as tf from '@tensorflow/tfjs';

export function setForgetBias(lstm: tf.layers.Layer, value = 1): void {
  const [kernel, recurrent, bias] = lstm.getWeights();
  const units = bias.shape[0] / 4;
  const values = bias.dataSync().slice();
  values.fill(value, units, 2 * units); // Keras's gate order: input, forget, candidate, output
  const replaced = tf.tensor1d(values);
  lstm.setWeights([kernel, recurrent, replaced]);
  replaced.dispose();
}
