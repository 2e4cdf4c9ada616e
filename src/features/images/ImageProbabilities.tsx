import { topK } from '../../models/images/probabilities.ts';

/** Bars for the most likely classes (all of them when there are few, the top 5 of a 1000-class model). */
export function ImageProbabilities({ labels, probabilities, show = 5 }: { labels: string[]; probabilities: number[]; show?: number }) {
  const top = topK(probabilities, show);
  return (
    <ol className="probabilities image-probabilities" data-testid="image-probabilities" aria-label="Probability of each class">
      {top.map((i, rank) => (
        <li key={i} data-label={labels[i]} data-probability={probabilities[i].toFixed(6)} className={rank === 0 ? 'winner' : undefined}>
          <span className="label">{labels[i]}</span>
          <span className="track">
            <span className="fill" style={{ width: `${(probabilities[i] * 100).toFixed(1)}%` }} />
          </span>
          <span className="value">{(probabilities[i] * 100).toFixed(1)}%</span>
        </li>
      ))}
      {probabilities.length > show && (
        <li className="muted small">
          top {show} of {probabilities.length} classes
        </li>
      )}
    </ol>
  );
}
