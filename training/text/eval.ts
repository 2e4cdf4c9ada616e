/**
 * Held-out quality of a text model package, as the issue defines it: cross-entropy (nats) and top-1
 * accuracy of the next word given the previous 50, over held-out abstracts (never trained on).
 * Evaluating all ~33k windows takes ~5 minutes on one shared core, so a fixed seeded sample is used
 * (the same one every run; n says how many).
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom, shuffledIndices } from '../../src/models/common/random';
import { WINDOW_LENGTH } from '../../src/models/text/constants';
import { encodeWords } from '../../src/models/text/encode';
import { TextNetwork } from '../../src/models/text/network';
import type { Vocabulary } from '../../src/models/text/vocabulary';
import { parseVocabulary } from '../../src/models/text/vocabulary-json';
import { loadLayersModel } from '../lib/model-files';
import { loadTextCorpus, type PatentAbstract } from './corpus';
import { makeWindows, type Windows } from './windows';
import { measureLastPositions, scoreRows, type TextQuality } from './evaluate';

export const EVAL_SAMPLE_SEED = 2024;
export const EVAL_SAMPLE_SIZE = 8192;

export interface TextMeasurement {
  model: 'text';
  metric: 'cross_entropy' | 'accuracy' | 'cross_entropy_training_abstracts' | 'accuracy_training_abstracts';
  value: number;
  n: number;
}

export interface WindowSet {
  /** The abstracts, encoded. */
  sequences: Int32Array[];
  windows: Windows;
  /** Which windows are measured: a fixed seeded sample. */
  sample: Uint32Array;
  /** Share of all their targets that are the unknown id (words outside the vocabulary cap). */
  unknownTargetShare: number;
}

/** Held-out windows encoded with the package's own vocabulary; the split is training's. */
export function heldOutSet(vocabulary: Vocabulary, dataDir: string, sampleSize = EVAL_SAMPLE_SIZE): WindowSet {
  return windowSet(vocabulary, loadTextCorpus({ dir: dataDir, maxWords: vocabulary.size }).heldOut, sampleSize);
}

/** The windows of `abstracts`, with a fixed seeded sample of them. */
function windowSet(vocabulary: Vocabulary, abstracts: readonly PatentAbstract[], sampleSize: number): WindowSet {
  const sequences = abstracts.map((a) => encodeWords(vocabulary, a.words));
  const windows = makeWindows(sequences, WINDOW_LENGTH);
  let unknown = 0;
  for (const label of windows.labels) if (label === vocabulary.unknownId) unknown++;
  const sample = shuffledIndices(windows.count, seededRandom(EVAL_SAMPLE_SEED)).slice(0, Math.min(sampleSize, windows.count));
  return { sequences, windows, sample, unknownTargetShare: unknown / windows.count };
}

export type WindowQuality = TextQuality;

/** Cross-entropy and accuracy at each window's last position (the output layer runs only there). */
export function measureWindows(network: TextNetwork, windows: Windows, rows: ArrayLike<number>, batch = 256): WindowQuality {
  return measureLastPositions(windows, rows, (ids) => network.windowLogits(ids), batch);
}

/**
 * The same targets as `measureWindows(rows)`, but predicted with every earlier word of the abstract
 * as context (the state carried from its first word), as stateful generation does past 50 words.
 */
export function measureCarriedState(network: TextNetwork, sequences: readonly Int32Array[], rows: ArrayLike<number>, length = WINDOW_LENGTH): WindowQuality {
  const wanted = new Set(Array.from(rows));
  let nats = 0;
  let correct = 0;
  let base = 0;
  for (const sequence of sequences) {
    const count = Math.max(0, sequence.length - length);
    const targets: number[] = [];
    for (let k = 0; k < count; k++) if (wanted.has(base + k)) targets.push(length + k);
    base += count;
    if (targets.length === 0) continue;
    const last = targets[targets.length - 1];
    const ids = tf.tensor2d(sequence.subarray(0, last), [1, last], 'int32');
    const logits = network.positionLogits(ids, targets.map((t) => t - 1));
    const { logProbabilities, top } = scoreRows(logits, Int32Array.from(targets, (t) => sequence[t]));
    tf.dispose([ids, logits]);
    targets.forEach((t, i) => {
      nats -= logProbabilities[i];
      if (top[i] === sequence[t]) correct++;
    });
  }
  return { crossEntropy: nats / wanted.size, accuracy: correct / wanted.size, n: wanted.size };
}

export function readPackageVocabulary(modelDir: string): Vocabulary {
  return parseVocabulary(readFileSync(path.join(modelDir, 'vocabulary.json'), 'utf8'));
}

/**
 * `npm run eval`'s text lines, measured on the committed package in modelDir. The goal is on held-out
 * abstracts; the "_training_abstracts" lines measure the same on windows of abstracts the model was
 * trained on, which is closer to the seed's validation split (its windows overlapped training's), so
 * the seed's 4.7379 / 26.72% can be compared like with like.
 */
export async function evaluateText(modelDir: string, dataDir: string): Promise<TextMeasurement[]> {
  const vocabulary = readPackageVocabulary(modelDir);
  const network = new TextNetwork(await loadLayersModel(modelDir));
  try {
    const corpus = loadTextCorpus({ dir: dataDir, maxWords: vocabulary.size });
    const lines = (set: WindowSet, suffix: '' | '_training_abstracts'): TextMeasurement[] => {
      const { crossEntropy, accuracy, n } = measureWindows(network, set.windows, set.sample);
      return [
        { model: 'text', metric: `cross_entropy${suffix}`, value: Number(crossEntropy.toFixed(4)), n },
        { model: 'text', metric: `accuracy${suffix}`, value: Number(accuracy.toFixed(4)), n },
      ];
    };
    return [...lines(windowSet(vocabulary, corpus.heldOut, EVAL_SAMPLE_SIZE), ''), ...lines(windowSet(vocabulary, corpus.train, EVAL_SAMPLE_SIZE), '_training_abstracts')];
  } finally {
    network.dispose();
  }
}
