/**
 * Requests that failed only because their model was not downloaded yet (a failed or cancelled
 * download, see isModelUnavailable): kept under a key, and sent again, in the order they were
 * kept, as soon as the model is ready. The Digits, Images and Text pages use it, so what a
 * person drew, dropped or typed is never lost to a bad connection.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ResendWhenReady<K, T> {
  /** Keeps `request` under `key` (replacing what that key held); sent at once if the model became ready meanwhile. */
  keep: (key: K, request: T) => void;
  /** Drops what `key` holds: the person removed it, or sent something newer. */
  forget: (key: K) => void;
  /** Whether anything is kept, for the page to say so. */
  waiting: boolean;
}

export function useResendWhenReady<K, T>(ready: boolean, resend: (request: T, key: K) => void): ResendWhenReady<K, T> {
  const kept = useRef(new Map<K, T>());
  const [waiting, setWaiting] = useState(false);
  // The latest of each, so that keep and forget stay the same functions for the page's callbacks.
  const resendLatest = useRef(resend);
  resendLatest.current = resend;
  const readyNow = useRef(ready);
  readyNow.current = ready;

  const sendAll = useCallback(() => {
    const requests = [...kept.current];
    kept.current.clear();
    setWaiting(false);
    for (const [key, request] of requests) resendLatest.current(request, key);
  }, []);

  const keep = useCallback(
    (key: K, request: T) => {
      kept.current.set(key, request);
      setWaiting(true);
      if (readyNow.current) sendAll(); // a retried download finished while this request was failing
    },
    [sendAll],
  );

  const forget = useCallback((key: K) => {
    kept.current.delete(key);
    setWaiting(kept.current.size > 0);
  }, []);

  useEffect(() => {
    if (ready) sendAll();
  }, [ready, sendAll]);

  return { keep, forget, waiting };
}
