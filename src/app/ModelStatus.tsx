import type { ModelState } from './use-model-load.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

/** Download progress in bytes, or the error with a retry button; nothing once the model is ready. */
export function ModelStatus({ state, retry, cancel, what }: { state: ModelState; retry: () => void; cancel: () => void; what: string }) {
  if (state.status === 'ready') return null;
  if (state.status === 'error') {
    return (
      <div className="model-error" role="alert" data-testid="model-error">
        <p>
          {state.cancelled
            ? `Download of the ${what} cancelled. Nothing on this page works without it.`
            : `The ${what} could not be loaded. ${state.message}`}
        </p>
        <button type="button" data-testid="model-retry" onClick={retry}>
          {state.cancelled ? 'Download' : 'Retry download'}
        </button>
      </div>
    );
  }
  const percent = state.totalBytes > 0 ? Math.round((100 * state.loadedBytes) / state.totalBytes) : 0;
  return (
    <div className="model-progress">
      <div
        role="progressbar"
        data-testid="model-progress"
        aria-label={`Downloading the ${what}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="muted">
        Downloading the {what}: {state.totalBytes ? `${mb(state.loadedBytes)} of ${mb(state.totalBytes)}` : 'starting…'}
      </span>
      {/* Only once bytes flow: before that there is nothing to cancel yet (the backend is starting). */}
      {state.totalBytes > 0 && (
        <button type="button" className="link" data-testid="model-cancel" onClick={cancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
