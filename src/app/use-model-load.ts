/**
 * A page's model status, whichever worker serves it: loading (bytes so far), ready, or an error
 * the person can retry (or a download they cancelled). ModelStatus.tsx renders it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadProgress } from '../runtime/model-package.ts';
import { failureOfError } from './failure.ts';
import { plainMessage } from './plain-message.ts';

export type ModelState =
  | { status: 'loading'; loadedBytes: number; totalBytes: number }
  | { status: 'ready' }
  | { status: 'error'; message: string; cancelled: boolean };

/** How a page's model is loaded; keep it stable (useMemo): a new one loads again. */
export interface ModelLoader<R> {
  /** Listens to this model's download progress; returns the unsubscribe. */
  onProgress: (listener: (progress: LoadProgress) => void) => () => void;
  /** The call that downloads and builds the model (the worker holds it until its backend runs). */
  load: () => Promise<R>;
  /** Stops the download; `load` then fails with kind 'cancelled'. */
  cancel: () => void;
}

/**
 * Loads the model when the page opens; `retry` starts a failed download again, `cancel` stops one.
 * `onLoaded` gets the load's result while the page is open (`live` says whether it still is).
 */
export function useModelLoad<R>(loader: ModelLoader<R>, onLoaded: (result: R, live: () => boolean) => void = () => {}) {
  const [state, setState] = useState<ModelState>({ status: 'loading', loadedBytes: 0, totalBytes: 0 });
  const [attempt, setAttempt] = useState(0);
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Retry) loads again
  useEffect(() => {
    let live = true;
    setState({ status: 'loading', loadedBytes: 0, totalBytes: 0 });
    const stop = loader.onProgress(({ loadedBytes, totalBytes }) => {
      // Only while loading: a late event must not hide an error or a loaded model.
      if (live) setState((s) => (s.status === 'loading' ? { status: 'loading', loadedBytes, totalBytes } : s));
    });
    loader.load().then(
      (result) => {
        if (!live) return;
        setState({ status: 'ready' });
        loaded.current(result, () => live);
      },
      (err: unknown) =>
        live &&
        setState({
          status: 'error',
          message: plainMessage(err, 'Retry the download; if it keeps failing, reload the page.'),
          cancelled: failureOfError(err) === 'cancelled',
        }),
    );
    return () => {
      live = false;
      stop();
    };
  }, [loader, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const cancel = useCallback(() => loader.cancel(), [loader]);
  return { state, retry, cancel };
}
