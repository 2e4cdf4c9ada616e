/**
 * npm run train:images — trains the cat-or-coffee VGG-style CNN from scratch on DATA_DIR/cat-coffee
 * with the WASM backend and exports public/models/images/. Resumable: a checkpoint is written after
 * every epoch (training/checkpoints/images/model); run the command again to continue.
 *
 * Options: --epochs N (default 30), --batch N (default 32), --fresh (ignore the checkpoint),
 *          --mixup ALPHA (blend pairs of training images, λ ~ Beta(α, α); default 0: off),
 *          --min-crop F (smallest random crop, as a share of the side; default 0.75),
 *          --grayscale P (share of training images shown without colour; default 0),
 *          --average-from N (from epoch N on, a constant learning rate and the package holds the
 *          running average of the weights after each epoch: stochastic weight averaging; default off),
 *          --filters A,B,C,D (filters per VGG block; default 16,32,64,128),
 *          --seed N (initial weights, batch order and augmentation; default 7; another seed gives
 *          another network from the same recipe, e.g. for an ensemble),
 *          --out DIR (write the package there instead of public/models/images; for experiments),
 *          --export-every N (export and measure the package every N epochs and after the last;
 *          default 1; the export recalibrates batch norm, which costs most of an epoch's time here),
 *          --steps N (stop each epoch after N batches; for smoke tests only).
 * CHECKPOINT_DIR moves the checkpoints (default training/checkpoints), so two runs can coexist.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { BLOCK_FILTERS, createImageModel, IMAGE_LABELS } from '../../src/models/images/model.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadCheckpoint, saveCheckpoint } from '../lib/checkpoint.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { trainEpoch } from '../lib/train-epoch.ts';
import { AVERAGE_FILE, WeightAverage } from '../lib/weight-average.ts';
import { type AugmentOptions, augmentImage, DEFAULT_AUGMENT } from './augment.ts';
import { loadCatCoffee } from './cat-coffee.ts';
import { IMAGES_PACKAGE_DIR } from './evaluate.ts';
import { exportImagesPackage } from './export.ts';
import { mixBatch } from './mixup.ts';
import { stratifiedSplit } from './split.ts';

interface TrainState {
  epoch: number; // epochs completed
  /** How many epochs' weights the running average holds (average.bin in the checkpoint). */
  averaged?: number;
  /** The command that reproduces this run from scratch, and its batch size, for meta.json. */
  command?: string;
  batchSize?: number;
  history: Array<{ epoch: number; loss: number; accuracy: number; seconds: number; learningRate?: number }>;
}

const DEFAULT_SEED = 7;
const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '30' },
    batch: { type: 'string', default: '32' },
    steps: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    mixup: { type: 'string', default: '0' },
    'min-crop': { type: 'string', default: String(DEFAULT_AUGMENT.minCrop) },
    grayscale: { type: 'string', default: String(DEFAULT_AUGMENT.grayscale) },
    out: { type: 'string', default: IMAGES_PACKAGE_DIR },
    'average-from': { type: 'string' },
    filters: { type: 'string', default: BLOCK_FILTERS.join(',') },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'export-every': { type: 'string', default: '1' },
  },
});
const epochs = Number(args.epochs);
const batchSize = Number(args.batch);
const maxSteps = args.steps ? Number(args.steps) : Infinity;
const mixupAlpha = Number(args.mixup);
const augment: AugmentOptions = { minCrop: Number(args['min-crop']), grayscale: Number(args.grayscale) };
const averageFrom = args['average-from'] ? Number(args['average-from']) : null;
const exportEvery = Number(args['export-every']);
if (!Number.isInteger(exportEvery) || exportEvery < 1)
  throw new Error(`--export-every wants a whole number ≥ 1, got "${args['export-every']}"`);
