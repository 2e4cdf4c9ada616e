/**
 * Exports a trained images model as a package (float16 weights, or uint8 with --weights uint8) and
 * measures the exported copy.
 * Before saving, the batch-norm statistics are recomputed on the clean training images
 * (batch-norm.ts): training mutates nothing else, and the validation images are only measured.
 *
 * train.ts calls this after every epoch. Run on its own, it re-exports a checkpoint:
 *   npm run export:images -- [checkpoint folder] [--out DIR] [--weights float16|uint8] [--train-command "…"]
 * (default folder: $CHECKPOINT_DIR/images/model, else training/checkpoints/images/model);
 * given several checkpoint folders, it exports them as one ensemble (ensemble.ts).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type * as tf from '@tensorflow/tfjs';
import type { ImagesMeta } from '../../src/models/images/images-meta.ts';
import { IMAGE_LABELS, IMAGE_PREPROCESSING, IMAGE_SIZE } from '../../src/models/images/model.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel, saveLayersModel, type WeightStorage } from '../lib/model-files.ts';
import { writeMeta } from '../lib/model-package.ts';
import { AVERAGE_FILE, WeightAverage } from '../lib/weight-average.ts';
import { recalibrateBatchNorm } from './batch-norm.ts';
import { type CatCoffeeSet, loadCatCoffee } from './cat-coffee.ts';
import { blockFiltersOf, ensembleOf, membersOf } from './ensemble.ts';
import { IMAGES_PACKAGE_DIR, modelInputs, type ValidationScores, validationScores } from './evaluate.ts';
import { SPLIT_SEED, stratifiedSplit, VALIDATION_FRACTION } from './split.ts';

// train.ts exports after every epoch: the training images' model input is made once per set.
const cleanInputs = new WeakMap<CatCoffeeSet, Float32Array>();
function cleanTrainingInputs(set: CatCoffeeSet, train: number[]): Float32Array {
  const cached = cleanInputs.get(set);
  if (cached) return cached;
  const inputs = modelInputs(set, train, IMAGE_PREPROCESSING);
  cleanInputs.set(set, inputs);
  return inputs;
}

function scoreRecords(scores: ValidationScores, n: number, data: string) {
  return [
    { metric: 'accuracy', value: scores.accuracy, n, data },
    { metric: 'log_loss', value: Number(scores.logLoss.toFixed(4)), n, data },
  ];
}

export async function exportImagesPackage(
  model: tf.LayersModel,
  set: CatCoffeeSet,
  dir: string,
  training: { command: string } & Record<string, unknown>,
  storage: Exclude<WeightStorage, 'float32'> = 'float16',
): Promise<number> {
  if (set.classes.join() !== IMAGE_LABELS.join())
    throw new Error(`expected classes ${IMAGE_LABELS.join(', ')}, found ${set.classes.join(', ')}`);
  const { train, validation } = stratifiedSplit(set.labels);
  recalibrateBatchNorm(model, cleanTrainingInputs(set, train), [IMAGE_SIZE, IMAGE_SIZE, 3]);
  const { modelJson, shards } = await saveLayersModel(model, dir, storage);
  const exported = await loadLayersModel(dir);
  const scores = validationScores(exported, set, IMAGE_PREPROCESSING);
  // An ensemble's members are measured alone too, from the same exported weights.
  const memberScores = membersOf(exported).map((member) => validationScores(member, set, IMAGE_PREPROCESSING));
  exported.dispose();
  const meta: Omit<ImagesMeta, 'files'> = {
    task: 'images',
    version: '1.0.0',
    format: 'tfjs-layers',
    inputShape: [IMAGE_SIZE, IMAGE_SIZE, 3],
    labels: [...IMAGE_LABELS],
    weights: storage,
    preprocessing: IMAGE_PREPROCESSING,
    training: {
      data:
        `DATA_DIR/cat-coffee: ${train.length} of ${set.count} images (stratified, ${VALIDATION_FRACTION * 100}% ` +
        `held out, seed ${SPLIT_SEED}), decoded with PIL, augmented with crops, flips, colour jitter`,
      batchNorm: `moving mean and variance recomputed on the ${train.length} training images, unaugmented, before export`,
      ...training,
    },
    metrics: [
      ...scoreRecords(scores, validation.length, `DATA_DIR/cat-coffee validation split (${validation.length} images)`),
      ...memberScores.flatMap((member, m) =>
        scoreRecords(member, validation.length, `member ${m + 1} of the ensemble alone, the same images`),
      ),
    ],
  };
  const written = writeMeta(dir, meta, [modelJson, ...shards]);
  console.log(
    `exported ${dir}: ${written.files.reduce((s, f) => s + f.bytes, 0)} bytes, ` +
      `validation accuracy ${scores.accuracy}, log-loss ${scores.logLoss.toFixed(4)}`,
  );
  return scores.accuracy;
}

interface TrainedMember {
  model: tf.LayersModel;
  /** What meta.json says about how it was trained. */
  record: { command: string; epochs: number; batchSize?: number; averagedEpochs?: number; history: unknown[] };
}

