/**
 * WebGL context loss (a GPU reset, a driver update, too many tabs): tfjs does not notice, and a
 * pending `data()` never resolves. We listen for `webglcontextlost` ourselves and race every
 * request against it, so a lost context becomes "switch backend and run again", not a frozen page.
 */

/** What is watched of a WebGL context (a real one in a worker; a stand-in in Node tests). */
export interface WatchedContext {
  readonly canvas: unknown;
  isContextLost(): boolean;
  getExtension(name: string): unknown;
}

export class ContextLossWatch {
  private lost!: Promise<void>;
  private markLost!: () => void;
  private lostNow = false;
  private watched: EventTarget | null = null;
  private readonly onLost = () => this.markLost();

  constructor() {
    this.reset();
  }

  /** Watches a context's canvas (HTMLCanvasElement or OffscreenCanvas); null stops watching. */
  watch(gl: WatchedContext | null): void {
    this.watched?.removeEventListener('webglcontextlost', this.onLost);
    this.watched = null;
    this.reset();
    if (!gl) return;
    this.watched = gl.canvas as EventTarget;
    this.watched.addEventListener('webglcontextlost', this.onLost);
    if (gl.isContextLost()) this.markLost();
  }

  /** Has the watched context been lost? */
  isLost(): boolean {
    return this.lostNow;
  }

  /** Resolves with the work's result, or with `null` if the context is lost first. */
  race<T>(work: Promise<T>): Promise<{ value: T } | null> {
    return Promise.race([work.then((value) => ({ value })), this.lost.then(() => null)]);
  }

  private reset() {
    this.lostNow = false;
    this.lost = new Promise<void>((resolve) => {
      this.markLost = () => {
        this.lostNow = true;
        resolve();
      };
    });
  }
}
