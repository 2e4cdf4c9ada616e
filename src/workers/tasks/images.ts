/**
 * Images: the shipped cat-or-coffee CNN, and a bring-your-own layers model (e.g. a converted Keras
 * VGG16) classified the same way. Pixels arrive decoded (RGBA, full size); resizing and Keras's
 * preprocessing happen here, off the page's thread.
 */
import type * as tf from '@tensorflow/tfjs';
import { classifyPixels, type ImageClassification } from '../../models/images/classify.ts';
import { modelClassCount, prepareCustomModel, readManifest } from '../../models/images/custom-model.ts';
import { buildCustomClassifier, type CustomClassifier } from '../../models/images/custom-model-build.ts';
import type { ImagesMeta } from '../../models/images/images-meta.ts';
import { labelsFor } from '../../models/images/labels.ts';
import type { ImagePreprocessing } from '../../models/images/model.ts';
import type { TargetSize } from '../../models/images/pil-resize.ts';
import { type ReadProgress, readShards, type ShardSource, sourceSize } from '../../models/images/read-shards.ts';
import { INPUT_MODES, INTERPOLATIONS } from '../../models/images/vgg16-preprocess.ts';
import { sha256Hex } from '../../runtime/integrity.ts';
import { layersModelFrom, type ModelPackage } from '../../runtime/model-package.ts';
import { type Handlers, KindedError } from '../../runtime/rpc.ts';
import { warmUp } from '../../runtime/warm-up.ts';
import type { CustomModelInfo, CustomModelSource, ImageAnswer, ImagesCalls } from '../inference-protocol.ts';
import { forgetModel, listRemembered, readRemembered, rememberModel } from '../remembered-models.ts';
import type { TaskRuntime } from './task-runtime.ts';

// The page's types, from where they used to be declared.

interface ShippedModel {
  model: tf.LayersModel;
  size: TargetSize;
  preprocessing: ImagePreprocessing;
  labels: string[];
  dispose(): void;
}

function checkPreprocessing(p: Partial<ImagePreprocessing> | undefined): ImagePreprocessing {
  if (!p || !INTERPOLATIONS.includes(p.interpolation!) || !INPUT_MODES.includes(p.mode!)) {
    throw new KindedError(
      `The preprocessing ${JSON.stringify(p)} is not one of: interpolation ${INTERPOLATIONS.join('/')}, mode ${INPUT_MODES.join('/')}.`,
      'format',
    );
  }
  return { interpolation: p.interpolation!, mode: p.mode! };
}

async function buildImagesModel(pkg: ModelPackage): Promise<ShippedModel> {
  const meta = pkg.meta as ImagesMeta;
  const preprocessing = checkPreprocessing(meta.preprocessing);
  const model = await layersModelFrom(pkg);
  await warmUp(model, meta.inputShape);
  const [h, w] = meta.inputShape;
  return { model, size: [h, w], preprocessing, labels: labelsFor(modelClassCount(model), meta.labels), dispose: () => model.dispose() };
}

async function timed(work: () => Promise<ImageClassification>): Promise<ImageAnswer> {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: performance.now() - started };
}

/** Blobs of the sources, so that what is kept to rebuild is not a second copy in memory. */
const asBlobs = (weights: ShardSource[]): ShardSource[] =>
  weights.map((w) => ({ name: w.name, data: w.data instanceof Blob ? w.data : new Blob([w.data]) }));

const formatError = (err: unknown) => (err instanceof KindedError ? err : new KindedError((err as Error).message, 'format'));

const prepare = (source: CustomModelSource) => {
  try {
    return prepareCustomModel(
      source.modelJson,
      source.weights.map((w) => ({ ...w, size: sourceSize(w) })),
    );
  } catch (err) {
    throw formatError(err);
  }
};

/** Checks the files, reads them shard by shard, builds, warms up. */
async function buildFrom(
  source: CustomModelSource,
  onProgress?: (p: ReadProgress) => void,
  expected?: string[],
): Promise<CustomClassifier & { notice: string | null }> {
  const { model, shards } = prepare(source);
  if (model.changes.length) console.info('tabml: bring-your-own model rewritten for TensorFlow.js 4.22:', model.changes.join('; '));
  let buffers: ArrayBuffer[] | null;
  try {
    buffers = (await readShards(shards, { onProgress, expected })).buffers;
  } catch (err) {
    throw formatError(err);
  }
  let classifier: CustomClassifier;
  try {
    classifier = await buildCustomClassifier(model, buffers);
  } catch (err) {
    throw formatError(err);
  } finally {
    buffers = null; // the tensors hold the weights now
  }
  try {
    await warmUp(classifier as unknown as tf.LayersModel, [...classifier.inputSize, 3]);
  } catch (err) {
    console.error('tabml: the model was built but its first run failed', err);
    classifier.dispose();
    throw new KindedError(
      `TensorFlow.js built this model but could not run it on a ${classifier.inputSize.join('×')} ` +
        `picture. Check that model.json and its weight files come from the same conversion.`,
      'format',
    );
  }
  return Object.assign(classifier, { notice: model.notice });
}

