import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from './integrity.ts';
import { fetchModelPackage, type LoadProgress, PackageError } from './model-package.ts';

/** A made-up package: a tiny model.json and two shards, with a meta.json that lists them. */
async function fakePackage() {
  const shards = { 'group1-shard1of2.bin': new Uint8Array(300).fill(7), 'group1-shard2of2.bin': new Uint8Array(100).fill(9) };
  const modelJson = new TextEncoder().encode(
    JSON.stringify({
      modelTopology: { fake: true },
      weightsManifest: [{ paths: Object.keys(shards), weights: [{ name: 'w', shape: [100], dtype: 'float32' }] }],
    }),
  );
  const files: Record<string, Uint8Array> = { 'model.json': modelJson, ...shards };
  const meta = {
    task: 'fake',
    version: '1.0.0',
    format: 'tfjs-layers',
    inputShape: [100],
    weights: 'float32',
    training: { command: 'made up in this test', data: 'none' },
    metrics: [],
    files: await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => ({ name, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) })),
    ),
  };
  files['meta.json'] = new TextEncoder().encode(JSON.stringify(meta));
  return files;
}

function serve(files: Record<string, Uint8Array>) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const name = url.split('/').pop()!;
    return files[name]
      ? new Response(files[name] as Uint8Array<ArrayBuffer>)
      : new Response('not found', { status: 404, statusText: 'Not Found' });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchModelPackage', () => {
  it('downloads every file, reports progress in bytes up to the total, and joins the shards in order', async () => {
    const files = await fakePackage();
    serve(files);
    const progress: LoadProgress[] = [];
    const pkg = await fetchModelPackage('https://models.example/fake/', (p) => progress.push(p));
    const total = files['model.json'].byteLength + 400;
    expect(progress[0]).toEqual({ loadedBytes: 0, totalBytes: total });
    expect(progress.at(-1)).toEqual({ loadedBytes: total, totalBytes: total });
    const weights = new Uint8Array(pkg.artifacts.weightData as ArrayBuffer);
    expect(weights.length).toBe(400);
    expect(weights[299]).toBe(7);
    expect(weights[300]).toBe(9);
  });

  it('refuses a corrupted shard with an integrity error that names the file', async () => {
    const files = await fakePackage();
    files['group1-shard2of2.bin'] = files['group1-shard2of2.bin'].slice();
    files['group1-shard2of2.bin'][50] ^= 1;
    serve(files);
    const error = await fetchModelPackage('https://models.example/fake/').catch((e) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect(error.kind).toBe('integrity');
    expect(error.message).toMatch(/group1-shard2of2\.bin is damaged/);
  });

  it('reports a missing file as a network error with the status', async () => {
    const files = await fakePackage();
    delete files['group1-shard1of2.bin'];
    serve(files);
    const error = await fetchModelPackage('https://models.example/fake/').catch((e) => e);
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.message).toMatch(/404/);
  });

  it('refuses a damaged meta.json as a format error in words (a file entry of null threw a TypeError)', async () => {
    const files = await fakePackage();
    const meta = JSON.parse(new TextDecoder().decode(files['meta.json'])) as { files: unknown[] };
    meta.files.push(null);
    files['meta.json'] = new TextEncoder().encode(JSON.stringify(meta));
    serve(files);
    const error = await fetchModelPackage('https://models.example/fake/').catch((e) => e);
    expect(error).toMatchObject({ kind: 'format' });
    expect(error.message).toBe('https://models.example/fake/meta.json describes file 4 without a name, a size in bytes or a sha256.');
  });

  it('a cancelled download fails as cancelled, not as a network problem', async () => {
    const files = await fakePackage();
    serve(files);
    const abort = new AbortController();
    abort.abort();
    const error = await fetchModelPackage('https://models.example/fake/', () => {}, abort.signal).catch((e) => e);
    expect(error).toMatchObject({ kind: 'cancelled' });
  });

  it('accepts the committed digits package', async () => {
    const dir = path.resolve('public/models/digits');
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { files: Array<{ name: string }> };
    const files: Record<string, Uint8Array> = { 'meta.json': readFileSync(path.join(dir, 'meta.json')) };
    for (const f of meta.files) files[f.name] = readFileSync(path.join(dir, f.name));
    serve(files);
    const pkg = await fetchModelPackage('https://models.example/digits/');
    expect(pkg.meta.task).toBe('digits');
  });
});
