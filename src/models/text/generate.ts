/**
 * Writing words after a prompt, two ways:
 * - 'stateful': the prompt's window runs through the LSTM once, then one cell step per new word,
 *   carrying (h, c). Past 50 words of text it keeps all the context it has read.
 * - 'fullReread': the full re-read, as the original app did it, kept to measure against: for every new word, the whole
 *   growing sequence (the prompt's window and every word written since) runs through the network again.
 * Both read the same context, so they compute the same distributions and the same random numbers
 * give the same words; only the cost differs (one cell step per word against the whole sequence).
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../common/random.ts';
import { WINDOW_LENGTH } from './constants.ts';
import { disposeState, type LstmState, type TextNetwork } from './network.ts';
import { sampleWithTemperature } from './sampling.ts';
import { PADDING_ID } from './vocabulary.ts';

export type GenerationMethod = 'stateful' | 'fullReread';

export interface GenerationOptions {
  /** How many new words. */
  words: number;
  diversity: number;
  random: Random;
  method: GenerationMethod;
  /** Never emitted (besides padding): the unknown id. */
  unknownId: number;
}

/** The window the network reads first: the prompt's last 50 ids. */
export function promptWindow(promptIds: ArrayLike<number>, length = WINDOW_LENGTH): Int32Array {
  return Int32Array.from(Array.from(promptIds).slice(-length));
}

async function logitsData(logits: tf.Tensor2D): Promise<Float32Array> {
  try {
    return (await logits.data()) as Float32Array;
  } finally {
    logits.dispose();
  }
}

/** Next-word logits source for each method; `push` tells it which word was chosen. */
interface Reader {
  next(): Promise<Float32Array>;
  push(id: number): void;
  dispose(): void;
}

function statefulReader(network: TextNetwork, window: Int32Array): Reader {
  let state: LstmState = network.zeroState();
  const step = (id: number) => {
    const next = network.advance(state, id);
    disposeState(state);
    state = next;
  };
  window.forEach(step);
  return { next: () => logitsData(network.stateLogits(state)), push: step, dispose: () => disposeState(state) };
}

function fullRereadReader(network: TextNetwork, window: Int32Array): Reader {
  const ids = Array.from(window);
  return {
    next: () => logitsData(tf.tidy(() => network.windowLogits(tf.tensor2d(ids, [1, ids.length], 'int32')))),
    push: (id) => ids.push(id),
    dispose: () => {},
  };
}

/**
 * Yields new word ids one at a time. Stopping early (break / return) frees the LSTM state, so a
 * cancelled generation leaves no tensors behind.
 */
export async function* generateIds(
  network: TextNetwork,
  promptIds: ArrayLike<number>,
  options: GenerationOptions,
): AsyncGenerator<number, void, undefined> {
  const window = promptWindow(promptIds);
  if (window.length === 0) throw new Error('The prompt has no words to start from.');
  const reader = options.method === 'stateful' ? statefulReader(network, window) : fullRereadReader(network, window);
  try {
    for (let n = 0; n < options.words; n++) {
      const logits = await reader.next();
      // float32 logits, float64 weights; the log-softmax shift cancels in the normalization.
      const id = sampleWithTemperature(logits, options.diversity, [PADDING_ID, options.unknownId], options.random);
      yield id;
      if (n + 1 < options.words) reader.push(id);
    }
  } finally {
    reader.dispose();
  }
}
