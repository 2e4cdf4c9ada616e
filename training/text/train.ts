/**
 * npm run train:text — trains the word LSTM on the training abstracts (DATA_DIR/patents) with the
 * WASM backend. Long on these CPUs: a checkpoint after every epoch (training/checkpoints/text, or
 * $CHECKPOINT_DIR/text);
 * run the command again to continue. Held-out abstracts are never trained on; a fixed sample of
 * their windows is measured after each epoch for the log (the full measure is `npm run eval`).
 *
 * Options: --epochs N (default 20), --batch N (chunks per step, default 64), --max-words N
 *          (vocabulary cap, default 10000), --steps N (per epoch; smoke tests), --fresh,
 *          --save-every N (also checkpoint inside an epoch every N steps, default 100: an epoch
 *          takes 20+ minutes here and sessions end abruptly).
 *          The network (fresh runs only; a resumed run keeps its checkpoint's): --embedding N,
 *          --units N, --dropout R (on the LSTM's outputs), --embedding-dropout R,
 *          --recurrent-dropout R (defaults: DEFAULT_TEXT_MODEL).
 *          --average-from N: after epoch N the learning rate stays constant and a running average of
 *          the weights (every --average-every steps, default 20) is kept in the checkpoint; the
 *          export ships the average. Can be added when resuming a run; once set, it stays.
 *          --average-learning-rate R: the constant rate while averaging (default: the schedule's
 *          rate at --average-from).
 *          --from-package DIR: start from a committed model package (e.g. public/models/text) instead
 *          of random weights, continuing its epoch count, history and learning-rate schedule; the
 *          network options may change its regularisation, not its shape. The package is the one
 *          checkpoint that outlives a machine (its weights come back from uint8, Adam starts anew).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { WINDOW_LENGTH } from '../../src/models/text/constants.ts';
import { createTextModel, DEFAULT_TEXT_MODEL, sparseCrossEntropy, type TextModelConfig } from '../../src/models/text/model.ts';
import { TextNetwork } from '../../src/models/text/network.ts';
import { stringifyVocabulary } from '../../src/models/text/vocabulary-json.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadCheckpoint, saveCheckpoint } from '../lib/checkpoint.ts';
import { REPO_ROOT } from '../lib/data-dir.ts';
import { AVERAGE_FILE, WeightAverage } from '../lib/weight-average.ts';
import { makeChunks } from './chunks.ts';
import { loadTextCorpus } from './corpus.ts';
import { measureWindows } from './evaluate.ts';
import { type PackageOrigin, startFromPackage } from './from-package.ts';
import type { TextQuality } from './score-windows.ts';
import { makeWindows, type Windows } from './windows.ts';

interface TrainState {
  /** Whole epochs done. */
  epoch: number;
  /** Progress inside the next epoch; its batch order is seeded by the epoch, so it resumes exactly. */
  partial?: { step: number; lossSum: number; seconds: number };
  maxWords: number;
  /** The network's shape and regularisation (idCount aside); absent in runs from before it was an option. */
  network?: Omit<TextModelConfig, 'idCount'>;
  /** Whole epochs before the weight average starts (absent: no average). */
  averageFrom?: number;
  /** The constant learning rate while averaging (absent: the schedule's rate at averageFrom). */
  averageLearningRate?: number;
  /** Snapshots in the running average (average.bin in the checkpoint). */
  averaged?: number;
  /** The command that reproduces this run from scratch, for meta.json. */
  command?: string;
  /** The package this run started from (--from-package). */
  fromPackage?: PackageOrigin;
  history: Array<{
    epoch: number;
    loss: number;
    heldOutSample: TextQuality;
    averagedHeldOutSample?: TextQuality & { snapshots: number };
    seconds: number;
  }>;
}

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '20' },
    batch: { type: 'string', default: '64' },
    'max-words': { type: 'string', default: '10000' },
    steps: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    'save-every': { type: 'string', default: '100' },
    embedding: { type: 'string', default: String(DEFAULT_TEXT_MODEL.embeddingSize) },
    units: { type: 'string', default: String(DEFAULT_TEXT_MODEL.lstmUnits) },
    dropout: { type: 'string', default: String(DEFAULT_TEXT_MODEL.dropout) },
    'embedding-dropout': { type: 'string' },
    'recurrent-dropout': { type: 'string', default: '0' },
    'average-from': { type: 'string' },
    'average-every': { type: 'string', default: '20' },
    'average-learning-rate': { type: 'string' },
    'from-package': { type: 'string' },
  },
});
const epochs = Number(args.epochs);
const batch = Number(args.batch);
const maxWords = Number(args['max-words']);
const maxSteps = args.steps ? Number(args.steps) : Infinity;
const saveEvery = Number(args['save-every']);
const requestedNetwork: Omit<TextModelConfig, 'idCount'> = {
  embeddingSize: Number(args.embedding),
  lstmUnits: Number(args.units),
  dropout: Number(args.dropout),
  embeddingDropout:
    args['embedding-dropout'] === undefined ? Number((Number(args.dropout) / 3).toFixed(4)) : Number(args['embedding-dropout']),
  recurrentDropout: Number(args['recurrent-dropout']),
};
// CHECKPOINT_DIR lets a long run keep its checkpoints outside a work tree that may be recreated.
export const TEXT_CHECKPOINT_DIR = path.join(process.env.CHECKPOINT_DIR ?? path.join(REPO_ROOT, 'training/checkpoints'), 'text');
const CLIP_NORM = 5;
const averageEvery = Number(args['average-every']);
/** Held-out windows measured after every epoch, for the log (npm run eval measures every window). */
const HELD_OUT_LOG_SAMPLE = 4096;
/** Decays by 0.85 per epoch; constant once weight averaging starts (the average needs the weights to move). */
function learningRate(epoch: number, state?: Pick<TrainState, 'averageFrom' | 'averageLearningRate'>): number {
  const averageFrom = state?.averageFrom;
  if (averageFrom !== undefined && epoch >= averageFrom && state?.averageLearningRate !== undefined) return state.averageLearningRate;
  return 2e-3 * 0.85 ** (averageFrom === undefined ? epoch : Math.min(epoch, averageFrom));
}

