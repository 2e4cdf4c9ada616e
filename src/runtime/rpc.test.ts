import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorKind } from './error-kinds.ts';
import { type Handlers, KindedError } from './rpc.ts';
import { serveRpc } from './rpc-server.ts';
import { WorkerCallError, WorkerClient } from './worker-client.ts';

type Calls = {
  add: { params: { a: number; b: number }; result: number; update: never };
  count: { params: { to: number }; result: string; update: number };
  wait: { params: Record<string, never>; result: string; update: never };
  fail: { params: { kind?: ErrorKind | 'foreign' }; result: never; update: never };
};
type Events = { ping: { n: number } };

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  const handlers: Handlers<Calls> = {
    add: async ({ a, b }) => a + b,
    async count({ to }, { update }) {
      for (let i = 1; i <= to; i++) update(i);
      return 'done';
    },
    wait: (_p, { signal }) =>
      new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new KindedError('stopped', 'cancelled')));
        setTimeout(() => resolve('late'), 5000);
      }),
    fail: async ({ kind }) => {
      if (kind === 'foreign') throw Object.assign(new Error('a library error'), { kind: 'gl-lost' });
      throw kind ? new KindedError('no luck', kind) : new Error('plain');
    },
  };
  const emit = serveRpc<Calls, Events>(channel.port2 as never, handlers);
  const client = new WorkerClient<Calls, Events>(channel.port1 as unknown as Worker);
  return { client, emit };
}

describe('rpc', () => {
  it('answers calls with their results', async () => {
    const { client } = connect();
    await expect(Promise.all([client.call('add', { a: 2, b: 3 }), client.call('add', { a: 1, b: 1 })])).resolves.toEqual([5, 2]);
  });

  it('streams updates in order before the result', async () => {
    const { client } = connect();
    const seen: number[] = [];
    await expect(client.call('count', { to: 4 }, { onUpdate: (n) => seen.push(n) })).resolves.toBe('done');
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('cancels a running call through its AbortSignal', async () => {
    const { client } = connect();
    const controller = new AbortController();
    const pending = client.call('wait', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled', message: 'stopped' });
  });

  it('passes error kinds through, and says runtime otherwise', async () => {
    const { client } = connect();
    const kinded = await client.call('fail', { kind: 'format' }).catch((e: WorkerCallError) => e);
    expect(kinded).toBeInstanceOf(WorkerCallError);
    expect(kinded).toMatchObject({ kind: 'format', message: 'no luck' });
    await expect(client.call('fail', {})).rejects.toMatchObject({ kind: 'internal', message: 'plain' });
    // A kind the page does not know (not in error-kinds.ts) arrives as 'internal'.
    await expect(client.call('fail', { kind: 'foreign' })).rejects.toMatchObject({ kind: 'internal', message: 'a library error' });
  });

  it('broadcasts events to listeners until they unsubscribe', async () => {
    const { client, emit } = connect();
    const got: number[] = [];
    const stop = client.on('ping', ({ n }) => got.push(n));
    emit('ping', { n: 1 });
    await client.call('add', { a: 0, b: 0 }); // a round trip: the event arrived before the result
    stop();
    emit('ping', { n: 2 });
    await client.call('add', { a: 0, b: 0 });
    expect(got).toEqual([1]);
  });
});
