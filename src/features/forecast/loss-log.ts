/**
 * The losses of a training run, as they arrive from the worker, kept outside React state: only the
 * training box subscribes, and writes them into its nodes, so an epoch renders nothing else; the
 * epochs that arrive within one animation frame cause one notification.
 */
type Schedule = (flush: () => void) => void;

const nextFrame: Schedule = (flush) => requestAnimationFrame(() => flush());

export class LossLog {
  private shown: readonly number[] = [];
  private pending: number[] = [];
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly schedule: Schedule = nextFrame) {}

  push(loss: number): void {
    this.pending.push(loss);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Shows what has arrived now (the run ended: its last epoch must not wait for a frame). */
  flush(): void {
    if (this.pending.length === 0) return;
    this.shown = [...this.shown, ...this.pending];
    this.pending = [];
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The run started over (on another backend, after a GPU reset): its losses so far no longer count. */
  restart(): void {
    this.pending = [];
    this.shown = [];
    for (const listener of this.listeners) listener();
  }

  /** How many epochs have arrived, shown or not. */
  get count(): number {
    return this.shown.length + this.pending.length;
  }

  /** The losses shown so far (a new array only when they change). */
  readonly snapshot = (): readonly number[] => this.shown;
}
