/**
 * Holds a worker's calls until something is ready: a page sends what a person does at once, often
 * before the worker has started its backend or opened its model. Each held call ends if its caller
 * cancels; if the wait fails, the call fails with the same (plain) error.
 */
import type { CallContext } from './rpc.ts';

type AnyHandler = (params: unknown, context: CallContext<unknown>) => Promise<unknown>;

/** `handlers` keeps its exact type: the caller's `Handlers<Calls>` checks each handler's shape. */
export function heldUntil<H extends object>(ready: (signal: AbortSignal) => Promise<unknown>, handlers: H): H {
  const held: Record<string, AnyHandler> = {};
  for (const [call, handler] of Object.entries(handlers as Record<string, AnyHandler>)) {
    held[call] = async (params, context) => {
      await ready(context.signal);
      return handler(params, context);
    };
  }
  return held as H;
}
