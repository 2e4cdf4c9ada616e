/**
 * A small typed RPC over postMessage, shared by every worker: calls that resolve once, may stream
 * updates while they run (words as they are sampled, epochs as they train) and can be cancelled;
 * plus broadcast events (download progress, backend changes).
 */
import type { ErrorKind } from './error-kinds.ts';

/** Each call: its parameters, its result, and what it streams while it runs (`never` if nothing).
 * Declare call maps with `type`, not `interface`: only type aliases satisfy the index signature. */
export type CallMap = Record<string, { params: unknown; result: unknown; update: unknown }>;
/** Each broadcast event and its payload. */
export type EventMap = Record<string, unknown>;

export type RpcRequest = { type: 'call'; id: number; call: string; params: unknown } | { type: 'cancel'; id: number };

export type RpcReply =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string; kind: ErrorKind }
  | { type: 'update'; id: number; value: unknown }
  | { type: 'event'; name: string; payload: unknown };

/** What a handler gets besides its parameters. */
export interface CallContext<U> {
  /** Aborted when the caller cancels; long work checks it and stops. */
  signal: AbortSignal;
  /** Sends a partial result to the caller. */
  update: (value: U) => void;
}

export type Handlers<C extends CallMap> = {
  [K in keyof C]: (params: C[K]['params'], context: CallContext<C[K]['update']>) => Promise<C[K]['result']>;
};

/** An error whose `kind` (network, integrity, cancelled, …) reaches the page with its message. */
export class KindedError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
  ) {
    super(message);
    this.name = 'KindedError';
  }
}
