/**
 * The inference worker: owns the tfjs runtime and every loaded model (one instance per task),
 * so nothing heavy ever runs on the page's main thread.
 */
import * as tf from '@tensorflow/tfjs';
import { activeWebGLContext, startBackend } from '../runtime/browser-backend';
import type { BackendName, BackendReport } from '../runtime/backend-choice';
import { ContextLossWatch } from '../runtime/context-loss';
import { fetchModelPackage, layersModelFrom, packageUrl, PackageError, type ModelPackage } from '../runtime/model-package';
import type { Calls, CallName, Request, Task, WorkerMessage } from '../runtime/protocol';
import { predictDigit } from '../models/digits/predict';
import { normalizeDigit } from '../models/digits/normalize';

const post = (message: WorkerMessage) => self.postMessage(message);

let report: BackendReport | null = null;
let modelsBaseUrl = '';
const contextLoss = new ContextLossWatch();
const packages = new Map<Task, ModelPackage>();
const models = new Map<Task, Promise<tf.LayersModel>>();
const downloads = new Map<Task, AbortController>();

async function useBackend(forced: BackendName | null): Promise<BackendReport> {
  report = await startBackend(forced);
  contextLoss.watch(activeWebGLContext());
  post({ type: 'backend', report });
  return report;
}

/** Builds (and warms up) the model of a task on the current backend from its downloaded package. */
async function buildModel(pkg: ModelPackage): Promise<tf.LayersModel> {
  const model = await layersModelFrom(pkg);
  // Warm-up: the first run compiles shaders / allocates; do it now, not on the user's first stroke.
  const warm = tf.tidy(() => model.predict(tf.zeros([1, ...pkg.meta.inputShape])) as tf.Tensor);
  await warm.data();
  warm.dispose();
  return model;
}

function loadModel(task: Task): Promise<tf.LayersModel> {
  let model = models.get(task);
  if (!model) {
    model = (async () => {
      let pkg = packages.get(task);
      if (!pkg) {
        const download = new AbortController();
        downloads.set(task, download);
        try {
          pkg = await fetchModelPackage(packageUrl(modelsBaseUrl, task), (p) => post({ type: 'progress', task, ...p }), download.signal);
        } finally {
          downloads.delete(task);
        }
        packages.set(task, pkg);
      }
      return buildModel(pkg);
    })();
    models.set(task, model);
    model.catch(() => models.delete(task)); // a failed load can be retried
  }
  return model;
}

/**
 * After a lost WebGL context: WASM, the same models rebuilt from their packages (no new download).
 * Several requests may notice the loss at once; they share one recovery.
 */
let recovery: Promise<void> | null = null;
function recoverFromContextLoss(): Promise<void> {
  recovery ??= (async () => {
    if (report?.backend !== 'webgl') return; // an earlier recovery already moved us
    const lostModels = [...models.values()];
    models.clear();
    for (const m of lostModels) m.then((model) => { try { model.dispose(); } catch { /* its context is gone */ } }, () => {});
    const next = await startBackend('wasm');
    report = { ...next, forced: false, reason: `The WebGL context was lost (GPU reset or out of memory), so tabml switched to WebAssembly. ${next.reason}` };
    contextLoss.watch(null);
    post({ type: 'backend', report });
    for (const task of packages.keys()) await loadModel(task);
  })().finally(() => (recovery = null));
  return recovery;
}

/** Runs work; if the WebGL context is lost meanwhile, recovers on WASM and runs it again. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    const outcome = await contextLoss.race(work());
    if (outcome) return outcome.value;
    await recoverFromContextLoss();
  }
}

const handlers: { [K in CallName]: (params: Calls[K]['params']) => Promise<Calls[K]['result']> } = {
  async init({ backend, modelsBaseUrl: base }) {
    modelsBaseUrl = base;
    return report ?? useBackend(backend);
  },
  async load({ task }) {
    await guarded(() => loadModel(task));
    return { meta: packages.get(task)!.meta };
  },
  async cancelLoad({ task }) {
    const download = downloads.get(task);
    download?.abort();
    return download !== undefined;
  },
  async recognizeDigit({ image }) {
    const input = normalizeDigit(image);
    if (!input) return null;
    return guarded(async () => {
      const model = await loadModel('digits');
      const started = performance.now();
      const result = await predictDigit(model, input);
      return { result, input, ms: performance.now() - started };
    });
  },
  async memory() {
    return { numTensors: tf.memory().numTensors, backend: tf.getBackend() };
  },
  async matMulGflops({ size, runs }) {
    const [a, b] = [tf.randomNormal([size, size]), tf.randomNormal([size, size])];
    try {
      const warm = tf.matMul(a, b);
      await warm.data();
      warm.dispose();
      const started = performance.now();
      for (let i = 0; i < runs; i++) {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      }
      return (2 * size ** 3 * runs) / ((performance.now() - started) / 1000) / 1e9;
    } finally {
      tf.dispose([a, b]);
    }
  },
  async loseWebGLContext() {
    const gl = activeWebGLContext();
    const extension = gl?.getExtension('WEBGL_lose_context');
    if (!extension) return false;
    extension.loseContext();
    return true;
  },
};

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, call, params } = event.data;
  try {
    const handler = handlers[call] as (p: typeof params) => Promise<unknown>;
    post({ type: 'result', id, value: await handler(params) });
  } catch (err) {
    post({
      type: 'error',
      id,
      message: err instanceof Error ? err.message : String(err),
      kind: err instanceof PackageError ? err.kind : 'runtime',
    });
  }
};
