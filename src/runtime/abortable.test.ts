import { describe, expect, it } from 'vitest';
import { abortable } from './abortable.ts';

describe('abortable', () => {
  it('passes the value through when nobody aborts', async () => {
    await expect(abortable(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(abortable(Promise.resolve(7), undefined)).resolves.toBe(7);
  });

  it('ends the wait with kind cancelled when the signal aborts first, while the work goes on', async () => {
    const controller = new AbortController();
    let finish!: (v: number) => void;
    const work = new Promise<number>((resolve) => (finish = resolve));
    const waiting = abortable(work, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    finish(3);
    await expect(work).resolves.toBe(3);
  });

  it('refuses at once on a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(abortable(new Promise(() => {}), controller.signal)).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it("passes the work's own error through", async () => {
    await expect(abortable(Promise.reject(new Error('broken')), new AbortController().signal)).rejects.toThrow('broken');
  });
});
