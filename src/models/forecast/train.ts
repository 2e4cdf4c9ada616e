/**
 * Trains a forecast model on a sequence of weeks: from fresh weights (Cryptonic's "train a new
 * model") or from an existing model's weights ("retrain the old model"). Isomorphic: the Node script and the
 * browser worker call the same function.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_EPOCHS } from './constants.ts';
import { type Formulation, trainingArrays } from './formulation.ts';
import { createForecastModel } from './model.ts';
import type { Week } from './weeks.ts';

export interface TrainForecastOptions {
  formulation: Formulation;
  /** Default 300, as in Cryptonic. */
  epochs?: number;
  seed?: number;
  /** RMSprop's learning rate; Keras's default. */
  learningRate?: number;
  /** Called after every epoch with the epoch number (1-based) and its MSE loss. */
  onEpochEnd?: (epoch: number, loss: number) => void | Promise<void>;
  /** Stops after the current epoch; the model trained so far is returned. */
  signal?: AbortSignal;
  /**
   * Start from these weights instead of fresh ones (Cryptonic's "retrain the old model"); any
   * model from createForecastModel has the same weights, whatever its formulation. Not disposed.
   */
  initialWeights?: tf.Tensor[];
}

export interface TrainedForecast {
  /** LSTM(7) → Dense(7), returning the next week only; the caller disposes it. */
  model: tf.LayersModel;
  /** MSE of every epoch completed. */
  losses: number[];
  stopped: boolean;
}

export async function trainForecastModel(weeks: readonly Week[], options: TrainForecastOptions): Promise<TrainedForecast> {
  const { formulation, epochs = DEFAULT_EPOCHS, seed = 7, learningRate = 0.001, onEpochEnd, signal, initialWeights } = options;
  const arrays = trainingArrays(weeks, formulation);
  const trainer = createForecastModel({ seed, returnSequences: arrays.perStep });
  if (initialWeights) trainer.setWeights(initialWeights);
  // Keras's RMSprop (rho 0.9, no momentum, epsilon 1e-7), all stated: tfjs's default epsilon is the
  // backend's, and tfjs 4.22's WebGL backend reports half precision (epsilon 1e-4) even on float32
  // GPUs, which slowed training there (losses 16 % off the CPU's after 20 epochs: e2e/parity.spec.ts).
  const optimizer = tf.train.rmsprop(learningRate, 0.9, 0, 1e-7);
  trainer.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor3d(arrays.x, arrays.xShape);
  const y = arrays.perStep
    ? tf.tensor3d(arrays.y, arrays.yShape as [number, number, number])
    : tf.tensor2d(arrays.y, arrays.yShape as [number, number]);
  const losses: number[] = [];
  try {
    if (!signal?.aborted) {
      // Cryptonic's fit: batch 1, no shuffling (there is one sample anyway).
      await trainer.fit(x, y, {
        batchSize: 1,
        epochs,
        shuffle: false,
        verbose: 0,
        callbacks: {
          onEpochEnd: async (epoch, logs) => {
            const loss = Number(logs?.loss);
            losses.push(loss);
            await onEpochEnd?.(epoch + 1, loss);
            if (signal?.aborted) trainer.stopTraining = true;
          },
        },
      });
    }
    // Copied into a model that returns only the next week, whatever the formulation.
    const model = createForecastModel({ seed, returnSequences: false });
    model.setWeights(trainer.getWeights());
    return { model, losses, stopped: losses.length < epochs };
  } finally {
    tf.dispose([x, y]);
    trainer.dispose();
    optimizer.dispose();
  }
}
