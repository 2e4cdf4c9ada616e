import { afterEach, describe, expect, it, vi } from 'vitest';
import { sourceSize } from '../../models/images/read-shards.ts';
import { allowedOrigins, sourceFromFiles, sourceFromUrl } from './custom-model-source.ts';

const modelJson = JSON.stringify({ modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['w.bin'], weights: [] }] });

describe('sourceFromFiles', () => {
  it('sorts model.json, shards and a labels file', async () => {
    const source = await sourceFromFiles([
      new File(['cat\ncoffee\n'], 'labels.txt', { type: 'text/plain' }),
      new File([new Uint8Array(8)], 'w.bin'),
      new File([modelJson], 'model.json', { type: 'application/json' }),
    ]);
    expect(source.modelJson).toBe(modelJson);
    expect(source.weights.map((w) => [w.name, sourceSize(w)])).toEqual([['w.bin', 8]]);
    expect(source.labels).toEqual(['cat', 'coffee']);
  });
  it('says what is missing or foreign', async () => {
    await expect(sourceFromFiles([new File([new Uint8Array(4)], 'w.bin')])).rejects.toThrow(/No model.json/);
    await expect(sourceFromFiles([new File(['x'], 'photo.jpg', { type: 'image/jpeg' })])).rejects.toThrow(
      /not part of a TensorFlow.js model/,
    );
  });
});

describe('sourceFromUrl', () => {
  it('refuses other origins before any request, suggesting to download and drop the files', async () => {
    await expect(
      sourceFromUrl('https://example.com/vgg16/model.json', 'https://app.test/#/images', 'https://cdn.test/models/'),
    ).rejects.toThrow(/only downloads from https:\/\/app.test and https:\/\/cdn.test.*drop them here/);
  });
  afterEach(() => vi.unstubAllGlobals());
  it('names a damaged manifest in a downloaded model.json (it threw a TypeError)', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ modelTopology: {}, weightsManifest: { paths: ['w.bin'] } })));
    await expect(sourceFromUrl('/models/mine/model.json', 'https://app.test/#/images', '/models/')).rejects.toThrow(
      "This model.json's weightsManifest is not a list of weight groups.",
    );
  });
  it('lists the page origin and the models origin once each', () => {
    expect(allowedOrigins('https://app.test/x', '/models/')).toEqual(['https://app.test']);
  });
});
