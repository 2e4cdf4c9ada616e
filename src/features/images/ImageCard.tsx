import type { ImageAnswer } from '../../workers/inference-protocol.ts';
import { ImageProbabilities } from './ImageProbabilities.tsx';

export type CardState =
  | { id: number; name: string; status: 'working'; previewUrl?: string }
  /** Its model could not be downloaded yet: the picture is kept and classified once it is. */
  | { id: number; name: string; status: 'waiting'; previewUrl?: string }
  | { id: number; name: string; status: 'done'; previewUrl: string; answer: ImageAnswer; modelName: string }
  | { id: number; name: string; status: 'error'; previewUrl?: string; message: string };

/** One picture: its preview, then the top label, the bars and the time taken, or what went wrong. */
export function ImageCard({ card, modelReady, onRemove }: { card: CardState; modelReady: boolean; onRemove: () => void }) {
  return (
    <article className={`image-card ${card.status}`} aria-busy={card.status === 'working' || card.status === 'waiting'}>
      <div className="image-preview">
        {card.previewUrl ? <img src={card.previewUrl} alt={card.name} /> : <span className="muted small">no preview</span>}
      </div>
      <div className="image-card-body">
        <div className="image-card-head">
          <span className="image-name" title={card.name}>
            {card.name}
          </span>
          <button type="button" className="link" aria-label={`Remove ${card.name}`} onClick={onRemove}>
            ×
          </button>
        </div>
        {card.status === 'working' && <p className="muted">{modelReady ? 'Classifying…' : 'Waiting for the model to download…'}</p>}
        {card.status === 'waiting' && <p className="muted">Kept: classified as soon as the model is downloaded (see above).</p>}
        {card.status === 'error' && (
          <p className="notice" role="alert" data-testid="image-error">
            {card.message}
          </p>
        )}
        {card.status === 'done' && (
          <>
            <output className="image-prediction" data-testid="image-prediction">
              {card.answer.label}
            </output>
            <ImageProbabilities labels={card.answer.labels} probabilities={card.answer.probabilities} />
            <span className="muted small">
              <span data-testid="image-latency">{card.answer.ms.toFixed(1)} ms</span> · {card.modelName}
            </span>
          </>
        )}
      </div>
    </article>
  );
}
