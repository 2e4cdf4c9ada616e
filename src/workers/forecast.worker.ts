/**
 * The forecast worker: owns the forecast model that serves and trains its replacements, apart
 * from the inference worker, so that minutes of training block neither the page nor the other
 * models. The logic is in forecast-service.ts; this file wires it to tfjs, the network and IndexedDB.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendReport } from '../runtime/backend-choice.ts';
import { startBackend } from '../runtime/browser-backend.ts';
import { heldUntil } from '../runtime/held-calls.ts';
import { fetchModelPackage, layersModelFrom, type ModelPackage, packageUrl } from '../runtime/model-package.ts';
import { Readiness } from '../runtime/readiness.ts';
import type { Handlers } from '../runtime/rpc.ts';
import { serveRpc } from '../runtime/rpc-server.ts';
import { indexedDbForecastStore } from './forecast-db.ts';
import type { ForecastCalls } from './forecast-protocol.ts';
import { ForecastService, shippedModelInfo } from './forecast-service.ts';

let modelsBaseUrl = '';
let backend: Promise<BackendReport> | null = null;
let shippedPackage: ModelPackage | null = null;

const service = new ForecastService(indexedDbForecastStore(), async () => {
  // Downloaded once per worker: "reset" rebuilds the shipped model without the network.
  shippedPackage ??= await fetchModelPackage(packageUrl(modelsBaseUrl, 'forecast'));
  return { model: await layersModelFrom(shippedPackage), info: shippedModelInfo(shippedPackage.meta) };
});

let opening: ReturnType<ForecastService['open']> | null = null;
// Every call but `open` waits for the first open to finish: a CSV dropped or a retrain pressed in
// the first second must not reach a worker with no backend or no model. A failed open fails the
// calls that waited for it (with its plain message); the page's Retry opens a new wait.
let opened = new Readiness<void>();

serveRpc<ForecastCalls, Record<string, never>>(self as unknown as Parameters<typeof serveRpc>[0], {
  async open(params) {
    modelsBaseUrl = params.modelsBaseUrl;
    const gate = opened;
    try {
      backend ??= startBackend(params.backend, params.flags);
      backend.catch(() => (backend = null));
      const report = await backend;
      // Concurrent callers (React's double effects) share one start; later ones see the current model.
      opening ??= service.open().finally(() => (opening = null));
      const result = await opening;
      gate.ready();
      return { backend: report, ...result, packageFiles: shippedFiles() };
    } catch (err) {
      gate.fail(err);
      if (opened === gate) opened = new Readiness<void>();
      throw err;
    }
  },
  ...heldUntil((signal) => opened.wait(signal), {
    savePrices: ({ rows, source }) => service.savePrices(rows, source),
    predict: ({ rows }) => service.predict(rows),
    train: (params, context) => service.train(params, context),
    reset: () => service.reset(),
    memory: async () => ({ numTensors: tf.memory().numTensors, backend: tf.getBackend() }),
  } satisfies Omit<Handlers<ForecastCalls>, 'open'>),
});

/** The shipped package's URLs, once downloaded, for the offline cache. */
function shippedFiles(): string[] {
  if (!shippedPackage) return [];
  const base = packageUrl(modelsBaseUrl, 'forecast');
  return ['meta.json', ...shippedPackage.meta.files.map((f) => f.name)].map((name) => base + name);
}