/** Scales gradients down when their global norm exceeds `max` (LSTMs occasionally explode). */
function clipByGlobalNorm(grads: tf.NamedTensorMap, max: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const norm = Math.sqrt(Object.values(grads).reduce((s, g) => s + (g.square().sum().dataSync()[0] as number), 0));
    if (norm <= max) return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.clone()]));
    return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.mul(max / norm)]));
  });
}

/** evaluate.ts's measure through a view of the training model, which stays the caller's. */
function measureHeldOut(model: tf.LayersModel, windows: Windows, sample: ArrayLike<number>): TextQuality {
  const network = new TextNetwork(model);
  try {
    return measureWindows(network, windows, sample);
  } finally {
    network.release();
  }
}

async function main() {
  console.log(`backend: ${await useNodeBackend('wasm')}`);
  const corpus = loadTextCorpus({ maxWords });
  const { vocabulary } = corpus;
  const heldOut = makeWindows(corpus.heldOutSequences, WINDOW_LENGTH);
  const sample = shuffledIndices(heldOut.count, seededRandom(99)).slice(0, HELD_OUT_LOG_SAMPLE);
  console.log(
    `vocabulary ${vocabulary.size} words (+padding, unknown); ${corpus.train.length} training ` +
      `/ ${corpus.heldOut.length} held-out abstracts; ${heldOut.count} held-out windows`,
  );

  const optimizer = tf.train.adam(learningRate(0));
  const resumed = args.fresh ? null : await loadCheckpoint<TrainState>(TEXT_CHECKPOINT_DIR, optimizer);
  if (resumed && resumed.state.maxWords !== maxWords)
    throw new Error(`the checkpoint was trained with --max-words ${resumed.state.maxWords}; use it or --fresh`);
  if (resumed && args['from-package'])
    throw new Error(`a checkpoint exists in ${TEXT_CHECKPOINT_DIR}: resume it (drop --from-package) or add --fresh`);
  const fromPackage =
    !resumed && args['from-package']
      ? await startFromPackage<TrainState['history'][number]>(args['from-package'], vocabulary, requestedNetwork)
      : null;
  const model = resumed?.model ?? fromPackage?.model ?? createTextModel({ idCount: vocabulary.idCount, ...requestedNetwork });
  const state: TrainState = resumed?.state ?? {
    epoch: fromPackage?.epochs ?? 0,
    maxWords,
    network: requestedNetwork,
    history: fromPackage?.history ?? [],
    ...(fromPackage ? { fromPackage: fromPackage.origin } : {}),
  };
  const network = state.network;
  const networkArgs = network
    ? ` --embedding ${network.embeddingSize} --units ${network.lstmUnits} --dropout ${network.dropout} ` +
      `--embedding-dropout ${network.embeddingDropout} --recurrent-dropout ${network.recurrentDropout}`
    : '';
  if (args['average-from'] !== undefined) {
    const from = Number(args['average-from']);
    if (state.averageFrom !== undefined && state.averageFrom !== from)
      throw new Error(`this run averages from epoch ${state.averageFrom} already`);
    if (state.averageFrom === undefined && from < state.epoch)
      throw new Error(`--average-from ${from} is in the past: the run has done ${state.epoch} epochs`);
    state.averageFrom = from;
  }
  if (args['average-learning-rate'] !== undefined) {
    if (state.averageFrom === undefined) throw new Error('--average-learning-rate needs --average-from');
    state.averageLearningRate = Number(args['average-learning-rate']);
  }
  const averageRateArgs = state.averageLearningRate === undefined ? '' : ` --average-learning-rate ${state.averageLearningRate}`;
  const averageArgs =
    state.averageFrom === undefined ? '' : ` --average-from ${state.averageFrom} --average-every ${averageEvery}${averageRateArgs}`;
  // Which version of the package it was is in state.fromPackage (and the export's meta.json).
  const packageArgs = state.fromPackage ? ` --from-package ${state.fromPackage.path}` : '';
  state.command =
    `npm run train:text -- --fresh --batch ${batch} --epochs ${epochs} ` +
    `--max-words ${maxWords}${networkArgs}${averageArgs}${packageArgs}`;
  const averageFile = path.join(TEXT_CHECKPOINT_DIR, AVERAGE_FILE);
  if (resumed && state.averaged && !existsSync(averageFile)) throw new Error(`the checkpoint's weight average (${averageFile}) is missing`);
  const average =
    resumed && state.averaged ? WeightAverage.fromBytes(readFileSync(averageFile), model, state.averaged) : WeightAverage.empty();
  // Saved with every checkpoint (the save swaps the whole folder): the vocabulary, so any checkpoint
  // can be exported, and the running average if there is one.
  const vocabularyBytes = new TextEncoder().encode(stringifyVocabulary(vocabulary));
  const checkpointFiles = (): Record<string, Uint8Array> => ({
    'vocabulary.json': vocabularyBytes,
    ...(average.count > 0 ? { [AVERAGE_FILE]: average.toBytes() } : {}),
  });
  if (resumed) console.log(`resuming after epoch ${state.epoch}${state.partial ? `, step ${state.partial.step}` : ''}`);
  else if (state.fromPackage)
    console.log(
      `starting from the package version ${state.fromPackage.version} (after ${state.epoch} ` +
        `epochs): held-out sample ${JSON.stringify(measureHeldOut(model, heldOut, sample))}`,
    );
  model.summary(undefined, undefined, (line) => console.log(line));

  for (let epoch = state.epoch; epoch < epochs; epoch++) {
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate(epoch, state);
    const averaging = state.averageFrom !== undefined && epoch >= state.averageFrom;
    const random = seededRandom(2000 + epoch);
    const chunks = makeChunks(corpus.trainSequences, WINDOW_LENGTH, random);
    const order = shuffledIndices(chunks.count, random);
    const steps = Math.min(Math.floor(chunks.count / batch), maxSteps);
    const resumeAt = state.partial ?? { step: 0, lossSum: 0, seconds: 0 };
    const started = performance.now() - resumeAt.seconds * 1000;
    let lossSum = resumeAt.lossSum;
    const inputs = new Int32Array(batch * WINDOW_LENGTH);
    const targets = new Int32Array(batch * WINDOW_LENGTH);
    for (let step = resumeAt.step; step < steps; step++) {
      for (let i = 0; i < batch; i++) {
        const c = order[step * batch + i];
        inputs.set(chunks.inputs.subarray(c * WINDOW_LENGTH, (c + 1) * WINDOW_LENGTH), i * WINDOW_LENGTH);
        targets.set(chunks.targets.subarray(c * WINDOW_LENGTH, (c + 1) * WINDOW_LENGTH), i * WINDOW_LENGTH);
      }
      const x = tf.tensor2d(inputs, [batch, WINDOW_LENGTH], 'int32');
      const { value, grads } = tf.variableGrads(() => {
        const logits = model.apply(x, { training: true }) as tf.Tensor3D;
        return sparseCrossEntropy(logits.reshape([batch * WINDOW_LENGTH, vocabulary.idCount]) as tf.Tensor2D, targets);
      });
      const clipped = clipByGlobalNorm(grads, CLIP_NORM);
      optimizer.applyGradients(clipped as unknown as Parameters<typeof optimizer.applyGradients>[0]);
      lossSum += value.dataSync()[0];
      tf.dispose([x, value, grads, clipped]);
      if (averaging && (step + 1) % averageEvery === 0) {
        average.add(model);
        state.averaged = average.count;
      }
      if (step % 20 === 0 || step === steps - 1) {
        const rate = (performance.now() - started) / (step + 1);
        console.log(
          `epoch ${epoch + 1}/${epochs} step ${step + 1}/${steps} loss ${(lossSum / (step + 1)).toFixed(4)} ${rate.toFixed(0)} ms/step`,
        );
      }
      if ((step + 1) % saveEvery === 0 && step + 1 < steps) {
        state.partial = { step: step + 1, lossSum, seconds: (performance.now() - started) / 1000 };
        await saveCheckpoint(TEXT_CHECKPOINT_DIR, model, optimizer, state, checkpointFiles());
      }
    }
    const heldOutSample = measureHeldOut(model, heldOut, sample);
    let averagedHeldOutSample: (TextQuality & { snapshots: number }) | undefined;
    if (average.count > 0) {
      const restore = average.applyTo(model);
      averagedHeldOutSample = { ...measureHeldOut(model, heldOut, sample), snapshots: average.count };
      restore();
    }
    const seconds = (performance.now() - started) / 1000;
    state.epoch = epoch + 1;
    delete state.partial;
    state.history.push({
      epoch: epoch + 1,
      loss: lossSum / steps,
      heldOutSample,
      ...(averagedHeldOutSample ? { averagedHeldOutSample } : {}),
      seconds,
    });
    await saveCheckpoint(TEXT_CHECKPOINT_DIR, model, optimizer, state, checkpointFiles());
    console.log(
      `epoch ${epoch + 1}: loss ${(lossSum / steps).toFixed(4)}, held-out sample cross-entropy ` +
        `${heldOutSample.crossEntropy.toFixed(4)} accuracy ${heldOutSample.accuracy.toFixed(4)}, ${seconds.toFixed(0)} s`,
    );
    if (averagedHeldOutSample) {
      console.log(
        `  average of ${average.count} snapshots: cross-entropy ` +
          `${averagedHeldOutSample.crossEntropy.toFixed(4)} accuracy ${averagedHeldOutSample.accuracy.toFixed(4)}`,
      );
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
