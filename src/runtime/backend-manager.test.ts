import { describe, expect, it } from 'vitest';
import type { BackendName, BackendReport } from './backend-choice.ts';
import { BackendManager } from './backend-manager.ts';
import type { WatchedContext } from './context-loss.ts';

/** A WebGL context as the manager sees it: a canvas that fires `webglcontextlost`. */
function fakeContext() {
  const canvas = new EventTarget();
  let lost = false;
  const context: WatchedContext = {
    canvas,
    isContextLost: () => lost,
    getExtension: (name) =>
      name === 'WEBGL_lose_context'
        ? {
            loseContext: () => {
              lost = true;
              canvas.dispatchEvent(new Event('webglcontextlost'));
            },
          }
        : null,
  };
  return context;
}

const report = (backend: BackendName): BackendReport => ({ backend, forced: false, reason: `${backend} runs.`, failures: [] });

function setup(first: BackendName = 'webgl') {
  const gl = fakeContext();
  let running: BackendName | null = null;
  const starts: BackendName[] = [];
  const reports: BackendReport[] = [];
  let rebuilds = 0;
  const manager = new BackendManager({
    start: async (forced) => {
      running = forced ?? first;
      starts.push(running);
      return report(running);
    },
    webglContext: () => (running === 'webgl' ? gl : null),
    onReport: (r) => reports.push(r),
    rebuild: async () => void rebuilds++,
  });
  return { manager, gl, starts, reports, rebuilds: () => rebuilds };
}

describe('BackendManager', () => {
  it('starts once for concurrent callers and opens the gate for held calls', async () => {
    const { manager, starts } = setup();
    const held = manager.whenStarted();
    const [a, b] = await Promise.all([manager.start(null), manager.start(null)]);
    expect(a).toBe(b);
    expect(starts).toEqual(['webgl']);
    expect((await held).backend).toBe('webgl');
    expect(manager.report?.backend).toBe('webgl');
  });

  it('a failed start fails every held call with a plain message', async () => {
    const manager = new BackendManager({
      start: () => Promise.reject(new Error('no WebGL, no wasm')),
      webglContext: () => null,
      onReport: () => {},
      rebuild: async () => {},
    });
    const held = manager.whenStarted();
    const original = console.error;
    console.error = () => {};
    try {
      await expect(manager.start(null)).rejects.toMatchObject({ kind: 'unsupported' });
    } finally {
      console.error = original;
    }
    await expect(held).rejects.toThrow(/could not start in this browser/);
  });

  it('work that hangs on a lost context is run again on wasm, after the models are rebuilt', async () => {
    const { manager, starts, reports, rebuilds } = setup();
    await manager.start(null);
    let runs = 0;
    const answer = manager.guarded(async () => {
      runs += 1;
      if (runs === 1) return new Promise<number>(() => {}); // a data() that never resolves
      return 42;
    });
    expect(manager.loseContext()).toBe(true);
    expect(await answer).toBe(42);
    expect(runs).toBe(2);
    expect(starts).toEqual(['webgl', 'wasm']);
    expect(rebuilds()).toBe(1);
    expect(reports.at(-1)?.reason).toMatch(/WebGL context was lost/);
    expect(manager.report?.backend).toBe('wasm');
  });

  it('work that fails because its context was lost is run again too; other failures reach the caller', async () => {
    const { manager } = setup();
    await manager.start(null);
    let runs = 0;
    const answer = manager.guarded(async () => {
      runs += 1;
      if (runs === 1) {
        manager.loseContext();
        throw new Error('CONTEXT_LOST_WEBGL');
      }
      return 'ok';
    });
    expect(await answer).toBe('ok');
    await expect(manager.guarded(async () => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
  });

  it('requests that notice one loss together share one recovery', async () => {
    const { manager, starts, rebuilds } = setup();
    await manager.start(null);
    const hangOnce = () => {
      let first = true;
      return async () => {
        if (first) {
          first = false;
          return new Promise<string>(() => {});
        }
        return 'done';
      };
    };
    const answers = Promise.all([manager.guarded(hangOnce()), manager.guarded(hangOnce()), manager.guarded(hangOnce())]);
    manager.loseContext();
    expect(await answers).toEqual(['done', 'done', 'done']);
    expect(starts).toEqual(['webgl', 'wasm']);
    expect(rebuilds()).toBe(1);
  });

  it('on wasm there is no context to lose', async () => {
    const { manager } = setup('wasm');
    await manager.start(null);
    expect(manager.loseContext()).toBe(false);
    expect(await manager.guarded(async () => 1)).toBe(1);
  });
});
