/**
 * npm run golden — the parity matrix's reference answers, computed in Node on tfjs's CPU backend
 * (plain JavaScript, float32, no GPU) from the committed packages in public/models/, with the
 * app's own preprocessing, model and generation code. Writes e2e/fixtures/parity-golden.json.
 */
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { normalizeDigit } from '../../src/models/digits/normalize.ts';
import { predictDigit } from '../../src/models/digits/predict.ts';
import { classifyPixels, type Predictor } from '../../src/models/images/classify.ts';
import { prepareCustomModel } from '../../src/models/images/custom-model.ts';
import { buildCustomClassifier } from '../../src/models/images/custom-model-build.ts';
import type { ImagesMeta } from '../../src/models/images/images-meta.ts';
import type { ImagePreprocessing } from '../../src/models/images/model.ts';
import type { TargetSize } from '../../src/models/images/pil-resize.ts';
import { readShards } from '../../src/models/images/read-shards.ts';
import { encodePrompt } from '../../src/models/text/encode.ts';
import { greedyTopK } from '../../src/models/text/greedy-top.ts';
import { TextNetwork } from '../../src/models/text/network.ts';
import { parseVocabulary } from '../../src/models/text/vocabulary-json.ts';
import { layersModelFrom } from '../../src/runtime/model-package.ts';
import { useNodeBackend } from '../../src/runtime/node-backend.ts';
import type { StoredPrices } from '../../src/workers/forecast-protocol.ts';
import { ForecastService, type ForecastStore, type SavedModel, shippedModelInfo } from '../../src/workers/forecast-service.ts';
import { encodeFloats, GOLDEN_FILE, type Golden, type GoldenImage } from './golden-format.ts';
import { DIGITS, digitDrawing, forecastPrices, GREEDY_STEPS, PHOTOS, PROMPTS, photo, RETRAIN_EPOCHS, TOP_K } from './inputs.ts';
import { readModelPackage } from './read-package.ts';

async function digits(): Promise<Golden['digits']> {
  const model = await layersModelFrom(readModelPackage('digits'));
  const out: Golden['digits'] = [];
  for (const digit of DIGITS) {
    const input = normalizeDigit(digitDrawing(digit));
    if (!input) throw new Error(`digit ${digit} has no ink`);
    out.push({ digit, input: encodeFloats(input), probabilities: (await predictDigit(model, input)).probabilities });
  }
  model.dispose();
  return out;
}

async function classifyAll(model: Predictor, size: TargetSize, preprocessing: ImagePreprocessing): Promise<GoldenImage[]> {
  const out: GoldenImage[] = [];
  for (const index of PHOTOS)
    out.push({ photo: index, probabilities: (await classifyPixels(model, photo(index), size, preprocessing, [])).probabilities });
  return out;
}

async function images(): Promise<Golden['images']> {
  const pkg = readModelPackage('images');
  const meta = pkg.meta as ImagesMeta;
  const [h, w] = meta.inputShape;
  const model = await layersModelFrom(pkg);
  const shipped = await classifyAll(model, [h, w], meta.preprocessing!);
  model.dispose();
  // The same files through the bring-your-own path (files picked by a person, read, rebuilt).
  const files = [...pkg.files]
    .filter(([name]) => name.endsWith('.bin'))
    .map(([name, bytes]) => ({ name, data: bytes.slice().buffer as ArrayBuffer, size: bytes.byteLength }));
  const prepared = prepareCustomModel(new TextDecoder().decode(pkg.files.get('model.json')), files);
  const classifier = await buildCustomClassifier(prepared.model, (await readShards(prepared.shards)).buffers);
  const byo = await classifyAll(classifier, classifier.inputSize, meta.preprocessing!);
  classifier.dispose();
  return { shipped, byo };
}

async function text(): Promise<Golden['text']> {
  const pkg = readModelPackage('text');
  const vocabulary = parseVocabulary(new TextDecoder().decode(pkg.files.get('vocabulary.json')));
  const network = new TextNetwork(await layersModelFrom(pkg));
  const out: Golden['text'] = [];
  for (const prompt of PROMPTS) {
    const steps = await greedyTopK(network, encodePrompt(vocabulary, prompt).ids, {
      steps: GREEDY_STEPS,
      k: TOP_K,
      unknownId: vocabulary.unknownId,
    });
    out.push({ prompt, steps, words: steps.map((s) => vocabulary.wordOf(s.ids[0]) ?? '') });
  }
  network.dispose();
  return out;
}

/** The forecast worker's logic (forecast-service.ts) with an in-memory store instead of IndexedDB. */
async function forecast(): Promise<Golden['forecast']> {
  let saved: SavedModel | null = null;
  let prices: StoredPrices | null = null;
  const store: ForecastStore = {
    loadPrices: async () => prices,
    savePrices: async (p) => {
      prices = p;
    },
    loadModel: async () => saved,
    saveModel: async (m) => {
      saved = m;
    },
    deleteModel: async () => {
      saved = null;
    },
  };
  const pkg = readModelPackage('forecast');
  const service = new ForecastService(store, async () => ({ model: await layersModelFrom(pkg), info: shippedModelInfo(pkg.meta) }));
  await service.open();
  const rows = forecastPrices();
  const predicted = await service.predict(rows);
  const trained = await service.train(
    { rows, mode: 'retrain', epochs: RETRAIN_EPOCHS },
    { signal: new AbortController().signal, update: () => {} },
  );
  return {
    prediction: predicted.forecast.days.map((d) => d.prediction),
    retrain: { epochs: RETRAIN_EPOCHS, losses: trained.losses, prediction: trained.forecast.days.map((d) => d.prediction) },
  };
}

async function main() {
  await useNodeBackend('cpu');
  const golden: Golden = {
    made: { command: 'npm run golden', tfjs: tf.version.tfjs, backend: tf.getBackend() },
    digits: await digits(),
    images: await images(),
    text: await text(),
    forecast: await forecast(),
  };
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 1)}\n`);
  console.log(
    `wrote ${GOLDEN_FILE}: ${golden.digits.length} digits, ${golden.images.shipped.length}+${golden.images.byo.length} ` +
      `photos, ${golden.text.length} prompts, forecast with ${golden.forecast.retrain.losses.length} epochs`,
  );
  console.log('digits top-1:', golden.digits.map((d) => d.probabilities.indexOf(Math.max(...d.probabilities))).join(' '));
  console.log('text:', golden.text.map((t) => t.words.slice(0, 8).join(' ')).join(' | '));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
