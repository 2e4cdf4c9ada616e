/**
 * Stochastic weight averaging (Izmailov et al., 2018; for LSTM language models, the averaged SGD of
 * Merity et al., 2017): a running mean of the network's weights over the last part of training,
 * which sits in a wider, flatter part of the loss than any single snapshot.
 * (Images: the averaged network's batch-norm statistics belong to no epoch; its export recomputes them.)
 */
import * as tf from '@tensorflow/tfjs';

/** The file beside a training checkpoint that holds its running average (WeightAverage.toBytes). */
export const AVERAGE_FILE = 'average.bin';

export class WeightAverage {
  private constructor(
    private means: Float32Array[],
    public count: number,
  ) {}

  static empty(): WeightAverage {
    return new WeightAverage([], 0);
  }

  /** Folds the model's current weights into the mean. */
  add(model: tf.LayersModel): void {
    const weights = model.getWeights();
    if (this.count === 0) this.means = weights.map((w) => new Float32Array(w.size));
    this.count++;
    weights.forEach((w, i) => {
      const value = w.dataSync();
      const mean = this.means[i];
      for (let k = 0; k < mean.length; k++) mean[k] += (value[k] - mean[k]) / this.count;
    });
  }

  /** Gives the model the averaged weights; the returned function puts its own weights back. */
  applyTo(model: tf.LayersModel): () => void {
    const own = model.getWeights().map((w) => w.clone());
    const averaged = own.map((w, i) => tf.tensor(this.means[i], w.shape));
    model.setWeights(averaged);
    tf.dispose(averaged);
    return () => {
      model.setWeights(own);
      tf.dispose(own);
    };
  }

  /** For the checkpoint: every mean, concatenated, as raw float32. */
  toBytes(): Uint8Array {
    const all = new Float32Array(this.means.reduce((n, m) => n + m.length, 0));
    let offset = 0;
    for (const m of this.means) {
      all.set(m, offset);
      offset += m.length;
    }
    return new Uint8Array(all.buffer);
  }

  static fromBytes(bytes: Uint8Array, model: tf.LayersModel, count: number): WeightAverage {
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    let offset = 0;
    const means = model.getWeights().map((w) => {
      const m = all.slice(offset, offset + w.size);
      offset += w.size;
      return m;
    });
    if (offset !== all.length) throw new Error('The saved weight average does not fit this model.');
    return new WeightAverage(means, count);
  }
}
