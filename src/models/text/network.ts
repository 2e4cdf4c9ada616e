/**
 * The trained word model taken apart for generation: the embedding, the LSTM cell and the output
 * layer, so the app can (a) carry the LSTM state from word to word — one cell step per new word —
 * or (b) re-run a whole window, as the original app did, computing the output layer at the last position only.
 * Dropout layers are skipped: they do nothing at inference.
 *
 * The per-word path (advance, stateLogits) runs the cell's arithmetic on the layers' weights with
 * plain ops: for a batch of one word, tfjs-layers' own bookkeeping in Layer.apply and LSTMCell.call
 * costs more than the arithmetic. Unit tests hold it to the full model's output.
 */
import * as tf from '@tensorflow/tfjs';

/** The LSTM's hidden and cell state for a batch of one. */
export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

function layerOfClass<T extends tf.layers.Layer>(model: tf.LayersModel, className: string, pick: 'first' | 'last'): T {
  const found = model.layers.filter((layer) => layer.getClassName() === className);
  const layer = pick === 'first' ? found[0] : found[found.length - 1];
  if (!layer) throw new Error(`The text model has no ${className} layer.`);
  return layer as T;
}

export class TextNetwork {
  readonly idCount: number;
  readonly units: number;
  private readonly embedding: tf.layers.Layer;
  private readonly lstm: tf.RNN;
  private readonly output: tf.layers.Layer;
  // The per-word step reads the layers' own weights (no copies) plus one tensor of its own:
  // [kernel; recurrent kernel] stacked, so one matMul computes all four gates from [x, h].
  private readonly step: {
    embeddings: tf.Tensor2D;
    kernel: tf.Tensor2D;
    bias?: tf.Tensor1D;
    outputKernel: tf.Tensor2D;
    outputBias?: tf.Tensor1D;
  };
  private readonly gate: (x: tf.Tensor) => tf.Tensor;
  private readonly squash: (x: tf.Tensor) => tf.Tensor;

  constructor(readonly model: tf.LayersModel) {
    this.embedding = layerOfClass(model, 'Embedding', 'first');
    this.lstm = layerOfClass<tf.RNN>(model, 'LSTM', 'first');
    this.output = layerOfClass(model, 'Dense', 'last');
    this.units = (this.lstm.getConfig() as { units: number }).units;
    this.idCount = (this.output.getConfig() as { units: number }).units;
    const [kernel, recurrentKernel, bias] = this.lstm.getWeights() as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D?];
    const [outputKernel, outputBias] = this.output.getWeights() as [tf.Tensor2D, tf.Tensor1D?];
    this.step = {
      embeddings: this.embedding.getWeights()[0] as tf.Tensor2D,
      kernel: tf.concat([kernel, recurrentKernel], 0),
      bias,
      outputKernel,
      outputBias,
    };
    // The cell's own activations (sigmoid or Keras's hard sigmoid for the gates, tanh for the rest).
    const cell = this.lstm.cell as unknown as {
      activation: { apply(x: tf.Tensor): tf.Tensor };
      recurrentActivation: { apply(x: tf.Tensor): tf.Tensor };
    };
    this.gate = (x) => cell.recurrentActivation.apply(x);
    this.squash = (x) => cell.activation.apply(x);
  }

  /** Logits of the word after each row's window: ids [rows, time] → [rows, idCount]. */
  windowLogits(ids: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const sequence = this.lstm.apply(this.embedding.apply(ids)) as tf.Tensor3D;
      const [rows, time] = sequence.shape;
      const last = sequence.slice([0, time - 1, 0], [rows, 1, this.units]).reshape([rows, this.units]);
      return this.output.apply(last) as tf.Tensor2D;
    });
  }

  /**
   * Logits after each of `positions` in one sequence read from the start with the state carried
   * throughout (what stateful generation does past 50 words): ids [1, time] → [positions, idCount].
   */
  positionLogits(ids: tf.Tensor2D, positions: readonly number[]): tf.Tensor2D {
    return tf.tidy(() => {
      const sequence = (this.lstm.apply(this.embedding.apply(ids)) as tf.Tensor3D).reshape([-1, this.units]);
      return this.output.apply(tf.gather(sequence, tf.tensor1d(positions as number[], 'int32'))) as tf.Tensor2D;
    });
  }

  zeroState(): LstmState {
    return { h: tf.zeros([1, this.units]) as tf.Tensor2D, c: tf.zeros([1, this.units]) as tf.Tensor2D };
  }

  /** One LSTM step reading `id`; returns a new state (the caller disposes the old one). */
  advance(state: LstmState, id: number): LstmState {
    return tf.tidy(() => {
      const { embeddings, kernel, bias } = this.step;
      const x = tf.gather(embeddings, tf.tensor1d([id], 'int32'));
      // Keras's gate order: input, forget, candidate, output.
      const [i, f, g, o] = tf.split(tf.fused.matMul({ a: tf.concat([x, state.h], 1), b: kernel, bias }), 4, 1);
      const c = tf.add(tf.mul(this.gate(f), state.c), tf.mul(this.gate(i), this.squash(g))) as tf.Tensor2D;
      const h = tf.mul(this.gate(o), this.squash(c)) as tf.Tensor2D;
      return { h, c };
    });
  }

  /** Logits of the next word given a state: [1, idCount]. */
  stateLogits(state: LstmState): tf.Tensor2D {
    return tf.fused.matMul({ a: state.h, b: this.step.outputKernel, bias: this.step.outputBias }) as tf.Tensor2D;
  }

  /** Frees what this view allocated itself (the stacked kernel) and leaves the model to its owner. */
  release(): void {
    this.step.kernel.dispose();
  }

  dispose(): void {
    this.release();
    this.model.dispose();
  }
}

export function disposeState(state: LstmState | null): void {
  if (state) tf.dispose([state.h, state.c]);
}
