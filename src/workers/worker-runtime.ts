/**
 * The shared machinery every model worker runs (the inference worker and the forecast worker):
 * one backend with context-loss recovery (runtime/backend-manager.ts) and one model registry
 * (runtime/model-registry.ts) whose packages come through the one loader (model-package.ts).
 * This file only wires them to the browser's tfjs; their state lives in the objects it returns.
 */
import type { BackendName, BackendReport } from '../runtime/backend-choice.ts';
import { BackendManager } from '../runtime/backend-manager.ts';
import { activeWebGLContext, startBackend } from '../runtime/browser-backend.ts';
import { fetchModelPackage, type LoadProgress, packageUrl } from '../runtime/model-package.ts';
import { ModelRegistry } from '../runtime/model-registry.ts';
import type { TfjsFlags } from '../runtime/tfjs-flags.ts';

export interface WorkerRuntime<K extends string> {
  backend: BackendManager;
  models: ModelRegistry<K>;
  /** Starts the backend once; packages are fetched from `modelsBaseUrl` from then on. */
  start(params: { backend: BackendName | null; modelsBaseUrl: string; flags?: TfjsFlags }): Promise<BackendReport>;
  /** Runs work; a WebGL context lost meanwhile means: WASM, models rebuilt, the work run again. */
  guarded<T>(work: () => Promise<T>): Promise<T>;
}

interface Events<K extends string> {
  progress: (key: K, progress: LoadProgress) => void;
  backend: (report: BackendReport) => void;
  /** What else the worker rebuilds after a backend switch (the forecast model that serves). */
  rebuild?: () => Promise<void>;
}

export function createWorkerRuntime<K extends string>(events: Events<K>): WorkerRuntime<K> {
  let modelsBaseUrl = '';
  const models = new ModelRegistry<K>({
    fetchPackage: (key, onProgress, signal) => fetchModelPackage(packageUrl(modelsBaseUrl, key), onProgress, signal),
    onProgress: events.progress,
  });
  const backend = new BackendManager({
    start: startBackend,
    webglContext: activeWebGLContext,
    onReport: events.backend,
    rebuild: async () => {
      await models.rebuildAll();
      await events.rebuild?.();
    },
  });
  return {
    backend,
    models,
    start(params) {
      modelsBaseUrl = params.modelsBaseUrl;
      return backend.start(params.backend, params.flags);
    },
    guarded: (work) => backend.guarded(work),
  };
}
