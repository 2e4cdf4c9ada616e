/**
 * One epoch of minibatch training for the digits and images scripts: fill a batch, one
 * trainOnBatch, a progress line now and then. What goes in a batch (order, augmentation, mixup)
 * is the caller's.
 */
import * as tf from '@tensorflow/tfjs';

export interface EpochPlan {
  /** Batches this epoch. */
  steps: number;
  batchSize: number;
  /** One example's shape, e.g. [28, 28, 1]. */
  exampleShape: [number, number, number];
  classes: number;
  /** Writes batch `step`'s examples into x (every value: x still holds the last batch) and their labels into y (zeroed). */
  fillBatch: (step: number, x: Float32Array, y: Float32Array) => void;
  /** A progress line every this many steps, and after the last. */
  logEvery: number;
  /** How the progress line starts, e.g. "epoch 3/10". */
  label: string;
}

export interface EpochResult {
  /** Mean training loss and accuracy over the epoch's batches (the model must be compiled with metrics: ['accuracy']). */
  loss: number;
  accuracy: number;
  seconds: number;
}

export async function trainEpoch(model: tf.LayersModel, plan: EpochPlan): Promise<EpochResult> {
  const { steps, batchSize, exampleShape, classes } = plan;
  const x = new Float32Array(batchSize * exampleShape[0] * exampleShape[1] * exampleShape[2]);
  const y = new Float32Array(batchSize * classes);
  const started = performance.now();
  let lossSum = 0;
  let accuracySum = 0;
  for (let step = 0; step < steps; step++) {
    y.fill(0);
    plan.fillBatch(step, x, y);
    const xs = tf.tensor4d(x, [batchSize, ...exampleShape]);
    const ys = tf.tensor2d(y, [batchSize, classes]);
    const [loss, accuracy] = (await model.trainOnBatch(xs, ys)) as number[];
    tf.dispose([xs, ys]);
    lossSum += loss;
    accuracySum += accuracy;
    if (step % plan.logEvery === 0 || step === steps - 1) {
      const rate = (performance.now() - started) / (step + 1);
      console.log(`${plan.label} step ${step + 1}/${steps} loss ${(lossSum / (step + 1)).toFixed(4)} ${rate.toFixed(0)} ms/step`);
    }
  }
  return { loss: lossSum / steps, accuracy: accuracySum / steps, seconds: (performance.now() - started) / 1000 };
}
