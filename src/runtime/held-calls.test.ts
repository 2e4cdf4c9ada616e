import { describe, expect, it } from 'vitest';
import { heldUntil } from './held-calls.ts';
import { Readiness } from './readiness.ts';
import type { CallContext } from './rpc.ts';

const context = (signal = new AbortController().signal): CallContext<unknown> => ({ signal, update: () => {} });

describe('heldUntil', () => {
  it('answers a call that came early once ready, in the order the calls came', async () => {
    const gate = new Readiness<void>();
    const order: string[] = [];
    const handlers = heldUntil((signal) => gate.wait(signal), {
      first: async (p: { n: number }, _: CallContext<unknown>) => {
        order.push('first');
        return p.n * 2;
      },
      second: async (_p: object, _c: CallContext<unknown>) => {
        order.push('second');
        return 'ok';
      },
    });
    const a = handlers.first({ n: 21 }, context());
    const b = handlers.second({}, context());
    await Promise.resolve();
    expect(order).toEqual([]);
    gate.ready();
    await expect(a).resolves.toBe(42);
    await expect(b).resolves.toBe('ok');
    expect(order).toEqual(['first', 'second']);
  });

  it('ends a held call its caller cancels, without running it', async () => {
    const gate = new Readiness<void>();
    let ran = false;
    const handlers = heldUntil((signal) => gate.wait(signal), {
      work: async (_p: object, _c: CallContext<unknown>) => {
        ran = true;
      },
    });
    const controller = new AbortController();
    const call = handlers.work({}, context(controller.signal));
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
    gate.ready();
    await Promise.resolve();
    expect(ran).toBe(false);
  });

  it('fails held calls with the reason the wait failed', async () => {
    const gate = new Readiness<void>();
    const handlers = heldUntil((signal) => gate.wait(signal), { work: async (_p: object, _c: CallContext<unknown>) => 1 });
    const call = handlers.work({}, context());
    gate.fail(new Error('The model could not be opened.'));
    await expect(call).rejects.toThrow('The model could not be opened.');
  });
});
