/** The typed messages between the page and the inference worker. */
import type { BackendName, BackendReport } from './backend-choice';
import type { ModelMeta } from './model-meta';
import type { DigitResult } from '../models/digits/result';
import type { RgbaImage } from '../models/digits/normalize';

export type Task = 'digits';

/** Every call the worker answers: its parameters and its result. */
export interface Calls {
  init: { params: { backend: BackendName | null; modelsBaseUrl: string }; result: BackendReport };
  load: { params: { task: Task }; result: { meta: ModelMeta } };
  /** Stops a model download in progress; its `load` call fails with kind 'cancelled'. */
  cancelLoad: { params: { task: Task }; result: boolean };
  /** Normalizes a picture MNIST-style and recognizes it; `null` when there is no ink. */
  recognizeDigit: { params: { image: RgbaImage }; result: { result: DigitResult; input: Float32Array; ms: number } | null };
  memory: { params: Record<string, never>; result: { numTensors: number; backend: string } };
  /** How fast this device multiplies matrices on the current backend: the practical ceiling. */
  matMulGflops: { params: { size: number; runs: number }; result: number };
  /** For tests and the reliability suite: loses the WebGL context as a GPU reset would. */
  loseWebGLContext: { params: Record<string, never>; result: boolean };
}

export type CallName = keyof Calls;

export type Request = { [K in CallName]: { id: number; call: K; params: Calls[K]['params'] } }[CallName];

export type WorkerMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string; kind: string }
  | { type: 'progress'; task: Task; loadedBytes: number; totalBytes: number }
  | { type: 'backend'; report: BackendReport };
