import { describe, expect, it } from 'vitest';
import type { LoadProgress, ModelPackage } from './model-package.ts';
import { PackageError } from './model-package.ts';
import { ModelRegistry } from './model-registry.ts';

type Key = 'digits' | 'text' | 'custom';

/** A package stand-in: the registry only passes it to the task's build. */
const fakePackage = (name: string) => ({ meta: { task: name } }) as unknown as ModelPackage;

/** Downloads the test controls: each waits until `finish` or `fail` is called for its key. */
function network() {
  const waiting = new Map<Key, { resolve: (p: ModelPackage) => void; reject: (e: Error) => void; onProgress: (p: LoadProgress) => void }>();
  let fetches = 0;
  const fetchPackage = (key: Key, onProgress: (p: LoadProgress) => void, signal: AbortSignal) => {
    fetches += 1;
    return new Promise<ModelPackage>((resolve, reject) => {
      waiting.set(key, { resolve, reject, onProgress });
      signal.addEventListener('abort', () => reject(new PackageError('The download was cancelled.', 'cancelled')));
    });
  };
  return {
    fetchPackage,
    fetches: () => fetches,
    progress: (key: Key, loadedBytes: number) => waiting.get(key)!.onProgress({ loadedBytes, totalBytes: 100 }),
    finish: async (key: Key) => {
      waiting.get(key)!.resolve(fakePackage(key));
      await new Promise((r) => setTimeout(r, 0));
    },
    fail: (key: Key) => waiting.get(key)!.reject(new PackageError('Could not download: the server answered 404.', 'network')),
  };
}

/** A built model that records its disposal. */
class Built {
  disposed = false;
  constructor(readonly from: string) {}
  dispose() {
    this.disposed = true;
  }
}

function setup() {
  const net = network();
  const progress: Array<[Key, number]> = [];
  const registry = new ModelRegistry<Key>({ fetchPackage: net.fetchPackage, onProgress: (key, p) => progress.push([key, p.loadedBytes]) });
  let builds = 0;
  const digits = registry.define('digits', async (pkg) => {
    builds += 1;
    return new Built((pkg.meta as { task: string }).task);
  });
  return { net, registry, digits, progress, builds: () => builds };
}

describe('ModelRegistry', () => {
  it('downloads once for concurrent loads, reports progress, builds once, and serves requests from it', async () => {
    const { net, registry, digits, progress, builds } = setup();
    const loads = Promise.all([registry.load('digits'), registry.load('digits')]);
    net.progress('digits', 40);
    await net.finish('digits');
    const [a, b] = await loads;
    expect(a).toBe(b);
    expect(net.fetches()).toBe(1);
    expect(builds()).toBe(1);
    expect(progress).toEqual([['digits', 40]]);
    expect(await digits()).toBe(a);
    expect(registry.packageOf('digits')).toBeDefined();
  });

  it('a request never starts a download: before load it fails as model-unavailable', async () => {
    const { net, digits } = setup();
    await expect(digits()).rejects.toMatchObject({ kind: 'model-unavailable' });
    expect(net.fetches()).toBe(0);
  });

  it('a request made mid-download waits for it; its own signal lets it stop waiting without stopping the download', async () => {
    const { net, registry, digits } = setup();
    const load = registry.load('digits');
    const waiting = digits();
    const walkedAway = new AbortController();
    const impatient = digits(walkedAway.signal);
    walkedAway.abort();
    await expect(impatient).rejects.toMatchObject({ kind: 'cancelled' });
    await net.finish('digits');
    expect(await waiting).toBe(await load);
  });

  it(
    'a cancelled download fails the load as cancelled and the ' + 'waiting requests as model-unavailable; a retry downloads again',
    async () => {
      const { net, registry, digits } = setup();
      const load = registry.load('digits');
      const waiting = digits();
      expect(registry.cancelDownload('digits')).toBe(true);
      await expect(load).rejects.toMatchObject({ kind: 'cancelled' });
      await expect(waiting).rejects.toMatchObject({ kind: 'model-unavailable' });
      expect(registry.cancelDownload('digits')).toBe(false);
      const retry = registry.load('digits');
      await net.finish('digits');
      expect(await retry).toBeInstanceOf(Built);
      expect(net.fetches()).toBe(2);
    },
  );

  it('a failed download can be retried', async () => {
    const { net, registry } = setup();
    const first = registry.load('digits');
    net.fail('digits');
    await expect(first).rejects.toMatchObject({ kind: 'network' });
    const second = registry.load('digits');
    await net.finish('digits');
    expect(await second).toBeInstanceOf(Built);
  });

  it('after a backend switch, models from packages are rebuilt without a download, and the old ones disposed', async () => {
    const { net, registry, digits, builds } = setup();
    const load = registry.load('digits');
    await net.finish('digits');
    const before = (await load) as Built;
    await registry.rebuildAll();
    const after = (await digits()) as Built;
    expect(after).not.toBe(before);
    expect(before.disposed).toBe(true);
    expect(builds()).toBe(2);
    expect(net.fetches()).toBe(1);
  });

  it(
    'an adopted model (built from files the worker keeps) is rebuilt ' + 'from them after a switch, and replaced or removed on demand',
    async () => {
      const { registry } = setup();
      let rebuilt = 0;
      const first = new Built('files');
      registry.adopt('custom', first, async () => new Built(`files again ${++rebuilt}`));
      expect(await registry.adopted('custom')).toBe(first);
      await registry.rebuildAll();
      expect(first.disposed).toBe(true);
      expect(((await registry.adopted('custom')) as Built).from).toBe('files again 1');
      const second = new Built('other files');
      registry.adopt('custom', second, async () => second);
      expect(await registry.adopted('custom')).toBe(second);
      expect(registry.remove('custom')).toBe(true);
      await new Promise((r) => setTimeout(r, 0));
      expect(second.disposed).toBe(true);
      expect(registry.adopted('custom')).toBeUndefined();
    },
  );

  it('a package is shared by whoever asks for it, without building (the forecast worker builds its own)', async () => {
    const { net, registry } = setup();
    const a = registry.package('text');
    const b = registry.package('text');
    await net.finish('text');
    expect(await a).toBe(await b);
    expect(await registry.package('text')).toBe(await a);
    expect(net.fetches()).toBe(1);
  });
});
