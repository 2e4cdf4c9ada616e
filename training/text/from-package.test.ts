import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextModel } from '../../src/models/text/model.ts';
import { Vocabulary } from '../../src/models/text/vocabulary.ts';
import { stringifyVocabulary } from '../../src/models/text/vocabulary-json.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { saveLayersModel } from '../lib/model-files.ts';
import { writeMeta } from '../lib/model-package.ts';
import { startFromPackage } from './from-package.ts';

const vocabulary = new Vocabulary(['the', 'a', 'network', 'neural', '.']);
const shape = { embeddingSize: 4, lstmUnits: 6 };
const history = [
  { epoch: 1, loss: 5 },
  { epoch: 2, loss: 4.5 },
];
let root: string;
let packageDir: string;
let packaged: tf.LayersModel;

beforeAll(async () => {
  await useNodeBackend('wasm');
  root = mkdtempSync(path.join(tmpdir(), 'tabml-from-package-'));
  packageDir = path.join(root, 'text');
  packaged = createTextModel({ idCount: vocabulary.idCount, ...shape, dropout: 0.3 }, 21);
  // float16, as packages are stored: the start must hold the decoded weights, not the originals.
  const { modelJson, shards } = await saveLayersModel(packaged, packageDir, 'float16', {
    'vocabulary.json': stringifyVocabulary(vocabulary),
  });
  writeMeta(
    packageDir,
    {
      task: 'text',
      version: '1.0.4',
      format: 'tfjs-layers',
      inputShape: [50],
      training: { epochs: 2, history, vocabulary: { file: 'vocabulary.json' } },
      metrics: [],
    } as unknown as Parameters<typeof writeMeta>[1],
    [modelJson, ...shards, 'vocabulary.json'],
  );
});

afterAll(() => {
  packaged.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('startFromPackage', () => {
  it('continues the package: its weights in a network with the requested dropout, its epochs and history', async () => {
    const start = await startFromPackage(packageDir, vocabulary, { ...shape, dropout: 0.5, recurrentDropout: 0.25 });
    expect(start.epochs).toBe(2);
    expect(start.history).toEqual(history);
    expect(start.origin).toMatchObject({ path: packageDir, version: '1.0.4', epochs: 2 });
    expect(start.origin.shards).toHaveLength(1);
    const lstm = start.model.getLayer('lstm').getConfig() as { recurrentDropout: number };
    expect(lstm.recurrentDropout).toBe(0.25);
    const mine = start.model.getWeights();
    const theirs = packaged.getWeights();
    expect(mine.map((w) => w.shape)).toEqual(theirs.map((w) => w.shape));
    mine.forEach((w, i) => {
      const a = w.dataSync();
      const b = theirs[i].dataSync();
      // float16 keeps ~3 significant digits; a fresh initialisation would differ by far more.
      for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(Math.abs(b[k]) * 1e-3 + 1e-7);
    });
    start.model.dispose();
  });

  it('refuses a package trained on another vocabulary', async () => {
    const other = new Vocabulary(['the', 'a', 'network', 'neural', ',']);
    await expect(startFromPackage(packageDir, other, { ...shape, dropout: 0.3 })).rejects.toThrow(/another vocabulary/);
  });

  it('refuses a network of another shape and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await expect(startFromPackage(packageDir, vocabulary, { embeddingSize: 4, lstmUnits: 8, dropout: 0.3 })).rejects.toThrow(
      /another shape/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
