/**
 * The trained word model taken apart for generation: the embedding, the LSTM cell and the output
 * layer, so the app can (a) carry the LSTM state from word to word — one cell step per new word —
 * or (b) re-run a whole window, as the seed did, computing the output layer at the last position only.
 * Dropout layers are skipped: they do nothing at inference.
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

  constructor(readonly model: tf.LayersModel) {
    this.embedding = layerOfClass(model, 'Embedding', 'first');
    this.lstm = layerOfClass<tf.RNN>(model, 'LSTM', 'first');
    this.output = layerOfClass(model, 'Dense', 'last');
    this.units = (this.lstm.getConfig() as { units: number }).units;
    this.idCount = (this.output.getConfig() as { units: number }).units;
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
      const x = (this.embedding.apply(tf.tensor2d([[id]], [1, 1], 'int32')) as tf.Tensor3D).reshape([1, -1]);
      // LSTMCell.call([x, h, c]) → [output, h, c]: the same code the LSTM layer runs at every step.
      const [, h, c] = this.lstm.cell.call([x, state.h, state.c], {}) as tf.Tensor2D[];
      return { h, c };
    });
  }

  /** Logits of the next word given a state: [1, idCount]. */
  stateLogits(state: LstmState): tf.Tensor2D {
    return tf.tidy(() => this.output.apply(state.h) as tf.Tensor2D);
  }

  dispose(): void {
    this.model.dispose();
  }
}

export function disposeState(state: LstmState | null): void {
  if (state) tf.dispose([state.h, state.c]);
}
