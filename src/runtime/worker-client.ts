/** The page's side of rpc.ts: promise-returning calls with updates and cancel, plus events. */
import type { ErrorKind } from './error-kinds.ts';
import type { CallMap, EventMap, RpcReply, RpcRequest } from './rpc.ts';

export class WorkerCallError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
  ) {
    super(message);
    this.name = 'WorkerCallError';
  }
}

export interface CallOptions<U> {
  /** Buffers moved to the worker instead of copied. */
  transfer?: Transferable[];
  /** Receives what the call streams while it runs. */
  onUpdate?: (value: U) => void;
  /** Aborting it asks the worker to stop; the call then fails with kind 'cancelled'. */
  signal?: AbortSignal;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onUpdate?: (v: unknown) => void };

export class WorkerClient<C extends CallMap, E extends EventMap = EventMap> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<keyof E, Set<(payload: never) => void>>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<RpcReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      const error = new WorkerCallError(
        `The model worker stopped: ${event.message || 'unknown error'}. Reload the page to start it again.`,
        'runtime',
      );
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  call<K extends keyof C & string>(call: K, params: C[K]['params'], options: CallOptions<C[K]['update']> = {}): Promise<C[K]['result']> {
    const id = this.nextId++;
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new WorkerCallError('Cancelled.', 'cancelled'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onUpdate: options.onUpdate as ((v: unknown) => void) | undefined,
      });
      signal?.addEventListener('abort', () => this.send({ type: 'cancel', id }), { once: true });
      this.send({ type: 'call', id, call, params }, options.transfer);
    });
  }

  on<K extends keyof E>(event: K, listener: (payload: E[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Stops the worker; pending calls fail. */
  terminate() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new WorkerCallError('The worker was stopped.', 'cancelled'));
    this.pending.clear();
  }

  private send(request: RpcRequest, transfer: Transferable[] = []) {
    this.worker.postMessage(request, transfer);
  }

  private receive(message: RpcReply) {
    if (message.type === 'event') {
      for (const l of this.listeners.get(message.name) ?? []) (l as (payload: unknown) => void)(message.payload);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'update') {
      pending.onUpdate?.(message.value);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.value);
    else pending.reject(new WorkerCallError(message.message, message.kind));
  }
}
