/**
 * The generated phone-like photos read by the committed digit model, before (today's MNIST-style
 * steps only) and after (the ink finder for photos):
 *   npx tsx scripts/digits/photo-accuracy.ts [strokes=30] [mnist=0]
 */
import path from 'node:path';
import { normalizeDigit } from '../../src/models/digits/normalize.ts';
import { normalizePicture } from '../../src/models/digits/normalize-picture.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import { loadMnist } from '../../training/digits/mnist.ts';
import { photoCases, readPhotos } from '../../training/digits/photos.ts';
import { dataDir, REPO_ROOT } from '../../training/lib/data-dir.ts';
import { loadLayersModel } from '../../training/lib/model-files.ts';

const strokes = Number(process.argv[2] ?? 30);
const mnist = Number(process.argv[3] ?? 0);
await useNodeBackend('wasm');
const model = await loadLayersModel(path.join(REPO_ROOT, 'public/models/digits'));
const cases = photoCases(strokes, mnist, mnist > 0 ? loadMnist(dataDir(), 't10k') : undefined);
const before = readPhotos(model, cases, normalizeDigit);
const after = readPhotos(model, cases, (image) => normalizePicture(image)?.input ?? null);
console.log(`${cases.length} generated photos (${strokes} of the e2e strokes, ${cases.length - strokes} MNIST test digits)`);
console.log(`before (MNIST-style steps only): ${before.correct} of ${before.n} read right`);
console.log(`after (ink found first):         ${after.correct} of ${after.n} read right, a digit found in ${after.found}`);
