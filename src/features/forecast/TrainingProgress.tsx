/**
 * A training run as it goes: epoch of epochs, the last loss, and the loss curve so far.
 *
 * React renders the box when the run starts and ends; each epoch's numbers are written into it
 * directly, from the LossLog's once-a-frame notification. On a CPU slowed 4x, a React render per
 * epoch cost 20-50 ms of every epoch's frame (a trace of the retrain), most of the main thread's
 * longest tasks while the forecaster trains.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { TrainMode } from '../../workers/forecast-protocol.ts';
import { LOSS_CURVE, lossCurveShape } from './loss-curve.ts';
import type { LossLog } from './loss-log.ts';

export interface TrainingRun {
  mode: TrainMode;
  epochs: number;
  /** Per-epoch losses: this component subscribes to them and writes each epoch into its box. */
  losses: LossLog;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  message: string | null;
}

/** The nodes an epoch changes. */
interface EpochNodes {
  progress: HTMLDivElement;
  bar: HTMLDivElement;
  epoch: HTMLSpanElement;
  loss: HTMLSpanElement;
  line: SVGPolylineElement;
  /** The curve in words, for screen readers (the picture itself is hidden from them). */
  curveLabel: HTMLSpanElement;
}

function showEpochs(nodes: EpochNodes, losses: readonly number[], epochs: number): void {
  const epoch = losses.length;
  const last = losses[epoch - 1];
  nodes.progress.setAttribute('aria-valuenow', String(epoch));
  nodes.bar.style.transform = `scaleX(${epoch / epochs})`;
  nodes.epoch.textContent = String(epoch);
  nodes.loss.textContent = last === undefined ? '' : ` · loss ${last.toPrecision(4)}`;
  const shape = lossCurveShape(losses, epochs);
  if (shape) nodes.line.setAttribute('points', shape.points);
  else nodes.line.removeAttribute('points');
  nodes.curveLabel.textContent = shape ? ` · ${shape.label}` : '';
}

/** The nodes behind `refs`, or null while any of them is not mounted. */
function mounted<T>(refs: { [K in keyof T]: RefObject<T[K] | null> }): T | null {
  const nodes: Partial<T> = {};
  for (const key in refs) {
    const node = refs[key].current;
    if (node === null) return null;
    nodes[key] = node;
  }
  return nodes as T;
}

export function TrainingProgress({ run }: { run: TrainingRun }) {
  const progress = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const epoch = useRef<HTMLSpanElement>(null);
  const loss = useRef<HTMLSpanElement>(null);
  const line = useRef<SVGPolylineElement>(null);
  const curveLabel = useRef<HTMLSpanElement>(null);
  const { losses, epochs } = run;

  // Before paint, so the box never shows without its numbers.
  useLayoutEffect(() => {
    const nodes = mounted<EpochNodes>({ progress, bar, epoch, loss, line, curveLabel });
    if (!nodes) return;
    const show = () => showEpochs(nodes, losses.snapshot(), epochs);
    show();
    return losses.subscribe(show);
  }, [losses, epochs]);

  return (
    <div className="forecast-progress" data-testid="forecast-progress">
      <div ref={progress} role="progressbar" aria-label="Training" aria-valuemin={0} aria-valuemax={run.epochs}>
        <div ref={bar} className="bar" />
      </div>
      <span>
        {run.mode === 'retrain' ? 'Retraining' : 'Training a new model'}: epoch <span ref={epoch} data-testid="forecast-epoch" /> of{' '}
        {run.epochs}
        <span ref={loss} />
        {run.status === 'cancelled' && ' · cancelled'}
        <span ref={curveLabel} className="visually-hidden" />
      </span>
      <svg className="loss-curve" viewBox={`0 0 ${LOSS_CURVE.width} ${LOSS_CURVE.height}`} aria-hidden="true">
        <polyline ref={line} />
      </svg>
    </div>
  );
}
