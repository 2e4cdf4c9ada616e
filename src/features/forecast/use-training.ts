/**
 * Training on this device: retrain or train anew in the forecast worker, cancel, or go back to the
 * shipped model. The run's state changes when it starts and ends; its per-epoch losses go to a
 * LossLog, which TrainingProgress writes into its box without a React render of the page.
 */
import { useCallback, useRef, useState } from 'react';
import { failureOfError } from '../../app/failure.ts';
import { plainMessage } from '../../app/plain-message.ts';
import { assertNever } from '../../runtime/error-kinds.ts';
import type { ModelInfo, TrainMode, TrainProgress } from '../../workers/forecast-protocol.ts';
import { describeModel } from './describe-model.ts';
import type { ForecastClient } from './forecast-client.ts';
import { LossLog } from './loss-log.ts';
import type { Prices } from './prices.ts';
import type { TrainingRun } from './TrainingProgress.tsx';

interface Deps {
  client: ForecastClient;
  current: () => Prices | null;
  /** Forecasts prices again with the model that now serves. */
  show: (prices: Prices) => void;
  setModel: (model: ModelInfo) => void;
}

/** How a run that failed ends: cancelled by the person, or failed with a message. */
function runStatusAfter(err: unknown): 'cancelled' | 'failed' {
  const failure = failureOfError(err);
  switch (failure) {
    case 'cancelled':
      return 'cancelled';
    case 'wait-for-model':
    case 'show':
      return 'failed';
    default:
      return assertNever(failure);
  }
}

export function useTraining({ client, current, show, setModel }: Deps) {
  const [run, setRun] = useState<TrainingRun | null>(null);
  const controller = useRef<AbortController | null>(null);

  const train = useCallback(
    async (mode: TrainMode, epochs: number) => {
      const prices = current();
      if (!prices) return;
      const abort = new AbortController();
      controller.current = abort;
      const losses = new LossLog();
      setRun({ mode, epochs, losses, status: 'running', message: null });
      try {
        let restarted = false;
        const onUpdate = ({ epoch, loss }: TrainProgress) => {
          // Epoch 1 again: the GPU was reset and the worker started the run over on WebAssembly.
          if (epoch <= losses.count) {
            restarted = true;
            losses.restart();
          }
          losses.push(loss);
        };
        const result = await client.call('train', { rows: prices.rows, mode, epochs }, { signal: abort.signal, onUpdate });
        losses.flush();
        setModel(result.model);
        const note = restarted ? ' (The graphics processor was reset during training, so it started again on the CPU.)' : '';
        setRun((r) => r && { ...r, status: 'done', message: `Done: ${describeModel(result.model)} It is saved on this device.${note}` });
        // The prices may have changed while it trained: forecast the ones shown now.
        const shown = current();
        if (shown) show(shown);
      } catch (err) {
        losses.flush();
        const message = plainMessage(
          err,
          'Training stopped on an unexpected error; the previous model still serves. Try again, or train a new model.',
        );
        setRun((r) => r && { ...r, status: runStatusAfter(err), message });
      } finally {
        controller.current = null;
      }
    },
    [client, current, show, setModel],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  const reset = useCallback(async () => {
    try {
      setModel(await client.call('reset', {}));
      setRun(null);
      const shown = current();
      if (shown) show(shown);
    } catch (err) {
      const message = plainMessage(err, 'The shipped model could not be restored. Reload the page and try again.');
      setRun({ mode: 'new', epochs: 0, losses: new LossLog(), status: 'failed', message });
    }
  }, [client, current, show, setModel]);

  return { run, running: run?.status === 'running', train, cancel, reset };
}

export type Training = ReturnType<typeof useTraining>;
