/**
 * Cryptonic's network: an LSTM with 7 units reading a sequence of normalized weeks, then
 * Dense(7) with a linear activation: the 7 normalized closes of the next week.
 * The input is [null, 7], so any number of weeks can be read.
 *
 * tfjs's LSTM defaults differ from Keras's (hard sigmoid gates, glorotNormal kernel, no forget
 * bias of 1); the book's model is Keras's, so those are set explicitly.
 */
import * as tf from '@tensorflow/tfjs';
import { setForgetBias } from '../common/forget-bias.ts';
import { PERIOD_LENGTH } from './constants.ts';

export interface ForecastModelOptions {
  seed?: number;
  /**
   * True gives one prediction per input week ([batch, weeks, 7]); the 'prefixes' formulations
   * train that way. The weights are the same either way, so they can be copied across.
   */
  returnSequences?: boolean;
}

export function createForecastModel({ seed = 7, returnSequences = false }: ForecastModelOptions = {}): tf.LayersModel {
  const model = tf.sequential({ name: returnSequences ? 'forecast_trainer' : 'forecast' });
  model.add(
    tf.layers.lstm({
      // Fixed names, so that the exported model.json does not depend on how many models
      // this process made before it.
      name: 'weeks_lstm',
      units: PERIOD_LENGTH,
      inputShape: [null, PERIOD_LENGTH],
      returnSequences,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 1, gain: 1 }),
      biasInitializer: 'zeros',
    }),
  );
  model.add(
    tf.layers.dense({
      name: 'next_week',
      units: PERIOD_LENGTH,
      activation: 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
    }),
  );
  setForgetBias(model.layers[0]);
  return model;
}
