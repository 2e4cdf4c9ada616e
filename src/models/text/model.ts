/**
 * The word model: Embedding → LSTM → Dense logits over the vocabulary, one prediction per
 * position (trained on whole chunks, not one label per 50-word window: 50× less LSTM work for
 * the same number of predictions). Shared by Node training/eval and the browser.
 */
import * as tf from '@tensorflow/tfjs';
import { setForgetBias } from '../common/forget-bias.ts';

export interface TextModelConfig {
  /** Input and output size: padding, the words and unknown (Vocabulary.idCount). */
  idCount: number;
  embeddingSize: number;
  lstmUnits: number;
  /** Dropout on the LSTM's outputs, before the softmax layer. */
  dropout: number;
  /** Dropout on the embedded words (default dropout / 3). */
  embeddingDropout?: number;
  /**
   * Dropout on the LSTM's recurrent state, one mask per sequence for all its steps (variational
   * dropout, Gal & Ghahramani 2016): regularises the weights that carry context (default 0).
   */
  recurrentDropout?: number;
  /** The LSTM's gate activation: 'sigmoid' (default, see below); 'hardSigmoid' for older packages and tests. */
  gateActivation?: 'sigmoid' | 'hardSigmoid';
}

export const DEFAULT_TEXT_MODEL: Omit<TextModelConfig, 'idCount'> = { embeddingSize: 100, lstmUnits: 256, dropout: 0.3 };

export function createTextModel(config: TextModelConfig, seed = 7): tf.LayersModel {
  const ids = tf.input({ shape: [null], dtype: 'int32', name: 'ids' });
  const embedded = tf.layers
    .embedding({
      inputDim: config.idCount,
      outputDim: config.embeddingSize,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
      name: 'embedding',
    })
    .apply(ids) as tf.SymbolicTensor;
  const states = tf.layers
    // Sigmoid gates (Keras's default since 2.3), not tfjs's hardSigmoid: a hard-sigmoid gate that
    // saturates at exactly 1 has zero gradient and never reopens; trained that way, the forget and
    // input gates stuck open, the cell state grew by ~1 per word and the model read only the last
    // ~10 words (training/text/context-reach.ts). Forget bias 1 (Keras's unit_forget_bias, set
    // below) starts the cell remembering.
    .lstm({
      units: config.lstmUnits,
      returnSequences: true,
      recurrentActivation: config.gateActivation ?? 'sigmoid',
      recurrentDropout: config.recurrentDropout ?? 0,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 2 }),
      name: 'lstm',
    })
    .apply(tf.layers.dropout({ rate: config.embeddingDropout ?? config.dropout / 3, seed: seed + 3 }).apply(embedded)) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({ units: config.idCount, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 4 }), name: 'logits' })
    .apply(tf.layers.dropout({ rate: config.dropout, seed: seed + 5 }).apply(states)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: ids, outputs: logits, name: 'text' });
  setForgetBias(model.getLayer('lstm'));
  return model;
}

/**
 * Mean cross-entropy (nats) of integer targets under logits [rows, idCount], without a one-hot
 * matrix: log-softmax, then pick each row's target with one gather on the flattened matrix.
 * Targets equal to `ignoreId` (padding) do not count.
 */
export function sparseCrossEntropy(logits: tf.Tensor2D, targets: Int32Array, ignoreId = 0): tf.Scalar {
  return tf.tidy(() => {
    const [rows, classes] = logits.shape;
    const picks: number[] = [];
    for (let r = 0; r < rows; r++) if (targets[r] !== ignoreId) picks.push(r * classes + targets[r]);
    const logProbabilities = tf.logSoftmax(logits).reshape([-1]);
    return tf.gather(logProbabilities, tf.tensor1d(picks, 'int32')).mean().neg() as tf.Scalar;
  });
}
