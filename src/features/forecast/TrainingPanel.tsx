/** "Train on this device": the epochs field, retrain / train new / cancel / reset, the run's progress and its outcome. */
import { useState } from 'react';
import { DEFAULT_EPOCHS } from '../../models/forecast/constants.ts';
import type { ModelInfo, TrainMode } from '../../workers/forecast-protocol.ts';
import { parseEpochs } from './epochs.ts';
import { TrainingProgress } from './TrainingProgress.tsx';
import type { Training } from './use-training.ts';

interface Props {
  training: Training;
  model: ModelInfo | null;
  /** Training needs prices, and a model that opened. */
  canTrain: boolean;
}

export function TrainingPanel({ training, model, canTrain }: Props) {
  const [epochsText, setEpochsText] = useState(String(DEFAULT_EPOCHS));
  const [epochsError, setEpochsError] = useState<string | null>(null);
  const { run, running } = training;

  const train = (mode: TrainMode) => {
    const parsed = parseEpochs(epochsText);
    if ('error' in parsed) return setEpochsError(parsed.error);
    setEpochsError(null);
    void training.train(mode, parsed.epochs);
  };

  return (
    <section className="forecast-training" aria-label="Training on this device">
      <h2>Train on this device</h2>
      <div className="row">
        <label>
          Epochs{' '}
          <input
            type="text"
            inputMode="numeric"
            size={5}
            data-testid="forecast-epochs"
            value={epochsText}
            aria-invalid={epochsError !== null}
            onChange={(e) => setEpochsText(e.target.value)}
          />
        </label>
        <button type="button" data-testid="forecast-retrain" disabled={!canTrain || running} onClick={() => train('retrain')}>
          Retrain this model
        </button>
        <button type="button" data-testid="forecast-train-new" disabled={!canTrain || running} onClick={() => train('new')}>
          Train a new model
        </button>
        <button type="button" data-testid="forecast-cancel" disabled={!running} onClick={training.cancel}>
          Cancel
        </button>
        <button
          type="button"
          data-testid="forecast-reset"
          disabled={running || model?.source !== 'device'}
          onClick={() => void training.reset()}
        >
          Back to the shipped model
        </button>
      </div>
      {epochsError && (
        <p className="notice" role="alert" data-testid="forecast-epochs-error">
          {epochsError}
        </p>
      )}
      <p className="muted small">
        Retrain continues from the model that serves; a new model starts from scratch. Both train on the weeks before the held-out ones, and
        the model that serves keeps serving until the new one has finished.
      </p>
      {run && run.status !== 'failed' && run.epochs > 0 && <TrainingProgress run={run} />}
      {run?.message && (
        <p
          className={run.status === 'done' ? 'forecast-done' : 'notice'}
          role={run.status === 'done' ? 'status' : 'alert'}
          data-testid="forecast-train-message"
        >
          {run.message}
        </p>
      )}
    </section>
  );
}
