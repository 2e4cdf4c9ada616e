import { useState } from 'react';
import { useInference } from './inference.tsx';

/** Which backend runs the models; hover or click for why it was chosen. */
export function BackendBadge() {
  const { backend, backendError } = useInference();
  const [open, setOpen] = useState(false);
  const label = backendError ? 'no backend' : backend ? backend.backend : 'starting…';
  const why = backendError ?? backend?.reason ?? 'Starting TensorFlow.js…';
  const hint = backend ? ' Add ?backend=webgl, wasm or cpu to the address to choose one.' : '';
  return (
    <div className="badge-wrap">
      <button
        type="button"
        className={`backend-badge backend-${backend?.backend ?? 'none'}`}
        data-testid="backend-badge"
        title={why + hint}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {backend?.wasm ? ` · ${backend.wasm.threads} thread${backend.wasm.threads === 1 ? '' : 's'}` : ''}
      </button>
      {open && (
        <div className="badge-why" role="status">
          {why}
          {hint}
        </div>
      )}
    </div>
  );
}
