import { describe, expect, it } from 'vitest';
import { Readiness } from './readiness.ts';

describe('Readiness', () => {
  it('holds waiters that came early and answers them, and later ones, once ready', async () => {
    const gate = new Readiness<string>();
    const early = gate.wait();
    let answered = false;
    void early.then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    gate.ready('wasm');
    gate.ready('cpu'); // only the first counts
    await expect(early).resolves.toBe('wasm');
    await expect(gate.wait()).resolves.toBe('wasm');
  });

  it('fails every waiter when it cannot become ready', async () => {
    const gate = new Readiness<string>();
    const early = gate.wait();
    gate.fail(new Error('no backend'));
    await expect(early).rejects.toThrow('no backend');
    await expect(gate.wait()).rejects.toThrow('no backend');
  });

  it('lets a waiter walk away', async () => {
    const gate = new Readiness<string>();
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
