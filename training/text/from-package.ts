/**
 * Continuing training from a committed model package (train:text --from-package). Checkpoints live
 * outside the repository and do not survive a new machine; the package does. Its weights (decoded
 * from uint8 or float16) go into a network of the same shape whose dropout may differ, and its
 * epochs and loss history become the run's own. Adam's moments are not in a package: they start anew.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { createTextModel, type TextModelConfig } from '../../src/models/text/model.ts';
import type { Vocabulary } from '../../src/models/text/vocabulary.ts';
import { stringifyVocabulary } from '../../src/models/text/vocabulary-json.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { readMeta } from '../lib/model-package.ts';

/** What a text package's meta.json says of its training (training/text/export.ts writes it). */
interface PackageTraining<Epoch> {
  epochs: number;
  history: Epoch[];
  vocabulary: { file: string };
}

/** The package a run started from: where (as given), its version, epochs and weight shards' sha256. */
export interface PackageOrigin {
  path: string;
  version: string;
  epochs: number;
  shards: string[];
}

export interface PackageStart<Epoch> {
  model: tf.LayersModel;
  epochs: number;
  history: Epoch[];
  origin: PackageOrigin;
}

/**
 * The package in `dir` as a starting point: `network` (same shape as the package's, any dropout)
 * with the package's weights. Refuses a package trained on another vocabulary or of another shape.
 */
export async function startFromPackage<Epoch>(
  dir: string,
  vocabulary: Vocabulary,
  network: Omit<TextModelConfig, 'idCount'>,
): Promise<PackageStart<Epoch>> {
  const meta = readMeta(dir);
  const training = (meta as unknown as { training: PackageTraining<Epoch> }).training;
  if (readFileSync(path.join(dir, training.vocabulary.file), 'utf8') !== stringifyVocabulary(vocabulary)) {
    throw new Error(`${dir} was trained on another vocabulary (a different --max-words?)`);
  }
  const trained = await loadLayersModel(dir);
  const model = createTextModel({ idCount: vocabulary.idCount, ...network });
  try {
    model.setWeights(trained.getWeights()); // throws if a shape differs
  } catch (err) {
    model.dispose();
    throw new Error(
      `${dir} holds a network of another shape than --embedding ` +
        `${network.embeddingSize} --units ${network.lstmUnits}: ${(err as Error).message}`,
    );
  } finally {
    trained.dispose();
  }
  const shards = meta.files.filter((f) => f.name.endsWith('.bin')).map((f) => f.sha256);
  return {
    model,
    epochs: training.epochs,
    history: training.history,
    origin: { path: dir, version: meta.version, epochs: training.epochs, shards },
  };
}
