import { describe, expect, it } from 'vitest';
import { type BackendName, type BackendStarter, backendOrder, chooseBackend, requestedBackend } from './backend-choice.ts';

function starter(results: Partial<Record<BackendName, boolean | Error>>, log: string[] = []): BackendStarter {
  return {
    async start(name, forced) {
      log.push(`${name}${forced ? '!' : ''}`);
      const r = results[name] ?? false;
      if (r instanceof Error) throw r;
      return r;
    },
    wasmInfo: () => ({ simd: true, threads: 2 }),
  };
}

describe('backend choice', () => {
  it('reads ?backend= and ignores anything unknown', () => {
    expect(requestedBackend('?backend=wasm')).toBe('wasm');
    expect(requestedBackend('?x=1&backend=cpu')).toBe('cpu');
    expect(requestedBackend('?backend=cuda')).toBeNull();
    expect(requestedBackend('')).toBeNull();
  });

  it('tries webgl, then wasm, then cpu; a forced backend goes first', () => {
    expect(backendOrder(null)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('cpu')).toEqual(['cpu', 'webgl', 'wasm']);
  });

  it('runs webgpu only when ?backend=webgpu asks for it; without an adapter the usual order follows', async () => {
    expect(requestedBackend('?backend=webgpu')).toBe('webgpu');
    expect(backendOrder(null)).not.toContain('webgpu');
    expect(backendOrder('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    const log: string[] = [];
    const automatic = await chooseBackend(null, starter({ webgpu: true, webgl: false, wasm: true }, log));
    expect(log).toEqual(['webgl', 'wasm']);
    expect(automatic.backend).toBe('wasm');
    expect(await chooseBackend('webgpu', starter({ webgpu: true }))).toMatchObject({ backend: 'webgpu', forced: true });
    const noAdapter = await chooseBackend('webgpu', starter({ webgpu: false, webgl: true }));
    expect(noAdapter.backend).toBe('webgl');
    expect(noAdapter.reason).toMatch(/webgpu was requested but did not start \(no usable WebGPU adapter\)/);
  });

  it('uses webgl when it starts', async () => {
    const report = await chooseBackend(null, starter({ webgl: true, wasm: true }));
    expect(report.backend).toBe('webgl');
    expect(report.failures).toEqual([]);
  });

  it('falls back to wasm when setBackend(webgl) resolves false, and says why', async () => {
    const log: string[] = [];
    const report = await chooseBackend(null, starter({ webgl: false, wasm: true }, log));
    expect(log).toEqual(['webgl', 'wasm']);
    expect(report.backend).toBe('wasm');
    expect(report.wasm).toEqual({ simd: true, threads: 2 });
    expect(report.reason).toMatch(/WebGL is not usable/);
    expect(report.reason).toMatch(/2 threads/);
  });

  it('falls back when a backend throws, and reaches cpu last', async () => {
    const report = await chooseBackend(null, starter({ webgl: new Error('context failed'), wasm: new Error('no wasm'), cpu: true }));
    expect(report.backend).toBe('cpu');
    expect(report.failures.map((f) => f.backend)).toEqual(['webgl', 'wasm']);
    expect(report.reason).toMatch(/context failed/);
  });

  it('honours a forced backend and marks it forced', async () => {
    const log: string[] = [];
    const report = await chooseBackend('webgl', starter({ webgl: true }, log));
    expect(log).toEqual(['webgl!']);
    expect(report).toMatchObject({ backend: 'webgl', forced: true });
  });

  it('says so when the forced backend fails and another one runs', async () => {
    const report = await chooseBackend('webgl', starter({ webgl: false, wasm: true }));
    expect(report.backend).toBe('wasm');
    expect(report.forced).toBe(false);
    expect(report.reason).toMatch(/webgl was requested but did not start/);
  });

  it('fails with every reason when nothing starts', async () => {
    await expect(chooseBackend(null, starter({}))).rejects.toThrow(/webgl: .*wasm: .*cpu: /);
  });
});
