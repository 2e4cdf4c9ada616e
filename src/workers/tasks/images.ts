/**
 * Images: the shipped cat-or-coffee CNN, and a bring-your-own layers model (e.g. a converted Keras
 * VGG16) classified the same way. Pixels arrive decoded (RGBA, full size); resizing and Keras's
 * preprocessing happen here, off the page's thread.
 */
import * as tf from '@tensorflow/tfjs';
import { layersModelFrom } from '../../runtime/model-package.ts';
import { KindedError, type Handlers } from '../../runtime/rpc.ts';
import { classifyPixels, type ImageClassification } from '../../models/images/classify.ts';
import { customModelArtifacts, modelClassCount, modelInputSize, type ModelFile } from '../../models/images/custom-model.ts';
import type { ImagesMeta } from '../../models/images/images-meta.ts';
import { labelsFor } from '../../models/images/labels.ts';
import type { ImagePreprocessing } from '../../models/images/model.ts';
import type { TargetSize } from '../../models/images/pil-resize.ts';
import type { PixelSource } from '../../models/images/pixels.ts';
import { INPUT_MODES, INTERPOLATIONS } from '../../models/images/vgg16-preprocess.ts';
import { defineTask, guarded, warmUp } from '../inference-core.ts';

export type ImageAnswer = ImageClassification & { ms: number };

export interface CustomModelInfo {
  inputSize: TargetSize;
  labels: string[];
  parameters: number;
}

export type ImagesCalls = {
  /** Classifies decoded pixels with the shipped model, preprocessed as its meta.json says. */
  classifyImage: { params: { image: PixelSource }; result: ImageAnswer; update: never };
  /** Builds a bring-your-own layers model from its files (replacing any earlier one). */
  loadCustomImageModel: { params: { modelJson: string; weights: ModelFile[]; labels?: string[] }; result: CustomModelInfo; update: never };
  loadCustomImageModelFromUrl: { params: { url: string; labels?: string[] }; result: CustomModelInfo; update: never };
  /** Classifies with the bring-your-own model. */
  classifyWithCustomModel: { params: { image: PixelSource; preprocessing: ImagePreprocessing }; result: ImageAnswer; update: never };
  unloadCustomImageModel: { params: Record<string, never>; result: boolean; update: never };
};

interface ShippedModel {
  model: tf.LayersModel;
  size: TargetSize;
  preprocessing: ImagePreprocessing;
  labels: string[];
  dispose(): void;
}

function checkPreprocessing(p: Partial<ImagePreprocessing> | undefined): ImagePreprocessing {
  if (!p || !INTERPOLATIONS.includes(p.interpolation!) || !INPUT_MODES.includes(p.mode!)) {
    throw new KindedError(`The preprocessing ${JSON.stringify(p)} is not one of: interpolation ${INTERPOLATIONS.join('/')}, mode ${INPUT_MODES.join('/')}.`, 'format');
  }
  return { interpolation: p.interpolation!, mode: p.mode! };
}

const imagesModel = defineTask('images', async (pkg): Promise<ShippedModel> => {
  const meta = pkg.meta as ImagesMeta;
  const preprocessing = checkPreprocessing(meta.preprocessing);
  const model = await layersModelFrom(pkg);
  await warmUp(model, meta.inputShape);
  const [h, w] = meta.inputShape;
  return { model, size: [h, w], preprocessing, labels: labelsFor(modelClassCount(model), meta.labels), dispose: () => model.dispose() };
});

/**
 * The bring-your-own model, with how to build it again: a lost WebGL context takes its weights
 * with it, and the visitor should not have to pick the files a second time.
 */
let custom: { model: tf.LayersModel; info: CustomModelInfo; build: () => Promise<tf.LayersModel>; backend: string } | null = null;

async function timed(work: () => Promise<ImageClassification>): Promise<ImageAnswer> {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: performance.now() - started };
}

/** Builds a bring-your-own model, reads its input size and classes, warms it up, and keeps it. */
async function installCustom(build: () => Promise<tf.LayersModel>, labels: string[] | undefined): Promise<CustomModelInfo> {
  let model: tf.LayersModel;
  try {
    model = await build();
  } catch (err) {
    throw new KindedError(`TensorFlow.js could not build this model: ${(err as Error).message}. Check that model.json and its .bin files come from the same conversion.`, 'format');
  }
  try {
    const inputSize = modelInputSize(model);
    const info: CustomModelInfo = { inputSize, labels: labelsFor(modelClassCount(model), labels), parameters: model.countParams() };
    await warmUp(model, [...inputSize, 3]);
    custom = { model, info, build, backend: tf.getBackend() };
    return info;
  } catch (err) {
    model.dispose();
    throw new KindedError((err as Error).message, 'format');
  }
}

function disposeCustom() {
  try {
    custom?.model.dispose();
  } catch {
    // Its WebGL context is gone, and its weights with it.
  }
  custom = null;
}

/** The loaded model, rebuilt (from the same files, in memory) when the backend changed under it. */
async function customModel(): Promise<NonNullable<typeof custom>> {
  const loaded = custom;
  if (!loaded) throw new KindedError('Load a model first: pick its model.json and weight files.', 'format');
  if (loaded.backend === tf.getBackend()) return loaded;
  try {
    loaded.model.dispose();
  } catch {
    // As above: nothing left to free.
  }
  const model = await loaded.build();
  await warmUp(model, [...loaded.info.inputSize, 3]);
  if (custom !== loaded) {
    model.dispose(); // unloaded or replaced meanwhile
    return customModel();
  }
  custom = { ...loaded, model, backend: tf.getBackend() };
  return custom;
}

export const imagesHandlers: Handlers<ImagesCalls> = {
  classifyImage: ({ image }, { signal }) =>
    guarded(async () => {
      const shipped = await imagesModel(signal);
      return timed(() => classifyPixels(shipped.model, image, shipped.size, shipped.preprocessing, shipped.labels));
    }),

  async loadCustomImageModel({ modelJson, weights, labels }) {
    disposeCustom();
    let artifacts: tf.io.ModelArtifacts;
    try {
      artifacts = customModelArtifacts(modelJson, weights);
    } catch (err) {
      throw new KindedError((err as Error).message, 'format');
    }
    return installCustom(() => tf.loadLayersModel(tf.io.fromMemory(artifacts)), labels);
  },

  /** For the benchmark: the same, fetched by tfjs from an absolute URL the page's origin serves. */
  async loadCustomImageModelFromUrl({ url, labels }) {
    disposeCustom();
    return installCustom(() => tf.loadLayersModel(url), labels);
  },

  classifyWithCustomModel: ({ image, preprocessing }) =>
    guarded(async () => {
      const options = checkPreprocessing(preprocessing);
      const loaded = await customModel();
      return timed(() => classifyPixels(loaded.model, image, loaded.info.inputSize, options, loaded.info.labels));
    }),

  async unloadCustomImageModel() {
    const had = custom !== null;
    disposeCustom();
    return had;
  },
};
