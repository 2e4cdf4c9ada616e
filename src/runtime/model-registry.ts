/**
 * One worker's models: how each is built, its downloaded package (once, shared by concurrent
 * callers, retried after a failure, cancellable), and the model built from it (once per backend).
 * After a backend switch every built model is dropped and rebuilt from what is already here: the
 * package, or the files a visitor picked (a bring-your-own model). The download itself is passed
 * in, so Node tests run it without a network or a browser.
 */
import { abortable } from './abortable.ts';
import { MODEL_UNAVAILABLE } from './error-kinds.ts';
import type { LoadProgress, ModelPackage } from './model-package.ts';
import { KindedError } from './rpc.ts';

/** What a task builds: anything it can dispose (a layers model, a model plus a vocabulary…). */
export interface Disposable {
  dispose(): void;
}

export interface RegistryDeps<K extends string> {
  /** Downloads and verifies a package (model-package.ts's fetchModelPackage in a worker). */
  fetchPackage: (key: K, onProgress: (p: LoadProgress) => void, signal: AbortSignal) => Promise<ModelPackage>;
  /** Download progress in bytes, for the page's status. */
  onProgress: (key: K, progress: LoadProgress) => void;
}

interface Entry {
  /** Builds the model on the current backend. */
  build: () => Promise<Disposable>;
  /** Built from a package (downloaded by `load`), or from sources the worker keeps (`adopt`). */
  fromPackage: boolean;
  model: Promise<Disposable> | null;
}

function disposeQuietly(model: Promise<Disposable> | null) {
  model?.then(
    (m) => {
      try {
        m.dispose();
      } catch {
        // its WebGL context is gone, and its weights with it
      }
    },
    () => {},
  );
}

export class ModelRegistry<K extends string> {
  private readonly entries = new Map<K, Entry>();
  private readonly packages = new Map<K, ModelPackage>();
  private readonly downloading = new Map<K, { promise: Promise<ModelPackage>; abort: AbortController }>();

  constructor(private readonly deps: RegistryDeps<K>) {}

  /**
   * Declares how a model is built from its package; returns the loader requests use. Only `load`
   * (the page opening, or the person's Retry) starts a download: a request never starts one behind
   * the person's back, so a cancelled download stays cancelled. A request that arrives
   * mid-download waits for it; its signal lets it stop waiting without stopping the download.
   */
  define<T extends Disposable>(key: K, build: (pkg: ModelPackage) => Promise<T>): (signal?: AbortSignal) => Promise<T> {
    this.entries.set(key, { build: () => build(this.packages.get(key)!), fromPackage: true, model: null });
    return (signal) => abortable(this.forRequest(key).catch(unavailable) as Promise<T>, signal);
  }

  /** Downloads the package if it is not here yet, then builds the model (once per backend). */
  async load(key: K): Promise<Disposable> {
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`no model is defined for ${key}`);
    return this.built(key, entry, true);
  }

  /** The package, downloaded once; concurrent callers share the download, a failed one can be retried. */
  package(key: K): Promise<ModelPackage> {
    const here = this.packages.get(key);
    if (here) return Promise.resolve(here);
    const running = this.downloading.get(key);
    if (running) return running.promise;
    const abort = new AbortController();
    const promise = this.deps
      .fetchPackage(key, (p) => this.deps.onProgress(key, p), abort.signal)
      .then((pkg) => {
        this.packages.set(key, pkg);
        return pkg;
      })
      .finally(() => this.downloading.delete(key));
    this.downloading.set(key, { promise, abort });
    return promise;
  }

  packageOf(key: K): ModelPackage | undefined {
    return this.packages.get(key);
  }

  /** Stops a download in progress; its load fails with kind 'cancelled'. */
  cancelDownload(key: K): boolean {
    const running = this.downloading.get(key);
    running?.abort.abort();
    return running !== undefined;
  }

  /**
   * Keeps a model built from sources the worker holds (a bring-your-own model's files), replacing
   * any earlier one under `key`; after a backend switch, `rebuild` makes it again from those sources.
   */
  adopt<T extends Disposable>(key: K, model: T, rebuild: () => Promise<T>): void {
    this.remove(key);
    this.entries.set(key, { build: rebuild, fromPackage: false, model: Promise.resolve(model) });
  }

  /** An adopted model, rebuilt if the backend changed; undefined if none is kept. */
  adopted<T extends Disposable>(key: K): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.fromPackage) return undefined;
    return this.built(key, entry) as Promise<T>;
  }

  /** Disposes a kept model and forgets how to build it. */
  remove(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.fromPackage) return false;
    this.entries.delete(key);
    disposeQuietly(entry.model);
    return true;
  }

  /**
   * The backend changed: every built model went with the old one. Models from packages are rebuilt
   * now (no new download); adopted ones when next asked for.
   */
  async rebuildAll(): Promise<void> {
    for (const entry of this.entries.values()) {
      disposeQuietly(entry.model);
      entry.model = null;
    }
    for (const [key, entry] of this.entries) {
      if (entry.fromPackage && this.packages.has(key)) await this.built(key, entry);
    }
  }

  private forRequest(key: K): Promise<Disposable> {
    const entry = this.entries.get(key);
    if (entry && (entry.model || this.packages.has(key))) return this.built(key, entry);
    return Promise.reject(new Error(`The ${key} model has not been downloaded.`));
  }

  /** The built model; `download`: fetch the package first if it is not here (requests waiting share it). */
  private built(key: K, entry: Entry, download = false): Promise<Disposable> {
    if (!entry.model) {
      const model = (async () => {
        if (entry.fromPackage && download) await this.package(key);
        return entry.build();
      })();
      entry.model = model;
      // A failed build can be tried again (unless something else replaced it meanwhile).
      model.catch(() => {
        if (this.entries.get(key) === entry && entry.model === model) entry.model = null;
      });
    }
    return entry.model;
  }
}

/**
 * A request that needed a model whose download failed or was cancelled. The page keeps the
 * request's input and sends it again once the model is ready; the download's own error is shown
 * (with Retry) by the page's model status, from the `load` call.
 */
function unavailable(err: unknown): never {
  throw new KindedError(err instanceof Error ? err.message : 'The model is not available.', MODEL_UNAVAILABLE);
}
