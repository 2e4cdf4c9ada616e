/**
 * Training chunks for the sequence model: each abstract cut into pieces of at most `length`
 * inputs, each position's target the next id. A random offset per epoch moves the cut points,
 * so every word is seen with different amounts of context across epochs.
 */
import type { Random } from '../../src/models/common/random.ts';
import { PADDING_ID } from '../../src/models/text/vocabulary.ts';

export interface Chunks {
  count: number;
  length: number;
  /** count × length, padded with PADDING_ID. */
  inputs: Int32Array;
  /** count × length; PADDING_ID where there is no target (ignored by the loss). */
  targets: Int32Array;
}

/** Cut points for one sequence of n ids: 0, offset, offset + length, … up to n − 1 (the last input). */
export function cutPoints(n: number, length: number, offset: number): number[] {
  const points = [0];
  for (let p = offset > 0 ? offset : length; p < n - 1; p += length) points.push(p);
  points.push(n - 1);
  return points;
}

export function makeChunks(sequences: readonly ArrayLike<number>[], length: number, random: Random): Chunks {
  const pieces: Array<[ArrayLike<number>, number, number]> = [];
  for (const seq of sequences) {
    if (seq.length < 2) continue;
    const points = cutPoints(seq.length, length, Math.floor(random() * length));
    for (let i = 0; i + 1 < points.length; i++) pieces.push([seq, points[i], points[i + 1]]);
  }
  const inputs = new Int32Array(pieces.length * length).fill(PADDING_ID);
  const targets = new Int32Array(pieces.length * length).fill(PADDING_ID);
  pieces.forEach(([seq, start, end], c) => {
    for (let k = 0; k < end - start; k++) {
      inputs[c * length + k] = seq[start + k];
      targets[c * length + k] = seq[start + k + 1];
    }
  });
  return { count: pieces.length, length, inputs, targets };
}
