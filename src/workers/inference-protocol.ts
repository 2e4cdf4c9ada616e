/**
 * The inference worker's calls and events, as the page sees them (types only: importing this file
 * pulls no worker code into the page). The handlers are in tasks/<task>.ts.
 */

import type { RgbaImage } from '../models/digits/normalize.ts';
import type { InkBox } from '../models/digits/normalize-picture.ts';
import type { DigitResult } from '../models/digits/result.ts';
import type { ImageClassification } from '../models/images/classify.ts';
import type { ImagePreprocessing } from '../models/images/model.ts';
import type { TargetSize } from '../models/images/pil-resize.ts';
import type { PixelSource } from '../models/images/pixels.ts';
import type { ReadProgress, ShardSource } from '../models/images/read-shards.ts';
import type { GenerationMethod } from '../models/text/generate.ts';
import type { BackendName, BackendReport } from '../runtime/backend-choice.ts';
import type { MemoryCall } from '../runtime/memory-call.ts';
import type { ModelMeta } from '../runtime/model-meta.ts';
import type { TfjsFlags } from '../runtime/tfjs-flags.ts';
import type { RememberedModel } from './remembered-models.ts';
import type { ParityCalls } from './tasks/parity.ts';

/** The tasks whose models the inference worker serves; the forecast worker serves 'forecast'. */
export type InferenceTask = 'digits' | 'images' | 'text';
export type Task = InferenceTask | 'forecast';

/** The models the inference worker keeps: its tasks', and a bring-your-own image model. */
export type InferenceModel = InferenceTask | 'custom-image';

// The calls of each part of the worker (handlers in tasks/<task>.ts).

export type RuntimeCalls = {
  /** Starts the backend; `flags` are tfjs flags the page's URL named (`?tfjsflags=`). */
  init: { params: { backend: BackendName | null; modelsBaseUrl: string; flags?: TfjsFlags }; result: BackendReport; update: never };
  /** Downloads (with progress events) and builds a task's model. */
  load: { params: { task: InferenceTask }; result: { meta: ModelMeta }; update: never };
  /** Stops a model download in progress; its `load` call fails with kind 'cancelled'. */
  cancelLoad: { params: { task: InferenceTask }; result: boolean; update: never };
  memory: MemoryCall;
  /** How fast this device multiplies matrices on the current backend: the practical ceiling. */
  matMulGflops: { params: { size: number; runs: number }; result: number; update: never };
  /** For tests and the reliability suite: loses the WebGL context as a GPU reset would. */
  loseWebGLContext: { params: Record<string, never>; result: boolean; update: never };
};

/** Digits: the MNIST CNN. */
export type DigitsCalls = {
  /**
   * Normalizes a drawing or a picture MNIST-style and recognizes it; `null` when there is no ink
   * (or, for a picture, no single digit). A picture's answer says where its ink was found.
   */
  recognizeDigit: {
    params: { image: RgbaImage; source?: 'drawing' | 'picture' };
    result: { result: DigitResult; input: Float32Array; ms: number; box?: InkBox } | null;
    update: never;
  };
};

/** Text: the word LSTM. */
export interface TextGeneration {
  /** The new words, in order (the prompt is not repeated). */
  words: string[];
  /** The words the network read first: the prompt's last 50, as the tokenizer split them. */
  promptWords: string[];
  /** Prompt words outside the vocabulary (each once); the network read them as "unknown". */
  unknownWords: string[];
  /** The rng seed used: pass it again to get the same words. */
  rngSeed: number;
  method: GenerationMethod;
  ms: number;
}

export type TextCalls = {
  /** Continues `prompt` with `words` new words; streams each as it is sampled; cancel stops at once. */
  generateText: {
    params: { prompt: string; diversity: number; words: number; rngSeed?: number; method?: GenerationMethod };
    result: TextGeneration;
    update: TextUpdate;
  };
};

/** First what the network read (so the page can show it at once), then each new word. */
export type TextUpdate = { kind: 'prompt'; promptWords: string[]; unknownWords: string[] } | { kind: 'word'; index: number; word: string };

/** Images: the shipped CNN and a bring-your-own model. */
export type ImageAnswer = ImageClassification & { ms: number };

export interface CustomModelInfo {
  inputSize: TargetSize;
  labels: string[];
  parameters: number;
  /** Said to the person, e.g. that augmentation layers were left out. */
  notice?: string;
}

/** What a bring-your-own model is made of, kept as Blobs (files stay on disk) to rebuild or remember it. */
export interface CustomModelSource {
  modelJson: string;
  weights: ShardSource[];
  labels?: string[];
  name?: string;
}

export type ImagesCalls = {
  /** Classifies decoded pixels with the shipped model, preprocessed as its meta.json says. */
  classifyImage: { params: { image: PixelSource }; result: ImageAnswer; update: never };
  /** Builds a bring-your-own model from its files (replacing any earlier one), reporting bytes read. */
  loadCustomImageModel: { params: CustomModelSource; result: CustomModelInfo; update: ReadProgress };
  loadCustomImageModelFromUrl: { params: { url: string; labels?: string[] }; result: CustomModelInfo; update: never };
  /** Classifies with the bring-your-own model. */
  classifyWithCustomModel: { params: { image: PixelSource; preprocessing: ImagePreprocessing }; result: ImageAnswer; update: never };
  unloadCustomImageModel: { params: Record<string, never>; result: boolean; update: never };
  /** Keeps the loaded model in this device's IndexedDB, with its checksums. */
  rememberCustomImageModel: { params: { preprocessing: ImagePreprocessing }; result: RememberedModel; update: ReadProgress };
  listRememberedImageModels: { params: Record<string, never>; result: RememberedModel[]; update: never };
  /** Loads a remembered model, refusing it if a stored file fails its checksum. */
  loadRememberedImageModel: { params: { id: string }; result: CustomModelInfo & { remembered: RememberedModel }; update: ReadProgress };
  deleteRememberedImageModel: { params: { id: string }; result: boolean; update: never };
};

export type InferenceCalls = RuntimeCalls & DigitsCalls & TextCalls & ImagesCalls & ParityCalls;

export type InferenceEvents = {
  progress: { task: Task; loadedBytes: number; totalBytes: number };
  backend: BackendReport;
};
