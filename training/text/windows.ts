/**
 * Training pairs as the original app's `make_sequences(training_length=50)` made them: for every position
 * i ≥ length of an abstract, the previous `length` ids are the features and id i is the label.
 */
import { WINDOW_LENGTH } from '../../src/models/text/constants.ts';

export interface Windows {
  count: number;
  length: number;
  /** count × length ids, row-major: window w is features[w*length .. (w+1)*length). */
  features: Int32Array;
  labels: Int32Array;
}

/** Windows an abstract of each length gives (anything with a length: ids or words). */
export function countWindows(sequences: readonly { readonly length: number }[], length = WINDOW_LENGTH): number {
  return sequences.reduce((sum, seq) => sum + Math.max(0, seq.length - length), 0);
}

/** All windows, in abstract order then position order (shuffle at training time). */
export function makeWindows(sequences: readonly ArrayLike<number>[], length = WINDOW_LENGTH): Windows {
  const count = countWindows(sequences, length);
  const features = new Int32Array(count * length);
  const labels = new Int32Array(count);
  let w = 0;
  for (const seq of sequences) {
    for (let i = length; i < seq.length; i++, w++) {
      for (let k = 0; k < length; k++) features[w * length + k] = seq[i - length + k];
      labels[w] = seq[i];
    }
  }
  return { count, length, features, labels };
}
