/**
 * npm run export:text [checkpoint folder] [--out DIR] [--train-command "…"] — turns a training checkpoint into public/models/text/
 * model.json + shards, vocabulary.json and meta.json (loss per epoch, held-out metrics measured on
 * the exported copy). Weights go out in the smallest storage that costs < 0.02 nats on the held-out
 * sample: uint8 (large tensors; see weight-encoding.ts), else float16, else float32.
 * A run that averages its weights (train.ts --average-from) exports the average.
 * Repeatable: run it again whenever the checkpoint has improved.
 * Default folder: $CHECKPOINT_DIR/text, else training/checkpoints/text. Copy a checkpoint that a
 * running training may rewrite to /tmp first and export the copy.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WINDOW_LENGTH } from '../../src/models/text/constants.ts';
import { TextNetwork } from '../../src/models/text/network.ts';
import { stringifyVocabulary } from '../../src/models/text/vocabulary-json.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel, saveLayersModel, type WeightStorage } from '../lib/model-files.ts';
import { writeMeta } from '../lib/model-package.ts';
import { AVERAGE_FILE, WeightAverage } from '../lib/weight-average.ts';
import {
  EVAL_SAMPLE_SEED,
  heldOutSet,
  measureCarriedState,
  measureWindows,
  readPackageVocabulary,
  sampleOf,
  type WindowQuality,
} from './evaluate.ts';
import type { PackageOrigin } from './from-package.ts';

export const TEXT_PACKAGE_DIR = path.join(REPO_ROOT, 'public/models/text');
/** The most a smaller weight storage may cost on the held-out sample. */
const QUANTIZATION_BUDGET_NATS = 0.02;
/** Tried in this order (smallest first); the first within budget is exported. */
const QUANTIZED_STORAGES = ['uint8', 'float16'] as const;
const MAX_PACKAGE_BYTES = 8 * 1024 * 1024;

interface CheckpointState {
  epoch: number;
  maxWords: number;
  network?: Record<string, number>;
  averageFrom?: number;
  averaged?: number;
  command?: string;
  fromPackage?: PackageOrigin;
  history: Array<{ epoch: number; loss: number; heldOutSample?: WindowQuality; seconds: number }>;
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  // Checkpoints from before train.ts recorded its command line: say it here for meta.json.
  // --out DIR exports elsewhere: a candidate measured without replacing the shipped package.
  options: { 'train-command': { type: 'string' }, out: { type: 'string' } },
});
const packageDir = path.resolve(args.out ?? TEXT_PACKAGE_DIR);
const checkpointDir = path.resolve(
  positionals[0] ?? path.join(process.env.CHECKPOINT_DIR ?? path.join(REPO_ROOT, 'training/checkpoints'), 'text'),
);

async function measure(dir: string, set: ReturnType<typeof heldOutSet>): Promise<WindowQuality> {
  const network = new TextNetwork(await loadLayersModel(dir));
  try {
    return measureWindows(network, set.windows, set.sample);
  } finally {
    network.dispose();
  }
}

/** Every export is a new version of the package: the previous package's patch number plus one. */
function nextVersion(): string {
  const metaFile = path.join(packageDir, 'meta.json');
  const previous = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { version?: string }).version : undefined;
  const [major, minor, patch] = (previous ?? '1.0.-1').split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

/** The checkpoint's model with its running weight average in place of its own weights, in a scratch folder. */
async function writeAveragedCopy(dir: string, snapshots: number): Promise<string> {
  const model = await loadLayersModel(dir);
  const restore = WeightAverage.fromBytes(readFileSync(path.join(dir, AVERAGE_FILE)), model, snapshots).applyTo(model);
  const scratch = `${packageDir}.averaged-scratch`;
  await saveLayersModel(model, scratch, 'float32');
  restore();
  model.dispose();
  return scratch;
}

