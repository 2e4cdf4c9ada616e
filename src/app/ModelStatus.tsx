import type { ModelState } from './inference';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

/** Download progress in bytes, or the error with a retry button; nothing once the model is ready. */
export function ModelStatus({ state, retry, what }: { state: ModelState; retry: () => void; what: string }) {
  if (state.status === 'ready') return null;
  if (state.status === 'error') {
    return (
      <div className="model-error" role="alert" data-testid="model-error">
        <p>
          The {what} could not be loaded. {state.message}
        </p>
        <button type="button" data-testid="model-retry" onClick={retry}>
          Retry download
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
    </div>
  );
}
