/**
 * Everything the app puts on `window` for the e2e tests and the benchmark, and nothing else does:
 * - `window.__tabml.client`, `window.__tabml.forecast`: the worker clients, so a test can call the
 *   workers as the pages do (memory counts, direct calls, GPU faults);
 * - `window.__tabmlImages`: the Images page's decoder (measured against PIL) and its live preview count.
 * People never use these; they cost a property each.
 */

export interface WorkerHandles {
  client?: unknown;
  forecast?: unknown;
}

export interface ImagesPageHooks {
  /** Object URLs of previews still alive (each card's is freed when it goes). */
  previews: () => number;
  /** The page's own decoder, given a file's bytes and MIME type. */
  decode: (bytes: number[], type: string) => Promise<{ width: number; height: number; data: number[] }>;
}

type HookedWindow = { __tabml?: WorkerHandles; __tabmlImages?: ImagesPageHooks };

/** Puts a worker client on window.__tabml beside the others (each worker starts on its own time). */
export function exposeWorkerClient(name: keyof WorkerHandles, client: unknown): void {
  const w = window as unknown as HookedWindow;
  w.__tabml = { ...w.__tabml, [name]: client };
}

export function exposeImagesPageHooks(hooks: ImagesPageHooks): void {
  (window as unknown as HookedWindow).__tabmlImages = hooks;
}
