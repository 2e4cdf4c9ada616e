/**
 * The forecast worker: owns the forecast model that serves and trains its replacements, apart
 * from the inference worker, so that minutes of training block neither the page nor the other
 * models. It runs the same machinery as the inference worker (worker-runtime.ts: one backend with
 * the context-loss guard, the shipped package through the one loader). The logic is in
 * forecast-service.ts; this file wires it to that runtime and IndexedDB.
 */
import { heldUntil } from '../runtime/held-calls.ts';
import { answerMemory } from '../runtime/memory-call.ts';
import { layersModelFrom, type ModelPackage } from '../runtime/model-package.ts';
import { packageFileUrls } from '../runtime/model-package-url.ts';
import { Readiness } from '../runtime/readiness.ts';
import type { Handlers } from '../runtime/rpc.ts';
import { serveRpc } from '../runtime/rpc-server.ts';
import { indexedDbForecastStore } from './forecast-db.ts';
import type { ForecastCalls, ForecastEvents } from './forecast-protocol.ts';
import { ForecastService, shippedModelInfo } from './forecast-service.ts';
import { createWorkerRuntime } from './worker-runtime.ts';

let modelsBaseUrl = '';

const runtime = createWorkerRuntime<'forecast'>({
  progress: (task, p) => emit('progress', { task, ...p }),
  backend: (report) => emit('backend', report),
  // After a lost WebGL context: the model that serves is rebuilt on WASM (from IndexedDB or the package).
  rebuild: () => service.backendChanged(),
});

const service: ForecastService = new ForecastService(indexedDbForecastStore(), async () => {
  // Downloaded once per worker (progress, cancel, sha256): "reset" rebuilds the shipped model without the network.
  const pkg: ModelPackage = await runtime.models.package('forecast');
  return { model: await layersModelFrom(pkg), info: shippedModelInfo(pkg.meta) };
});

let opening: ReturnType<ForecastService['open']> | null = null;
// Every call but `open` waits for the first open to finish: a CSV dropped or a retrain pressed in
// the first second must not reach a worker with no backend or no model. A failed open fails the
// calls that waited for it (with its plain message); the page's Retry opens a new wait.
let opened = new Readiness<void>();

const emit = serveRpc<ForecastCalls, ForecastEvents>(self as unknown as Parameters<typeof serveRpc>[0], {
  async open(params) {
    modelsBaseUrl = params.modelsBaseUrl;
    const gate = opened;
    try {
      const report = await runtime.start(params);
      // Concurrent callers (React's double effects) share one start; later ones see the current model.
      opening ??= runtime.guarded(() => service.open()).finally(() => (opening = null));
      const result = await opening;
      gate.ready();
      return { backend: runtime.backend.report ?? report, ...result, packageFiles: shippedFiles() };
    } catch (err) {
      gate.fail(err);
      if (opened === gate) opened = new Readiness<void>();
      throw err;
    }
  },
  cancelLoad: async () => runtime.models.cancelDownload('forecast'),
  loseWebGLContext: async () => runtime.backend.loseContext(),
  ...heldUntil((signal) => opened.wait(signal), {
    savePrices: ({ rows, source }) => service.savePrices(rows, source),
    predict: ({ rows }) => runtime.guarded(() => service.predict(rows)),
    // A lost context mid-training: the run starts again on WASM (the page sees epoch 1 again).
    train: (params, context) => runtime.guarded(() => service.train(params, context)),
    reset: () => runtime.guarded(() => service.reset()),
    memory: answerMemory,
  } satisfies Omit<Handlers<ForecastCalls>, 'open' | 'cancelLoad' | 'loseWebGLContext'>),
});

/** The shipped package's URLs, once downloaded, for the offline cache. */
function shippedFiles(): string[] {
  const pkg = runtime.models.packageOf('forecast');
  if (!pkg) return [];
  return packageFileUrls(modelsBaseUrl, 'forecast', pkg.meta);
}
