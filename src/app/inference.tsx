/**
 * One inference worker for the whole app, shared through React context: the backend report for
 * the badge, and per-task model loading (progress in bytes, errors, retry).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { BackendReport } from '../runtime/backend-choice.ts';
import type { ModelMeta } from '../runtime/model-meta.ts';
import { packageFileUrls } from '../runtime/model-package-url.ts';
import { modelsBaseUrl } from '../runtime/models-url.ts';
import { visitSettings } from '../runtime/settings.ts';
import { WorkerClient } from '../runtime/worker-client.ts';
import type { InferenceCalls, InferenceEvents, InferenceTask } from '../workers/inference-protocol.ts';
import { failureOfError } from './failure.ts';
import { keepForOffline } from './offline-cache.ts';
import { plainMessage } from './plain-message.ts';
import { exposeWorkerClient } from './test-hooks.ts';
import { type ModelLoader, type ModelState, useModelLoad } from './use-model-load.ts';

export type InferenceClient = WorkerClient<InferenceCalls, InferenceEvents>;

interface InferenceValue {
  client: InferenceClient;
  backend: BackendReport | null;
  backendError: string | null;
  ready: Promise<BackendReport>;
}

const InferenceContext = createContext<InferenceValue | null>(null);

let shared: { client: InferenceClient; ready: Promise<BackendReport> } | null = null;

function sharedClient() {
  if (!shared) {
    const worker = new Worker(new URL('../workers/inference.worker.ts', import.meta.url), { type: 'module', name: 'tabml-inference' });
    const client: InferenceClient = new WorkerClient(worker);
    const visit = visitSettings(location.search);
    const ready = client.call('init', { backend: visit.backend, modelsBaseUrl: modelsBaseUrl(), flags: visit.tfjsFlags });
    shared = { client, ready };
    exposeWorkerClient('client', client);
  }
  return shared;
}

export function InferenceProvider({ children }: { children: ReactNode }) {
  const { client, ready } = sharedClient();
  const [backend, setBackend] = useState<BackendReport | null>(null);
  const [backendError, setBackendError] = useState<string | null>(null);
  useEffect(() => {
    ready.then(setBackend, (err: Error) =>
      setBackendError(plainMessage(err, 'TensorFlow.js could not start. Reload the page, or try an up-to-date browser.')),
    );
    return client.on('backend', setBackend);
  }, [client, ready]);
  const value = useMemo(() => ({ client, backend, backendError, ready }), [client, backend, backendError, ready]);
  return <InferenceContext.Provider value={value}>{children}</InferenceContext.Provider>;
}

export function useInference(): InferenceValue {
  const value = useContext(InferenceContext);
  if (!value) throw new Error('useInference needs an <InferenceProvider>');
  return value;
}

/**
 * A page's requests wait in the worker for their model; this signal ends those still waiting when the
 * page closes (the person went elsewhere), so nothing is answered to a page that is gone.
 */
export function usePageSignal(): () => AbortSignal {
  const controller = useRef(new AbortController());
  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);
  return useCallback(() => controller.current.signal, []);
}

/** A request failed because its model's download failed or was cancelled: keep its input, send it again once ready. */
export const isModelUnavailable = (err: unknown) => failureOfError(err) === 'wait-for-model';

/** Loads a task's model when the page opens; `retry` starts a failed download again, `cancel` stops one. */
export function useTaskModel(task: InferenceTask): { state: ModelState; retry: () => void; cancel: () => void } {
  const { client } = useInference();
  const loader = useMemo(
    (): ModelLoader<{ meta: ModelMeta }> => ({
      onProgress: (listener) => client.on('progress', ({ task: t, ...progress }) => t === task && listener(progress)),
      // Sent at once: the worker holds it until its backend runs, and it must reach the worker
      // before the requests a person makes meanwhile, which wait for the download it starts.
      load: () => client.call('load', { task }),
      cancel: () => void client.call('cancelLoad', { task }),
    }),
    [client, task],
  );
  return useModelLoad(loader, ({ meta }) => {
    void keepForOffline(packageFileUrls(modelsBaseUrl(), task, meta));
  });
}
