/**
 * npm run train:digits — trains the digit CNN on DATA_DIR/mnist with the WASM backend and exports
 * public/models/digits/. Resumable: a checkpoint is written after every epoch
 * (training/checkpoints/digits); run the command again to continue.
 *
 * Options: --epochs N (default 10), --batch N (default 128), --fresh (ignore the checkpoint),
 *          --steps N (stop each epoch after N batches; for smoke tests only).
 */

import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { createDigitModel, DIGIT_CLASSES } from '../../src/models/digits/model.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadCheckpoint, saveCheckpoint } from '../lib/checkpoint.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { trainEpoch } from '../lib/train-epoch.ts';
import { augmentDigit } from './augment.ts';
import { exportDigitPackage } from './export.ts';
import { loadMnist } from './mnist.ts';

interface TrainState {
  epoch: number; // epochs completed
  history: Array<{ epoch: number; loss: number; seconds: number }>;
}

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    batch: { type: 'string', default: '128' },
    steps: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const epochs = Number(args.epochs);
const batchSize = Number(args.batch);
const maxSteps = args.steps ? Number(args.steps) : Infinity;
const checkpointDir = path.join(REPO_ROOT, 'training/checkpoints/digits');

// Adam, with the learning rate decayed per epoch so the last epochs settle into a minimum.
const learningRate = (epoch: number) => 1e-3 * 0.75 ** epoch;

async function main() {
  console.log(`backend: ${await useNodeBackend('wasm')}`);
  const dir = dataDir();
  const train = loadMnist(dir, 'train');
  const test = loadMnist(dir, 't10k');

  const optimizer = tf.train.adam(learningRate(0));
  const resumed = args.fresh ? null : await loadCheckpoint<TrainState>(checkpointDir, optimizer);
  const model = resumed?.model ?? createDigitModel();
  const state: TrainState = resumed?.state ?? { epoch: 0, history: [] };
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  if (resumed) console.log(`resuming after epoch ${state.epoch}`);
  model.summary(undefined, undefined, (line) => console.log(line));

  for (let epoch = state.epoch; epoch < epochs; epoch++) {
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate(epoch);
    const random = seededRandom(1000 + epoch);
    const order = shuffledIndices(train.count, random);
    const { loss, seconds } = await trainEpoch(model, {
      steps: Math.min(Math.floor(train.count / batchSize), maxSteps),
      batchSize,
      exampleShape: [28, 28, 1],
      classes: DIGIT_CLASSES,
      fillBatch: (step, x, y) => {
        for (let i = 0; i < batchSize; i++) {
          const k = order[step * batchSize + i];
          augmentDigit(train.images, k * 784, x, i * 784, random);
          y[i * DIGIT_CLASSES + train.labels[k]] = 1;
        }
      },
      logEvery: 50,
      label: `epoch ${epoch + 1}/${epochs}`,
    });
    state.epoch = epoch + 1;
    state.history.push({ epoch: epoch + 1, loss, seconds });
    await saveCheckpoint(checkpointDir, model, optimizer, state);
    // Exported after every epoch, so an interrupted run still leaves a usable, measured package.
    // The schedule is fixed in advance: the test set is reported, never used to pick an epoch.
    const testAccuracy = await exportDigitPackage(model, test, { epochs: state.epoch, batchSize, history: state.history });
    console.log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}, test accuracy ${testAccuracy.toFixed(4)}, ${seconds.toFixed(0)} s`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
