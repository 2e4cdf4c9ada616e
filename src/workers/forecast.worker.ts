/**
 * The forecast worker: owns the forecast model that serves and trains its replacements, apart
 * from the inference worker, so that minutes of training block neither the page nor the other
 * models. The logic is in forecast-service.ts; this file wires it to tfjs, the network and IndexedDB.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendReport } from '../runtime/backend-choice.ts';
import { startBackend } from '../runtime/browser-backend.ts';
import { fetchModelPackage, layersModelFrom, packageUrl, type ModelPackage } from '../runtime/model-package.ts';
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

serveRpc<ForecastCalls, Record<string, never>>(self as unknown as Parameters<typeof serveRpc>[0], {
  async open(params) {
    modelsBaseUrl = params.modelsBaseUrl;
    backend ??= startBackend(params.backend);
    backend.catch(() => (backend = null));
    const report = await backend;
    // Concurrent callers (React's double effects) share one start; later ones see the current model.
    opening ??= service.open().finally(() => (opening = null));
    const opened = await opening;
    const base = packageUrl(modelsBaseUrl, 'forecast');
    const packageFiles = shippedPackage ? ['meta.json', ...shippedPackage.meta.files.map((f) => f.name)].map((name) => base + name) : [];
    return { backend: report, ...opened, packageFiles };
  },
  savePrices: ({ rows, source }) => service.savePrices(rows, source),
  predict: ({ rows }) => service.predict(rows),
  train: (params, context) => service.train(params, context),
  reset: () => service.reset(),
  memory: async () => ({ numTensors: tf.memory().numTensors, backend: tf.getBackend() }),
});
