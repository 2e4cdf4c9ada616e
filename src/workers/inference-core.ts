/**
 * The inference worker's shared machinery: the backend, the downloaded model packages, one built
 * model per task, and recovery from a lost WebGL context. Task handlers (tasks/*.ts) build on it.
 */
import * as tf from '@tensorflow/tfjs';
import { abortable } from '../runtime/abortable.ts';
import type { BackendName, BackendReport } from '../runtime/backend-choice.ts';
import { activeWebGLContext, startBackend } from '../runtime/browser-backend.ts';
import { ContextLossWatch } from '../runtime/context-loss.ts';
import { heldUntil } from '../runtime/held-calls.ts';
import { fetchModelPackage, type ModelPackage, packageUrl } from '../runtime/model-package.ts';
import { Readiness } from '../runtime/readiness.ts';
import { KindedError } from '../runtime/rpc.ts';
import type { TfjsFlags } from '../runtime/tfjs-flags.ts';
import { MODEL_UNAVAILABLE, type Task } from './inference-protocol.ts';

/** What a task builds from its package: anything it can dispose (a layers model, a model plus a vocabulary…). */
export interface Disposable {
  dispose(): void;
}

type Emit = {
  progress: (payload: { task: Task; loadedBytes: number; totalBytes: number }) => void;
  backend: (payload: BackendReport) => void;
};

let emit: Emit = { progress: () => {}, backend: () => {} };
let report: BackendReport | null = null;
let starting: Promise<BackendReport> | null = null;
const backendStarted = new Readiness<BackendReport>();
let modelsBaseUrl = '';
const contextLoss = new ContextLossWatch();
const builders = new Map<Task, (pkg: ModelPackage) => Promise<Disposable>>();
const packages = new Map<Task, ModelPackage>();
const models = new Map<Task, Promise<Disposable>>();
const downloads = new Map<Task, AbortController>();

export function connectEvents(events: Emit) {
  emit = events;
}

/** Starts the backend (once; concurrent callers share the start) and opens the gate for every other call. */
export function initBackend(forced: BackendName | null, baseUrl: string, flags: TfjsFlags = {}): Promise<BackendReport> {
  modelsBaseUrl = baseUrl;
  starting ??= startBackend(forced, flags).then(
    (started) => {
      report = started;
      contextLoss.watch(activeWebGLContext());
      emit.backend(started);
      backendStarted.ready(started);
      return started;
    },
    (err: unknown) => {
      console.error('tabml: no TensorFlow.js backend could start', err);
      const plain = new KindedError(
        'TensorFlow.js could not start in this browser (neither WebGL, WebAssembly nor plain JavaScript). Try an up-to-date Chrome, Edge, Firefox or Safari.',
        'unsupported',
      );
      backendStarted.fail(plain);
      throw plain;
    },
  );
  return starting;
}

/**
 * Every call but `init` waits until the backend runs: a page acts the moment a person does (a photo
 * dropped while tfjs is still starting), and tfjs must not be touched before `setBackend` resolves.
 */
export const afterBackendStarts = <H extends Parameters<typeof heldUntil>[1]>(handlers: H): H =>
  heldUntil((signal) => backendStarted.wait(signal), handlers);

/**
 * Declares how a task turns its downloaded package into something that runs; returns the task's
 * loader (download once, build once per backend, shared by concurrent callers). A request that
 * arrives mid-download waits for it; its signal lets it stop waiting without stopping the download.
 */
export function defineTask<T extends Disposable>(
  task: Task,
  build: (pkg: ModelPackage) => Promise<T>,
): (signal?: AbortSignal) => Promise<T> {
  builders.set(task, build);
  return (signal) => abortable(modelForRequest(task).catch(modelUnavailable) as Promise<T>, signal);
}

/**
 * The model a request needs. Only `load` (the page opening, or the person's Retry) starts a
 * download: a request never starts one behind the person's back, so a cancelled download stays
 * cancelled and the page's status always tells the truth. A downloaded package is rebuilt freely.
 */
function modelForRequest(task: Task): Promise<Disposable> {
  if (models.has(task) || packages.has(task)) return loadTask(task);
  return Promise.reject(new Error(`The ${task} model has not been downloaded.`));
}

/**
 * A request that needed a model whose download failed or was cancelled. The page keeps the
 * request's input and sends it again once the model is ready; the download's own error is shown
 * (with Retry) by the page's model status, from the `load` call.
 */
function modelUnavailable(err: unknown): never {
  throw new KindedError(err instanceof Error ? err.message : 'The model is not available.', MODEL_UNAVAILABLE);
}

export function loadTask(task: Task): Promise<Disposable> {
  let model = models.get(task);
  if (!model) {
    const build = builders.get(task);
    if (!build) return Promise.reject(new Error(`no model is defined for ${task}`));
    model = (async () => {
      let pkg = packages.get(task);
      if (!pkg) {
        const download = new AbortController();
        downloads.set(task, download);
        try {
          pkg = await fetchModelPackage(packageUrl(modelsBaseUrl, task), (p) => emit.progress({ task, ...p }), download.signal);
        } finally {
          downloads.delete(task);
        }
        packages.set(task, pkg);
      }
      return build(pkg);
    })();
    models.set(task, model);
    model.catch(() => models.delete(task)); // a failed load can be retried
  }
  return model;
}

export const packageOf = (task: Task) => packages.get(task);

/** Stops a download in progress; its load fails with kind 'cancelled'. */
export function cancelDownload(task: Task): boolean {
  const download = downloads.get(task);
  download?.abort();
  return download !== undefined;
}

/** Runs a model once on zeros so the first real request does not pay for shader compilation. */
export async function warmUp(model: tf.LayersModel, inputShape: number[]) {
  const warm = tf.tidy(() => model.predict(tf.zeros([1, ...inputShape])) as tf.Tensor);
  await warm.data();
  warm.dispose();
}

/**
 * After a lost WebGL context: WASM, the same models rebuilt from their packages (no new download).
 * Several requests may notice the loss at once; they share one recovery.
 */
let recovery: Promise<void> | null = null;
function recoverFromContextLoss(): Promise<void> {
  recovery ??= (async () => {
    if (report?.backend !== 'webgl') return; // an earlier recovery already moved us
    const lost = [...models.values()];
    models.clear();
    for (const m of lost)
      m.then(
        (model) => {
          try {
            model.dispose();
          } catch {
            /* its context is gone */
          }
        },
        () => {},
      );
    const next = await startBackend('wasm');
    report = {
      ...next,
      forced: false,
      reason: `The WebGL context was lost (GPU reset or out of memory), so tabml switched to WebAssembly. ${next.reason}`,
    };
    contextLoss.watch(null);
    emit.backend(report);
    for (const task of packages.keys()) await loadTask(task);
  })().finally(() => (recovery = null));
  return recovery;
}

/** Runs work; if the WebGL context is lost meanwhile, recovers on WASM and runs it again. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    const outcome = await contextLoss.race(work());
    if (outcome) return outcome.value;
    await recoverFromContextLoss();
  }
}

export function loseWebGLContext(): boolean {
  const extension = activeWebGLContext()?.getExtension('WEBGL_lose_context');
  if (!extension) return false;
  extension.loseContext();
  return true;
}
