/** Runs a model once on zeros so the first real request does not pay for shader compilation. */
import * as tf from '@tensorflow/tfjs';

export async function warmUp(model: tf.LayersModel, inputShape: number[]): Promise<void> {
  const warm = tf.tidy(() => model.predict(tf.zeros([1, ...inputShape])) as tf.Tensor);
  await warm.data();
  warm.dispose();
}
