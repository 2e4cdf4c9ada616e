/** The worker's side of rpc.ts: dispatches calls to handlers, streams updates, honours cancels. */
import { isErrorKind } from './error-kinds.ts';
import type { CallMap, EventMap, Handlers, RpcReply, RpcRequest } from './rpc.ts';

/** Results whose buffers are moved to the page instead of copied (a decoded photo is 48 MB). */
const transfers = new WeakMap<object, Transferable[]>();

/** Marks a handler's result: its `buffers` go to the page without a copy (and are gone from here). */
export function moved<T extends object>(result: T, buffers: Transferable[]): T {
  transfers.set(result, buffers);
  return result;
}

interface Port {
  postMessage(message: RpcReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RpcRequest>) => void) | null;
}

/** Starts answering calls on `port`; returns a function that broadcasts an event to the page. */
export function serveRpc<C extends CallMap, E extends EventMap>(port: Port, handlers: Handlers<C>) {
  const running = new Map<number, AbortController>();
  port.onmessage = async (event) => {
    const request = event.data;
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const { id, call, params } = request;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const handler = handlers[call as keyof C] as unknown as Handlers<CallMap>[string] | undefined;
      if (!handler) throw new Error(`unknown call ${call}`);
      const value = await handler(params, {
        signal: controller.signal,
        update: (update) => port.postMessage({ type: 'update', id, value: update }),
      });
      port.postMessage({ type: 'result', id, value }, (value !== null && typeof value === 'object' && transfers.get(value)) || []);
    } catch (err) {
      const kind = (err as { kind?: unknown }).kind;
      port.postMessage({
        type: 'error',
        id,
        message: err instanceof Error ? err.message : String(err),
        // A kind outside the union (a library's own error with a `kind`) is not one the page knows.
        kind: isErrorKind(kind) ? kind : controller.signal.aborted ? 'cancelled' : 'internal',
      });
    } finally {
      running.delete(id);
    }
  };
  return <K extends keyof E & string>(name: K, payload: E[K]) => port.postMessage({ type: 'event', name, payload });
}