/** A training checkpoint as it would ship: with the running weight average applied, if the run kept one. */
async function loadTrained(checkpoint: string, trainCommand?: string): Promise<TrainedMember> {
  const state = JSON.parse(readFileSync(path.join(checkpoint, 'state.json'), 'utf8')) as {
    epoch: number;
    command?: string;
    batchSize?: number;
    averaged?: number;
    history: unknown[];
  };
  const command = trainCommand ?? state.command;
  if (!command) throw new Error(`${checkpoint} does not say which command made it: pass --train-command "npm run train:images -- …".`);
  const model = await loadLayersModel(checkpoint);
  if (state.averaged) WeightAverage.fromBytes(readFileSync(path.join(checkpoint, AVERAGE_FILE)), model, state.averaged).applyTo(model);
  const averaged = state.averaged ? { averagedEpochs: state.averaged } : {};
  return { model, record: { command, epochs: state.epoch, batchSize: state.batchSize, ...averaged, history: state.history } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    // Checkpoints from before train.ts recorded its command line: say it here for meta.json.
    options: {
      out: { type: 'string', default: IMAGES_PACKAGE_DIR },
      weights: { type: 'string', default: 'float16' },
      'train-command': { type: 'string' },
    },
  });
  const checkpoints =
    positionals.length > 0
      ? positionals.map((p) => path.resolve(p))
      : [path.join(process.env.CHECKPOINT_DIR ?? path.join(REPO_ROOT, 'training/checkpoints'), 'images/model')];
  (async () => {
    await useNodeBackend('wasm');
    if (checkpoints.length > 1 && args['train-command'])
      throw new Error("--train-command names one run; an ensemble's checkpoints must record their own commands.");
    const storage = args.weights;
    if (storage !== 'float16' && storage !== 'uint8') throw new Error(`--weights is float16 or uint8, not ${storage}`);
    // The command meta.json records: npm's `--` only when there are arguments to pass on.
    const exportCommand = (...argv: string[]) => {
      const all = storage === 'float16' ? argv : [...argv, '--weights', storage];
      return ['npm run export:images', ...(all.length > 0 ? ['--', ...all] : [])].join(' ');
    };
    const members = await Promise.all(checkpoints.map((c) => loadTrained(c, args['train-command'])));
    const set = loadCatCoffee(dataDir());
    if (members.length === 1) {
      await exportImagesPackage(members[0].model, set, args.out, { ...members[0].record, exportCommand: exportCommand() }, storage);
    } else {
      // Each member trains in its own CHECKPOINT_DIR; the export names those folders.
      const folders = members.map((_, m) => `training/checkpoints/member${m + 1}`);
      const ensemble = ensembleOf(members.map((m) => m.model));
      await exportImagesPackage(
        ensemble,
        set,
        args.out,
        {
          command: members.map((m, i) => `CHECKPOINT_DIR=${folders[i]} ${m.record.command}`).join(' && '),
          exportCommand: exportCommand(...folders.map((f) => `${f}/images/model`)),
          ensemble:
            `the average of ${members.length} networks' probabilities, trained separately: ` +
            `${members.map((m, i) => `member ${i + 1} [${blockFiltersOf(m.model).join(', ')}] filters per block`).join('; ')}`,
          members: members.map((m) => m.record),
        },
        storage,
      );
      ensemble.dispose();
    }
    members.forEach((m) => m.model.dispose());
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