/** The registry's name for the bring-your-own model: rebuilt from its files after a backend switch, like the shipped ones. */
const CUSTOM = 'custom-image';

export function imagesHandlers({ models, guarded }: TaskRuntime): Handlers<ImagesCalls> {
  const imagesModel = models.define('images', buildImagesModel);
  /**
   * What the bring-your-own model was built from: a lost WebGL context takes its weights with it,
   * and the visitor should not have to pick the files a second time. The weight files are kept as
   * Blobs (on disk), not as read bytes, so memory holds the model once. The model is in `models`.
   */
  let custom: { info: CustomModelInfo; source: CustomModelSource } | null = null;

  /** Builds a bring-your-own model, reads its input size and classes, and keeps it with its source. */
  async function installCustom(
    source: CustomModelSource,
    onProgress?: (p: ReadProgress) => void,
    expected?: string[],
  ): Promise<CustomModelInfo> {
    const kept: CustomModelSource = { ...source, weights: asBlobs(source.weights) };
    disposeCustom();
    const model = await buildFrom(kept, onProgress, expected);
    const info: CustomModelInfo = {
      inputSize: model.inputSize,
      labels: labelsFor(model.classes, source.labels),
      parameters: model.parameters,
      ...(model.notice ? { notice: model.notice } : {}),
    };
    models.adopt(CUSTOM, model, () => buildFrom(kept));
    custom = { info, source: kept };
    return info;
  }

  function disposeCustom() {
    models.remove(CUSTOM);
    custom = null;
  }

  /** The loaded model (rebuilt from the same files when the backend changed under it) and what it is. */
  async function customModel(): Promise<{ model: CustomClassifier; info: CustomModelInfo }> {
    const loaded = custom;
    const model = models.adopted<CustomClassifier>(CUSTOM);
    if (!loaded || !model) throw new KindedError('Load a model first: pick its model.json and weight files.', 'format');
    return { model: await model, info: loaded.info };
  }

  return {
    classifyImage: ({ image }, { signal }) =>
      guarded(async () => {
        const shipped = await imagesModel(signal);
        return timed(() => classifyPixels(shipped.model, image, shipped.size, shipped.preprocessing, shipped.labels));
      }),

    loadCustomImageModel: (source, { update }) => installCustom(source, update),

    /** For the benchmark: the same, fetched from an absolute URL the page's origin serves. */
    async loadCustomImageModelFromUrl({ url, labels }) {
      const modelJson = await (await fetch(url)).text();
      const manifest = readManifest((JSON.parse(modelJson) as { weightsManifest?: unknown }).weightsManifest);
      const weights = await Promise.all(
        manifest.flatMap((g) => g.paths).map(async (p) => ({ name: p, data: await (await fetch(new URL(p, url))).blob() })),
      );
      return installCustom({ modelJson, weights, labels });
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

    async rememberCustomImageModel({ preprocessing }, { update }) {
      const loaded = custom;
      if (!loaded) throw new KindedError('Load a model first, then remember it.', 'format');
      const options = checkPreprocessing(preprocessing);
      const { shards } = prepare(loaded.source);
      try {
        const { sha256 } = await readShards(shards, { hash: true, onProgress: update });
        return await rememberModel(
          {
            name: loaded.source.name ?? 'your model',
            bytes: shards.reduce((n, s) => n + sourceSize(s), 0),
            inputSize: loaded.info.inputSize,
            classes: loaded.info.labels.length,
            preprocessing: options,
            modelJson: loaded.source.modelJson,
            modelJsonSha256: await sha256Hex(new TextEncoder().encode(loaded.source.modelJson)),
            labels: loaded.source.labels,
            files: shards.map((s, i) => ({ name: s.name, sha256: sha256[i], size: sourceSize(s) })),
          },
          shards.map((s) => s.data as Blob),
        );
      } catch (err) {
        throw formatError(err);
      }
    },

    listRememberedImageModels: () => listRemembered(),

    async loadRememberedImageModel({ id }, { update }) {
      let stored: Awaited<ReturnType<typeof readRemembered>>;
      try {
        stored = await readRemembered(id);
      } catch (err) {
        throw formatError(err);
      }
      const { record, blobs } = stored;
      if ((await sha256Hex(new TextEncoder().encode(record.modelJson))) !== record.modelJsonSha256) {
        throw new KindedError(
          `The model.json of the remembered model “${record.name.slice(0, 40)}” no longer matches its ` +
            `checksum: the stored copy is damaged. Delete it and load the model from its files again.`,
          'format',
        );
      }
      const weights = record.files.map((f, i) => ({ name: f.name, data: blobs[i] }));
      const info = await installCustom(
        { modelJson: record.modelJson, weights, labels: record.labels, name: record.name },
        update,
        record.files.map((f) => f.sha256),
      );
      const { id: rid, name, savedAt, bytes, inputSize, classes, preprocessing } = record;
      return { ...info, remembered: { id: rid, name, savedAt, bytes, inputSize, classes, preprocessing } };
    },

    deleteRememberedImageModel: ({ id }) => forgetModel(id),
  };
}
