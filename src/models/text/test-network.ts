/** A small random-weight text model for unit tests: quick to run, with peaked (non-uniform) outputs. */
import * as tf from '@tensorflow/tfjs';
import { createTextModel } from './model.ts';
import { TextNetwork } from './network.ts';

/** Per weight, in order: embeddings, LSTM kernel, recurrent kernel, bias, output kernel, output bias. */
const SCALES = [20, 3, 3, 1, 30, 1];

export function smallTextNetwork(idCount = 40, seed = 3, gateActivation: 'sigmoid' | 'hardSigmoid' = 'sigmoid'): TextNetwork {
  const model = createTextModel({ idCount, embeddingSize: 8, lstmUnits: 12, dropout: 0.1, gateActivation }, seed);
  // Random weights give almost uniform outputs; larger ones make the comparisons meaningful.
  const scaled = model.getWeights().map((w, i) => tf.tidy(() => w.mul(SCALES[i] ?? 1)));
  model.setWeights(scaled);
  tf.dispose(scaled);
  return new TextNetwork(model);
}
