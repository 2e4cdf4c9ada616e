/**
 * Something that becomes ready once, that callers can wait for before it starts: a page sends its
 * first request the moment a person acts, often before the worker's backend has started.
 */
import { abortable } from './abortable.ts';

export class Readiness<T> {
  private resolve!: (value: T) => void;
  private reject!: (err: unknown) => void;
  private settled = false;
  private readonly promise: Promise<T>;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.promise.catch(() => {}); // nobody may be waiting yet; each waiter gets the error
  }

  /** Resolves every waiter, now and later; only the first call counts. */
  ready(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(value);
  }

  /** Fails every waiter, now and later; only the first call counts. */
  fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }

  /** The value once ready; a caller that aborts stops waiting (kind 'cancelled'). */
  wait(signal?: AbortSignal): Promise<T> {
    return abortable(this.promise, signal);
  }
}