async function main() {
  await useNodeBackend('wasm');
  if (!existsSync(path.join(checkpointDir, 'state.json'))) throw new Error(`No checkpoint in ${checkpointDir} (state.json is missing).`);
  const state = JSON.parse(readFileSync(path.join(checkpointDir, 'state.json'), 'utf8')) as CheckpointState;
  const version = nextVersion(); // before the package folder is rewritten
  const vocabulary = readPackageVocabulary(checkpointDir);
  const data = dataDir();
  const set = heldOutSet(vocabulary, data);
  // The storage trial compares one network with its quantized copy: a seeded sample tells them apart.
  const trialSet = sampleOf(set);
  console.log(
    `checkpoint after epoch ${state.epoch}; storage trial on ${trialSet.sample.length} ` +
      `of ${set.windows.count} held-out windows, the package on all`,
  );
  const sourceDir = state.averaged ? await writeAveragedCopy(checkpointDir, state.averaged) : checkpointDir;
  if (state.averaged) console.log(`exporting the running average of ${state.averaged} weight snapshots`);

  const float32 = await measure(sourceDir, trialSet);
  console.log(`float32: cross-entropy ${float32.crossEntropy.toFixed(4)}, accuracy ${float32.accuracy.toFixed(4)}`);

  // Try each smaller storage in a scratch folder; keep the first that is (almost) free.
  const model = await loadLayersModel(sourceDir);
  const extra = { 'vocabulary.json': stringifyVocabulary(vocabulary) };
  let storage: WeightStorage = 'float32';
  const trials: Array<{ storage: WeightStorage; crossEntropy: number; accuracy: number; costNats: number }> = [];
  for (const candidate of QUANTIZED_STORAGES) {
    const trial = `${packageDir}.${candidate}-trial`;
    await saveLayersModel(model, trial, candidate, extra);
    const quality = await measure(trial, trialSet);
    rmSync(trial, { recursive: true, force: true });
    const costNats = quality.crossEntropy - float32.crossEntropy;
    trials.push({ storage: candidate, crossEntropy: quality.crossEntropy, accuracy: quality.accuracy, costNats });
    console.log(
      `${candidate}: cross-entropy ${quality.crossEntropy.toFixed(4)} ` +
        `(${costNats >= 0 ? '+' : ''}${costNats.toFixed(5)} nats), accuracy ${quality.accuracy.toFixed(4)}`,
    );
    if (costNats < QUANTIZATION_BUDGET_NATS) {
      storage = candidate;
      break;
    }
  }
  console.log(`→ ${storage}`);

  const { modelJson, shards } = await saveLayersModel(model, packageDir, storage, extra);
  model.dispose();
  // The package as written (its stored weights), loaded once for both measures.
  const written = new TextNetwork(await loadLayersModel(packageDir));
  const exported = measureWindows(written, set.windows, set.sample);
  console.log(
    `the package, every held-out window: cross-entropy ${exported.crossEntropy.toFixed(4)}, accuracy ${exported.accuracy.toFixed(4)}`,
  );
  // Past 50 words, stateful generation keeps every earlier word as context: measure that too.
  const carried = measureCarriedState(written, set.sequences, set.sample);
  written.dispose();
  console.log(
    `same targets, whole abstract as context (stateful): cross-entropy ` +
      `${carried.crossEntropy.toFixed(4)}, accuracy ${carried.accuracy.toFixed(4)}`,
  );
  const meta = writeMeta(
    packageDir,
    {
      task: 'text',
      version,
      format: 'tfjs-layers',
      inputShape: [WINDOW_LENGTH],
      weights: storage,
      training: {
        command: args['train-command'] ?? state.command ?? `npm run train:text -- --fresh --max-words ${state.maxWords}`,
        exportCommand: 'npm run export:text',
        data:
          `DATA_DIR/patents/neural_network_patent_query.csv: abstracts with more ` +
          `than 70 words, split by abstract (10% held out, never trained on)`,
        epochs: state.epoch,
        ...(state.network ? { network: state.network } : {}),
        ...(state.fromPackage
          ? {
              fromPackage: {
                ...state.fromPackage,
                note: 'training continued from this earlier package (its weights, epochs and history), not from random weights',
              },
            }
          : {}),
        ...(state.averaged ? { weightAverage: { fromEpoch: state.averageFrom, snapshots: state.averaged } } : {}),
        vocabulary: { file: 'vocabulary.json', words: vocabulary.size, unknownId: vocabulary.unknownId, paddingId: 0 },
        history: state.history.map(({ epoch, loss, heldOutSample, seconds }) => ({ epoch, loss, heldOutSample, seconds })),
        quantization: {
          budgetNats: QUANTIZATION_BUDGET_NATS,
          sample: `${trialSet.sample.length} held-out windows, seeded (seed ${EVAL_SAMPLE_SEED})`,
          float32: { crossEntropy: float32.crossEntropy, accuracy: float32.accuracy },
          trials,
        },
        heldOutUnknownTargetShare: set.unknownTargetShare,
        carriedStateContext: {
          ...carried,
          note:
            'the same held-out targets predicted with every earlier word of the abstract as context ' +
            '(the LSTM state carried from its first word), as stateful generation does past 50 words',
        },
      },
      metrics: [
        {
          metric: 'cross_entropy',
          value: exported.crossEntropy,
          n: exported.n,
          data:
            `held-out abstracts: next word after 50 words, every one of the ${set.windows.count} ` +
            `windows; ${(100 * set.unknownTargetShare).toFixed(2)}% of targets are the unknown id`,
        },
        { metric: 'accuracy', value: exported.accuracy, n: exported.n, data: `the same windows, top-1` },
      ],
    },
    [modelJson, ...shards, 'vocabulary.json'],
  );
  if (sourceDir !== checkpointDir) rmSync(sourceDir, { recursive: true, force: true });
  const bytes = meta.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`exported ${packageDir}: ${bytes} bytes (${(bytes / 2 ** 20).toFixed(2)} MiB), ${storage}`);
  if (bytes > MAX_PACKAGE_BYTES) throw new Error(`The package is ${bytes} bytes, over the 8 MiB goal.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
