/**
 * One worker's tfjs backend: started once (concurrent callers share the start), a gate that holds
 * every other call until it runs, and recovery from a lost WebGL context (switch to WASM, let the
 * worker rebuild its models, run the request again). What starts a backend, which WebGL context to
 * watch and what to rebuild are passed in, so Node tests can run it without a browser.
 */
import type { BackendName, BackendReport } from './backend-choice.ts';
import { ContextLossWatch, type WatchedContext } from './context-loss.ts';
import { Readiness } from './readiness.ts';
import { KindedError } from './rpc.ts';
import type { TfjsFlags } from './tfjs-flags.ts';

export interface BackendDeps {
  /** Starts a backend (browser-backend.ts's startBackend in a worker). */
  start: (forced: BackendName | null, flags: TfjsFlags) => Promise<BackendReport>;
  /** The WebGL context of the backend that runs now, if it is webgl. */
  webglContext: () => WatchedContext | null;
  /** Every backend the worker switches to (the page's badge shows it). */
  onReport: (report: BackendReport) => void;
  /** After a switch: the models built on the lost backend are gone; rebuild what requests need. */
  rebuild: () => Promise<void>;
}

const UNSUPPORTED =
  'TensorFlow.js could not start in this browser (neither WebGL, WebAssembly ' +
  'nor plain JavaScript). Try an up-to-date Chrome, Edge, Firefox or Safari.';

export class BackendManager {
  private starting: Promise<BackendReport> | null = null;
  private recovery: Promise<void> | null = null;
  private current: BackendReport | null = null;
  private readonly started = new Readiness<BackendReport>();
  private readonly contextLoss = new ContextLossWatch();

  constructor(private readonly deps: BackendDeps) {}

  /** The backend that runs now, once one has started. */
  get report(): BackendReport | null {
    return this.current;
  }

  /** Starts the backend once; a failed start fails every held call with a plain message. */
  start(forced: BackendName | null, flags: TfjsFlags = {}): Promise<BackendReport> {
    this.starting ??= this.deps.start(forced, flags).then(
      (report) => {
        this.current = report;
        this.contextLoss.watch(this.deps.webglContext());
        this.deps.onReport(report);
        this.started.ready(report);
        return report;
      },
      (err: unknown) => {
        console.error('tabml: no TensorFlow.js backend could start', err);
        const plain = new KindedError(UNSUPPORTED, 'unsupported');
        this.started.fail(plain);
        throw plain;
      },
    );
    return this.starting;
  }

  /** Resolves once the backend runs (tfjs must not be touched before); the caller may stop waiting. */
  whenStarted(signal?: AbortSignal): Promise<BackendReport> {
    return this.started.wait(signal);
  }

  /**
   * Runs work; if the WebGL context is lost meanwhile (the work hangs, or fails because of it),
   * recovers on WASM and runs it again from the start.
   */
  async guarded<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      let outcome: { value: T } | null;
      try {
        outcome = await this.contextLoss.race(work());
      } catch (err) {
        if (!this.contextLoss.isLost()) throw err;
        outcome = null; // it failed because its context went away: run it again
      }
      if (outcome) return outcome.value;
      await this.recover();
    }
  }

  /** For tests and the reliability suite: loses the WebGL context as a GPU reset would. */
  loseContext(): boolean {
    const extension = this.deps.webglContext()?.getExtension('WEBGL_lose_context') as { loseContext(): void } | null | undefined;
    if (!extension) return false;
    extension.loseContext();
    return true;
  }

  /** Several requests may notice the loss at once; they share one recovery. */
  private recover(): Promise<void> {
    this.recovery ??= (async () => {
      if (this.current?.backend !== 'webgl') return; // an earlier recovery already moved us
      const next = await this.deps.start('wasm', {});
      this.current = {
        ...next,
        forced: false,
        reason: `The WebGL context was lost (GPU reset or out of memory), so tabml switched to WebAssembly. ${next.reason}`,
      };
      this.contextLoss.watch(null);
      this.deps.onReport(this.current);
      await this.deps.rebuild();
    })().finally(() => (this.recovery = null));
    return this.recovery;
  }
}
