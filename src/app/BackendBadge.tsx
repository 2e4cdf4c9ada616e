import { useId, useState } from 'react';
import { useInference } from './inference.tsx';

/** Which backend runs the models; hover or click for why it was chosen. */
export function BackendBadge() {
  const { backend, backendError } = useInference();
  const [open, setOpen] = useState(false);
  const whyId = useId();
  const label = backendError ? 'no backend' : backend ? backend.backend : 'starting…';
  const why = backendError ?? backend?.reason ?? 'Starting TensorFlow.js…';
  const hint = backend ? ' Add ?backend=webgl, wasm or cpu to the address to choose one.' : '';
  return (
    // Escape closes the explanation, as it does any pop-up; the focus stays on the badge.
    // biome-ignore lint/a11y/noStaticElementInteractions: the key comes from the badge button inside
    <div className="badge-wrap" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className={`backend-badge backend-${backend?.backend ?? 'none'}`}
        data-testid="backend-badge"
        title={why + hint}
        aria-expanded={open}
        aria-controls={open ? whyId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {backend?.wasm ? ` · ${backend.wasm.threads} thread${backend.wasm.threads === 1 ? '' : 's'}` : ''}
      </button>
      {open && (
        <div className="badge-why" role="status" id={whyId} data-testid="backend-why">
          {why}
          {hint}
        </div>
      )}
    </div>
  );
}
