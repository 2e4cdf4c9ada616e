/**
 * Waiting that a caller can walk away from: a request held until the model is ready must end as
 * soon as the person cancels it or leaves the page, even though the download it waits for goes on
 * (other requests may still need it).
 */
import { KindedError } from './rpc.ts';

export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new KindedError('Cancelled.', 'cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new KindedError('Cancelled.', 'cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
