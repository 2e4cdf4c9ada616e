/**
 * Held-out quality of a text model package, as the issue defines it: cross-entropy (nats) and top-1
 * accuracy of the next word given the previous 50, over held-out abstracts (never trained on).
 * Every held-out window is measured (~33k; ~3 minutes on one core): windows of one abstract are
 * alike, so a sample of them is noisier than its size suggests (an 8,192-window sample read 0.23
 * points of accuracy above the whole set, a 4,096-window one 1.3 points below). Training abstracts,
 * a secondary line, use a fixed seeded sample (n says how many).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { WINDOW_LENGTH } from '../../src/models/text/constants.ts';
import { encodeWords } from '../../src/models/text/encode.ts';
import { TextNetwork } from '../../src/models/text/network.ts';
import type { Vocabulary } from '../../src/models/text/vocabulary.ts';
import { parseVocabulary } from '../../src/models/text/vocabulary-json.ts';
import type { DescribedMeasurement } from '../eval-results.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { loadTextCorpus, type PatentAbstract } from './corpus.ts';
import { measureLastPositions, scoreRows, type TextQuality } from './score-windows.ts';
import { makeWindows, type Windows } from './windows.ts';

export const EVAL_SAMPLE_SEED = 2024;
/** Windows of training abstracts measured, and the held-out sample the export's quantization trial uses. */
export const EVAL_SAMPLE_SIZE = 8192;

export interface TextMeasurement extends DescribedMeasurement {
  model: 'text';
  metric: 'cross_entropy' | 'accuracy' | 'cross_entropy_training_abstracts' | 'accuracy_training_abstracts';
}

export interface WindowSet {
  /** The abstracts, encoded. */
  sequences: Int32Array[];
  windows: Windows;
  /** Which windows are measured: all of them, or a fixed seeded sample. */
  sample: Uint32Array;
  /** Share of all their targets that are the unknown id (words outside the vocabulary cap). */
  unknownTargetShare: number;
}

/** Every held-out window, encoded with the package's own vocabulary; the split is training's. */
export function heldOutSet(vocabulary: Vocabulary, dataDir: string, sampleSize = Infinity): WindowSet {
  return windowSet(vocabulary, loadTextCorpus({ dir: dataDir, maxWords: vocabulary.size }).heldOut, sampleSize);
}

/** The same windows, measuring a fixed seeded sample of `size` of them. */
export function sampleOf(set: WindowSet, size = EVAL_SAMPLE_SIZE): WindowSet {
  return { ...set, sample: seededSample(set.windows.count, size) };
}

function seededSample(count: number, size: number): Uint32Array {
  if (size >= count) return Uint32Array.from({ length: count }, (_, i) => i);
  return shuffledIndices(count, seededRandom(EVAL_SAMPLE_SEED)).slice(0, size);
}

