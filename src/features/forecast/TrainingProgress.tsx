/** A training run as it goes: epoch of epochs, the last loss, and the loss curve so far. */
import { useSyncExternalStore } from 'react';
import type { TrainMode } from '../../workers/forecast-protocol.ts';
import { LossCurve } from './LossCurve.tsx';
import type { LossLog } from './loss-log.ts';

export interface TrainingRun {
  mode: TrainMode;
  epochs: number;
  /** Per-epoch losses: this component subscribes to them, so an epoch re-renders only it. */
  losses: LossLog;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  message: string | null;
}

export function TrainingProgress({ run }: { run: TrainingRun }) {
  const losses = useSyncExternalStore(run.losses.subscribe, run.losses.snapshot);
  const epoch = losses.length;
  const loss = losses[epoch - 1];
  return (
    <div className="forecast-progress" data-testid="forecast-progress">
      <div role="progressbar" aria-label="Training" aria-valuemin={0} aria-valuemax={run.epochs} aria-valuenow={epoch}>
        <div className="bar" style={{ transform: `scaleX(${epoch / run.epochs})` }} />
      </div>
      <span>
        {run.mode === 'retrain' ? 'Retraining' : 'Training a new model'}: epoch <span data-testid="forecast-epoch">{epoch}</span> of{' '}
        {run.epochs}
        {loss !== undefined && ` · loss ${loss.toPrecision(4)}`}
        {run.status === 'cancelled' && ' · cancelled'}
      </span>
      <LossCurve losses={losses} epochs={run.epochs} />
    </div>
  );
}
