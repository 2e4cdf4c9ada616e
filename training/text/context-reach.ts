/**
 * How far back the text model's prediction actually looks:
 * `npx tsx training/text/context-reach.ts [package or checkpoint folder]` (default public/models/text).
 * For held-out positions with 50 words before them, the largest change in any next-word logit when
 * only the last k words are given instead of all 50. Zero at k means the model ignores anything
 * older than k words, so longer windows (and the stateful path's longer memory) change nothing.
 */

import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';
import { TextNetwork } from '../../src/models/text/network.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { dataDir, REPO_ROOT } from '../lib/data-dir.ts';
import { loadLayersModel } from '../lib/model-files.ts';
import { heldOutSet, readPackageVocabulary } from './evaluate.ts';

const dir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'public/models/text'));
const CONTEXTS = [1, 2, 3, 5, 10, 20, 30, 40];
const POSITIONS = 64;

await useNodeBackend('wasm');
const { windows } = heldOutSet(readPackageVocabulary(dir), dataDir());
const network = new TextNetwork(await loadLayersModel(dir));
const rows = shuffledIndices(windows.count, seededRandom(7)).slice(0, POSITIONS);
const ids = new Int32Array(POSITIONS * windows.length);
rows.forEach((w, i) => ids.set(windows.features.subarray(w * windows.length, (w + 1) * windows.length), i * windows.length));
const full = tf.tensor2d(ids, [POSITIONS, windows.length], 'int32');
const reference = network.windowLogits(full);
for (const k of CONTEXTS) {
  const change = tf.tidy(() => {
    const recent = full.slice([0, windows.length - k], [POSITIONS, k]) as tf.Tensor2D;
    return network.windowLogits(recent).sub(reference).abs().max().dataSync()[0];
  });
  console.log(`last ${String(k).padStart(2)} words instead of 50: largest logit change ${change.toExponential(2)}`);
}
tf.dispose([full, reference]);
network.dispose();