/** The windows of `abstracts`: all of them measured, or a fixed seeded sample of `sampleSize`. */
function windowSet(vocabulary: Vocabulary, abstracts: readonly PatentAbstract[], sampleSize: number): WindowSet {
  const sequences = abstracts.map((a) => encodeWords(vocabulary, a.words));
  const windows = makeWindows(sequences, WINDOW_LENGTH);
  let unknown = 0;
  for (const label of windows.labels) if (label === vocabulary.unknownId) unknown++;
  const sample = seededSample(windows.count, sampleSize);
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
export function measureCarriedState(
  network: TextNetwork,
  sequences: readonly Int32Array[],
  rows: ArrayLike<number>,
  length = WINDOW_LENGTH,
): WindowQuality {
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
    const logits = network.positionLogits(
      ids,
      targets.map((t) => t - 1),
    );
    const { logProbabilities, top } = scoreRows(
      logits,
      Int32Array.from(targets, (t) => sequence[t]),
    );
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
 * Which windows to score: both sets (the default), or only the training abstracts' sample (npm run eval
 * scores the held-out windows in shares of their own, with tallyHeldOut).
 */
export type TextWindowSets = 'both' | 'training-abstracts';

/** Slice `index` (1-based) of `count` contiguous slices of the held-out windows. */
export interface WindowShare {
  index: number;
  count: number;
}

const WHOLE_SET: WindowShare = { index: 1, count: 1 };

/**
 * Held-out quality before rounding, with what its lines say about the set: tallies of several shares
 * merge into the whole set's (npm run eval scores the ~33k windows in one process per core).
 */
export interface HeldOutTally {
  quality: TextQuality;
  windows: number;
  unknownTargetShare: number;
}

/** Scores the held-out windows of `share` (all of them by default) with the package in modelDir. */
export async function tallyHeldOut(modelDir: string, dataDir: string, share: WindowShare = WHOLE_SET): Promise<HeldOutTally> {
  const vocabulary = readPackageVocabulary(modelDir);
  const network = new TextNetwork(await loadLayersModel(modelDir));
  try {
    return tallyShare(network, windowSet(vocabulary, loadTextCorpus({ dir: dataDir, maxWords: vocabulary.size }).heldOut, Infinity), share);
  } finally {
    network.dispose();
  }
}

function tallyShare(network: TextNetwork, set: WindowSet, share: WindowShare = WHOLE_SET): HeldOutTally {
  const from = Math.floor((set.sample.length * (share.index - 1)) / share.count);
  const to = Math.floor((set.sample.length * share.index) / share.count);
  const quality = measureWindows(network, set.windows, set.sample.subarray(from, to));
  return { quality, windows: set.windows.count, unknownTargetShare: set.unknownTargetShare };
}

/** The tally of the shares together: means weighted by how many windows each scored. */
export function mergeTallies(tallies: readonly HeldOutTally[]): HeldOutTally {
  const n = tallies.reduce((sum, t) => sum + t.quality.n, 0);
  const mean = (pick: (q: TextQuality) => number) => tallies.reduce((sum, t) => sum + pick(t.quality) * t.quality.n, 0) / n;
  return {
    quality: { crossEntropy: mean((q) => q.crossEntropy), accuracy: mean((q) => q.accuracy), n },
    windows: tallies[0].windows,
    unknownTargetShare: tallies[0].unknownTargetShare,
  };
}

/** `npm run eval`'s held-out lines. */
export function heldOutLines({ quality, windows, unknownTargetShare }: HeldOutTally): TextMeasurement[] {
  const unknownShare = `${(100 * unknownTargetShare).toFixed(2)}% of targets are the unknown id`;
  const data = `held-out abstracts: next word after 50 words, every one of the ${windows} windows; ${unknownShare}`;
  return qualityLines(quality, '', data);
}

function qualityLines({ crossEntropy, accuracy, n }: TextQuality, suffix: '' | '_training_abstracts', data: string): TextMeasurement[] {
  return [
    { model: 'text', metric: `cross_entropy${suffix}`, value: Number(crossEntropy.toFixed(4)), n, data },
    { model: 'text', metric: `accuracy${suffix}`, value: Number(accuracy.toFixed(4)), n, data: 'the same windows, top-1' },
  ];
}

/**
 * `npm run eval`'s text lines, measured on the committed package in modelDir. The goal is on held-out
 * abstracts; the "_training_abstracts" lines measure the same on windows of abstracts the model was
 * trained on, which is closer to the original app's validation split (its windows overlapped training's), so
 * the original app's 4.7379 / 26.72% can be compared like with like.
 */
export async function evaluateText(modelDir: string, dataDir: string, sets: TextWindowSets = 'both'): Promise<TextMeasurement[]> {
  const vocabulary = readPackageVocabulary(modelDir);
  const network = new TextNetwork(await loadLayersModel(modelDir));
  try {
    const corpus = loadTextCorpus({ dir: dataDir, maxWords: vocabulary.size });
    const heldOut = sets === 'training-abstracts' ? [] : heldOutLines(tallyShare(network, windowSet(vocabulary, corpus.heldOut, Infinity)));
    const trained = windowSet(vocabulary, corpus.train, EVAL_SAMPLE_SIZE);
    const data =
      `abstracts the model trained on (like the original app's overlapping split): ` +
      `seeded sample (seed ${EVAL_SAMPLE_SEED}) of ${trained.windows.count} windows`;
    return [...heldOut, ...qualityLines(measureWindows(network, trained.windows, trained.sample), '_training_abstracts', data)];
  } finally {
    network.dispose();
  }
}