const seed = Number(args.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed wants a whole number, got "${args.seed}"`);
const blockFilters = args.filters.split(',').map(Number);
if (blockFilters.some((f) => !Number.isInteger(f) || f < 1))
  throw new Error(`--filters wants whole numbers separated by commas, got "${args.filters}"`);
const checkpointDir = path.join(process.env.CHECKPOINT_DIR ?? path.join(REPO_ROOT, 'training/checkpoints'), 'images/model');
// What meta.json says made the package: the options that change the model (not --out or --steps).
const command = [
  'npm run train:images -- --fresh',
  `--epochs ${epochs}`,
  `--batch ${batchSize}`,
  ...(mixupAlpha > 0 ? [`--mixup ${mixupAlpha}`] : []),
  ...(augment.minCrop !== DEFAULT_AUGMENT.minCrop ? [`--min-crop ${augment.minCrop}`] : []),
  ...(augment.grayscale !== DEFAULT_AUGMENT.grayscale ? [`--grayscale ${augment.grayscale}`] : []),
  ...(averageFrom !== null ? [`--average-from ${averageFrom}`] : []),
  ...(args.filters !== BLOCK_FILTERS.join(',') ? [`--filters ${args.filters}`] : []),
  ...(seed !== DEFAULT_SEED ? [`--seed ${seed}`] : []),
].join(' ');

// Adam with a cosine decay, from 2e-3 down to 2e-5 over all epochs; with weight averaging, down to
// 2e-4 by the first averaged epoch and constant from there (the average needs the weights to move).
const cosine = (from: number, to: number, t: number) => to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t)));
const learningRate = (epoch: number) =>
  averageFrom === null ? cosine(2e-3, 2e-5, epoch / epochs) : cosine(2e-3, 2e-4, epoch / averageFrom);

async function main() {
  console.log(`backend: ${await useNodeBackend('wasm')}`);
  const set = loadCatCoffee(dataDir());
  const { train } = stratifiedSplit(set.labels);
  const classes = IMAGE_LABELS.length;
  const pixelsPerImage = set.size * set.size * 3;

  const optimizer = tf.train.adam(learningRate(0));
  const resumed = args.fresh ? null : await loadCheckpoint<TrainState>(checkpointDir, optimizer);
  const model = resumed?.model ?? createImageModel(seed, blockFilters);
  const state: TrainState = resumed?.state ?? { epoch: 0, history: [] };
  const averageFile = path.join(checkpointDir, AVERAGE_FILE);
  const average =
    resumed && state.averaged && existsSync(averageFile)
      ? WeightAverage.fromBytes(readFileSync(averageFile), model, state.averaged)
      : WeightAverage.empty();
  Object.assign(state, { command, batchSize });
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  if (resumed) console.log(`resuming after epoch ${state.epoch}`);
  model.summary(undefined, undefined, (line) => console.log(line));

  for (let epoch = state.epoch; epoch < epochs; epoch++) {
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate(epoch);
    // Seed 7's streams are the ones every earlier run used; another seed moves them far apart.
    const random = seededRandom(5000 + epoch + (seed - DEFAULT_SEED) * 100_000);
    const order = Array.from(shuffledIndices(train.length, random), (i) => train[i]);
    const { loss, accuracy, seconds } = await trainEpoch(model, {
      steps: Math.min(Math.floor(order.length / batchSize), maxSteps),
      batchSize,
      exampleShape: [set.size, set.size, 3],
      classes,
      fillBatch: (step, x, y) => {
        for (let i = 0; i < batchSize; i++) {
          const k = order[step * batchSize + i];
          augmentImage(set.pixels, k * pixelsPerImage, set.size, x, i * pixelsPerImage, random, augment);
          y[i * classes + set.labels[k]] = 1;
        }
        if (mixupAlpha > 0) mixBatch(x, y, batchSize, mixupAlpha, random);
      },
      logEvery: 5,
      label: `epoch ${epoch + 1}/${epochs}`,
    });
    state.epoch = epoch + 1;
    state.history.push({ epoch: epoch + 1, loss, accuracy, seconds, learningRate: learningRate(epoch) });
    if (averageFrom !== null && state.epoch > averageFrom) {
      average.add(model);
      state.averaged = average.count;
    }
    await saveCheckpoint(checkpointDir, model, optimizer, state, average.count > 0 ? { [AVERAGE_FILE]: average.toBytes() } : {});
    let measured = '';
    // Exported as it goes so an interrupted run leaves a usable, measured package. The schedule is
    // fixed in advance: the validation split is reported, never used to pick an epoch.
    if (state.epoch % exportEvery === 0 || state.epoch === epochs) {
      const restore = average.count > 0 ? average.applyTo(model) : null;
      const averaged = average.count > 0 ? { averagedEpochs: average.count } : {};
      const validation = await exportImagesPackage(model, set, args.out, {
        command,
        epochs: state.epoch,
        batchSize,
        ...averaged,
        history: state.history,
      });
      restore?.();
      measured = `, validation accuracy ${validation.toFixed(4)}`;
    }
    console.log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}, train accuracy ${accuracy.toFixed(4)}${measured}, ${seconds.toFixed(0)} s`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
