import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CAFFE_MEAN_BGR,
  grayToRgb,
  type InputMode,
  normalizeInput,
  normalizeValue,
  type PixelSource,
  pilBilinearCoefficients,
  pilNearestIndices,
  preprocessVgg16,
  type RgbImage,
  resizeBilinearPil,
  resizeNearestPil,
  toRgb,
} from './vgg16-preprocess.ts';

// ---------------------------------------------------------------- fixtures (scripts/images/make-parity-fixtures.py)

type ByteRef = { offset: number; length: number; sha256: string };
type FixtureOutput = {
  interpolation: 'nearest' | 'bilinear';
  width: number;
  height: number;
  pixels: ByteRef;
  float32Sha256: Record<InputMode, string>;
};
type FixtureCase = {
  name: string;
  file: string;
  fileMode: string;
  width: number;
  height: number;
  channels: 3 | 4;
  source: ByteRef;
  outputs: FixtureOutput[];
};
type Manifest = {
  binBytes: number;
  binSha256: string;
  caffeMeanBGR: number[];
  kerasTables: Record<InputMode, string>;
  png: FixtureCase[];
  /** JPEGs with PIL's decoded pixels, for a browser test of decoder differences (integrity only here). */
  jpeg: Array<Pick<FixtureCase, 'name' | 'file' | 'width' | 'height' | 'channels' | 'source'>>;
};

const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const manifest = JSON.parse(readFileSync(fixturePath('parity.json'), 'utf8')) as Manifest;
const bin = new Uint8Array(gunzipSync(readFileSync(fixturePath('parity.bin.gz'))));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesAt = (ref: ByteRef) => bin.subarray(ref.offset, ref.offset + ref.length);

function sourceOf(c: FixtureCase): PixelSource {
  return { data: bytesAt(c.source), width: c.width, height: c.height, channels: c.channels };
}

/** Keras's float32 per-value table for `mode`: value v, output channel c at [v * 3 + c]. */
function kerasTable(mode: InputMode): Float32Array {
  const b = Buffer.from(manifest.kerasTables[mode], 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function compare(actual: Uint8Array, expected: Uint8Array) {
  let maxDiff = 0;
  let differing = 0;
  let offByOne = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (d > 0) differing++;
    if (d === 1) offByOne++;
    if (d > maxDiff) maxDiff = d;
  }
  return { maxDiff, differing, offByOne };
}

const label = (c: FixtureCase, o: FixtureOutput) => `${c.name} (${c.fileMode} ${c.width}×${c.height}) → ${o.width}×${o.height}`;

// BILINEAR differences are measured once, at collection time, so that the test names report them.
const bilinearRuns = manifest.png.flatMap((c) =>
  c.outputs
    .filter((o) => o.interpolation === 'bilinear')
    .map((o) => {
      const ours = resizeBilinearPil(toRgb(sourceOf(c)), [o.height, o.width]).data;
      return { c, o, ours, ...compare(ours, bytesAt(o.pixels)) };
    }),
);
const bilinearTotals = bilinearRuns.reduce(
  (t, r) => ({ values: t.values + r.o.pixels.length, maxDiff: Math.max(t.maxDiff, r.maxDiff), offByOne: t.offByOne + r.offByOne }),
  { values: 0, maxDiff: 0, offByOne: 0 },
);

describe('PIL parity fixtures', () => {
  it('are intact (sha256 of the unpacked bytes and of every range)', () => {
    expect(bin.length).toBe(manifest.binBytes);
    expect(sha256(bin)).toBe(manifest.binSha256);
    for (const c of manifest.png) {
      expect(sha256(bytesAt(c.source)), c.name).toBe(c.source.sha256);
      for (const o of c.outputs) expect(sha256(bytesAt(o.pixels)), label(c, o)).toBe(o.pixels.sha256);
    }
    for (const j of manifest.jpeg) {
      expect(j.source.length, j.name).toBe(j.width * j.height * j.channels);
      expect(sha256(bytesAt(j.source)), j.name).toBe(j.source.sha256);
      expect(readFileSync(fixturePath(j.file)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
  });

  it('cover grayscale, RGBA, palette, up- and downscaling and one 224×224 case', () => {
    expect(new Set(manifest.png.map((c) => c.fileMode))).toEqual(new Set(['RGB', 'L', 'RGBA', 'P']));
    const outs = manifest.png.flatMap((c) => c.outputs.map((o) => ({ c, o })));
    expect(outs.some(({ c, o }) => o.width > c.width && o.height > c.height)).toBe(true);
    expect(outs.some(({ c, o }) => o.width < c.width && o.height < c.height)).toBe(true);
    expect(outs.filter(({ o }) => o.width === 224 && o.height === 224 && o.interpolation === 'nearest')).toHaveLength(1);
  });
});

describe('NEAREST matches PIL exactly', () => {
  for (const c of manifest.png) {
    for (const o of c.outputs.filter((x) => x.interpolation === 'nearest')) {
      it(`${label(c, o)}: 0 mismatching bytes, and the caffe/tf/raw float32 outputs equal Keras's`, () => {
        const expected = bytesAt(o.pixels);
        const resized = resizeNearestPil(toRgb(sourceOf(c)), [o.height, o.width]);
        const { differing } = compare(resized.data, expected);
        expect(differing, `${differing} of ${expected.length} bytes differ from PIL`).toBe(0);

        // caffe from PIL's own pixels, element by element: BGR, minus the float32 mean, in float32.
        const out = preprocessVgg16(sourceOf(c), [o.height, o.width]);
        expect(out).toHaveLength(o.width * o.height * 3);
        const mean = CAFFE_MEAN_BGR.map((m) => Math.fround(m));
        let wrong = 0;
        for (let i = 0; i < expected.length; i += 3) {
          if (out[i] !== Math.fround(expected[i + 2] - mean[0])) wrong++;
          if (out[i + 1] !== Math.fround(expected[i + 1] - mean[1])) wrong++;
          if (out[i + 2] !== Math.fround(expected[i] - mean[2])) wrong++;
        }
        expect(wrong, 'caffe values that differ from pixel − mean in float32').toBe(0);

        // The whole Keras pipeline (load_img + img_to_array + preprocess_input), bit for bit.
        for (const mode of ['caffe', 'tf', 'raw'] as const) {
          const f = preprocessVgg16(sourceOf(c), [o.height, o.width], { interpolation: 'nearest', mode });
          expect(sha256(new Uint8Array(f.buffer)), `${mode} float32 bytes`).toBe(o.float32Sha256[mode]);
        }
      });
    }
  }
});

describe('BILINEAR matches PIL within one level', () => {
  for (const r of bilinearRuns) {
    it(`${label(r.c, r.o)}: max diff ${r.maxDiff}, off-by-one ${r.offByOne} of ${r.o.pixels.length}`, () => {
      expect(r.maxDiff, `max |ours − PIL| (off-by-one count ${r.offByOne})`).toBeLessThanOrEqual(1);
      const viaPipeline = preprocessVgg16(sourceOf(r.c), [r.o.height, r.o.width], { interpolation: 'bilinear', mode: 'raw' });
      expect(viaPipeline[0]).toBe(Math.fround(r.ours[0] / 255));
    });
  }

  it(
    `all cases: max diff ${bilinearTotals.maxDiff}, off-by-one ${bilinearTotals.offByOne} of ` +
      `${bilinearTotals.values} values — in fact byte-exact, so the float32 outputs equal Keras's`,
    () => {
      expect(bilinearTotals.maxDiff).toBe(0);
      for (const { c, o } of bilinearRuns) {
        const f = preprocessVgg16(sourceOf(c), [o.height, o.width], { interpolation: 'bilinear' });
        expect(sha256(new Uint8Array(f.buffer)), label(c, o)).toBe(o.float32Sha256.caffe);
      }
    },
  );
});

describe('PIL NEAREST coordinates', () => {
  it('accumulate scale in double as Pillow does, not floor((x + 0.5) · scale) (values read from Pillow 9.4)', () => {
    expect(Array.from(pilNearestIndices(2, 7))).toEqual([0, 0, 0, 0, 1, 1, 1]); // the direct formula gives 1 at x = 3
    expect(Array.from(pilNearestIndices(3, 5))).toEqual([0, 0, 1, 2, 2]);
    expect(Array.from(pilNearestIndices(7, 2))).toEqual([1, 5]);
    expect(Array.from(pilNearestIndices(10, 4))).toEqual([1, 3, 6, 8]);
    expect(Array.from(pilNearestIndices(5, 3))).toEqual([0, 2, 4]);
    const direct = Array.from({ length: 224 }, (_, x) => Math.floor(((x + 0.5) * 128) / 224));
    const pil = Array.from(pilNearestIndices(128, 224));
    expect(pil.filter((v, x) => v !== direct[x])).toHaveLength(25);
    expect(pil.slice(0, 8)).toEqual([0, 0, 1, 1, 2, 3, 3, 4]);
  });

  it('widen the BILINEAR support by the scale factor when shrinking (antialiasing), not when growing', () => {
    const down = pilBilinearCoefficients(100, 10); // scale 10: support 10, up to 21 taps
    expect(down.ksize).toBe(21);
    expect(down.count[5]).toBe(20);
    const sum = down.weights.slice(5 * 21, 6 * 21).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 2 ** 22)).toBeLessThanOrEqual(20);
    const up = pilBilinearCoefficients(10, 100); // support 1: at most 2 non-zero taps
    expect(up.ksize).toBe(3);
    for (let i = 0; i < 100; i++) {
      const w = Array.from(up.weights.slice(i * 3, i * 3 + 3));
      expect(w.filter((v) => v !== 0).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('caffe normalisation by hand', () => {
  const mB = Math.fround(103.939);
  const mG = Math.fround(116.779);
  const mR = Math.fround(123.68);

  it('1×1: swaps RGB to BGR and subtracts the B, G, R means', () => {
    const out = preprocessVgg16({ data: new Uint8Array([10, 20, 30]), width: 1, height: 1, channels: 3 }, [1, 1]);
    expect(Array.from(out)).toEqual([Math.fround(30 - mB), Math.fround(20 - mG), Math.fround(10 - mR)]);
    expect(out[0]).toBeCloseTo(30 - 103.939, 4);
    expect(out[1]).toBeCloseTo(20 - 116.779, 4);
    expect(out[2]).toBeCloseTo(10 - 123.68, 4);
  });

  it('2×2 RGBA: keeps pixel order, drops alpha without compositing (alpha 0 keeps its colour)', () => {
    // prettier-ignore
    const data = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 200, 100, 50, 0]);
    const out = preprocessVgg16({ data, width: 2, height: 2, channels: 4 }, [2, 2]);
    const px = (b: number, g: number, r: number) => [Math.fround(b - mB), Math.fround(g - mG), Math.fround(r - mR)];
    expect(Array.from(out)).toEqual([...px(0, 0, 255), ...px(0, 255, 0), ...px(255, 0, 0), ...px(50, 100, 200)]);
  });

  it("2×2 → 1×1 NEAREST picks PIL's pixel (1, 1); BILINEAR averages all four", () => {
    const data = new Uint8Array([0, 0, 0, 40, 40, 40, 80, 80, 80, 200, 100, 50]);
    const img = { data, width: 2, height: 2, channels: 3 as const };
    expect(Array.from(preprocessVgg16(img, [1, 1]))).toEqual([Math.fround(50 - mB), Math.fround(100 - mG), Math.fround(200 - mR)]);
    // (0 + 40 + 80 + 200) / 4 = 80, (0 + 40 + 80 + 100) / 4 = 55, (0 + 40 + 80 + 50) / 4 = 42.5 → 43 (rounded in fixed point)
    expect(Array.from(preprocessVgg16(img, [1, 1], { interpolation: 'bilinear', mode: 'raw' }))).toEqual(
      [80, 55, 43].map((v) => Math.fround(v / 255)),
    );
  });

  it('equals Keras (numpy float32) for every byte value and channel — and the float64 mean would not', () => {
    const keras = kerasTable('caffe');
    const gray = grayToRgb(
      Uint8Array.from({ length: 256 }, (_, v) => v),
      256,
      1,
    );
    const ours = normalizeInput(gray, 'caffe');
    expect(ours).toEqual(keras);
    let naive = 0;
    for (let v = 0; v < 256; v++) {
      for (let c = 0; c < 3; c++) if (Math.fround(v - CAFFE_MEAN_BGR[c]) !== keras[v * 3 + c]) naive++;
    }
    expect(naive).toBe(187);
  });
});

describe('tf and raw modes', () => {
  const ramp = grayToRgb(
    Uint8Array.from({ length: 256 }, (_, v) => v),
    256,
    1,
  );

  it('tf: x / 127.5 − 1 in float32, RGB order kept', () => {
    expect(normalizeInput(ramp, 'tf')).toEqual(kerasTable('tf'));
    const out = preprocessVgg16({ data: new Uint8Array([0, 255, 51]), width: 1, height: 1, channels: 3 }, [1, 1], { mode: 'tf' });
    expect(Array.from(out)).toEqual([-1, 1, Math.fround(Math.fround(51 / 127.5) - 1)]);
    expect(out[2]).toBeCloseTo(-0.6, 6);
  });

  it('raw: x / 255 in float32, RGB order kept', () => {
    expect(normalizeInput(ramp, 'raw')).toEqual(kerasTable('raw'));
    const out = preprocessVgg16({ data: new Uint8Array([0, 255, 51, 9]), width: 1, height: 1, channels: 4 }, [1, 1], { mode: 'raw' });
    expect(Array.from(out)).toEqual([0, 1, Math.fround(0.2)]);
    expect(normalizeValue(51, 2, 'raw')).toBe(Math.fround(0.2));
    expect(normalizeValue(30, 2, 'caffe')).toBe(Math.fround(30 - Math.fround(103.939))); // input B → output channel 0
  });
});

describe('input validation', () => {
  const ok: PixelSource = { data: new Uint8Array(2 * 3 * 4), width: 2, height: 3, channels: 4 };

  it('rejects a data length that does not match width × height × channels', () => {
    expect(() => preprocessVgg16({ ...ok, data: new Uint8Array(23) })).toThrow(/23 bytes.*2×3.*4 channels needs 24/);
    expect(() => preprocessVgg16({ ...ok, channels: 3 })).toThrow(/needs 18/);
  });

  it('rejects bad channel counts, sizes and options with a clear message', () => {
    expect(() => preprocessVgg16({ ...ok, channels: 2 as 3 })).toThrow(/channels must be 3 \(RGB\) or 4 \(RGBA\)/);
    expect(() => preprocessVgg16({ ...ok, width: 0 })).toThrow(/image width must be a whole number/);
    expect(() => preprocessVgg16({ ...ok, height: 1.5 })).toThrow(/image height must be a whole number/);
    expect(() => preprocessVgg16({ ...ok, data: [1, 2] as unknown as Uint8Array })).toThrow(/Uint8Array/);
    expect(() => preprocessVgg16(ok, [0, 224])).toThrow(/target height/);
    expect(() => preprocessVgg16(ok, [224, Number.NaN])).toThrow(/target width/);
    expect(() => preprocessVgg16(ok, [2, 2], { mode: 'torch' as InputMode })).toThrow(/unknown input mode "torch"/);
    expect(() => preprocessVgg16(ok, [2, 2], { interpolation: 'bicubic' as 'nearest' })).toThrow(/unknown interpolation "bicubic"/);
    expect(() => resizeBilinearPil({ data: new Uint8Array(24), width: 2, height: 3, channels: 4 }, [1, 1])).toThrow(/1 or 3 channels/);
  });

  it('accepts a Uint8ClampedArray (canvas ImageData) and defaults to 224×224', () => {
    const out = preprocessVgg16({ ...ok, data: new Uint8ClampedArray(24).fill(7) });
    expect(out).toHaveLength(224 * 224 * 3);
    expect(out[0]).toBe(Math.fround(7 - Math.fround(103.939)));
  });
});

describe('tfjs resizeNearestNeighbor against PIL NEAREST (CPU backend)', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
  });

  function tfNearest(rgb: RgbImage, [h, w]: [number, number], halfPixelCenters: boolean): Uint8Array {
    return tf.tidy(() => {
      const t = tf.tensor3d(Int32Array.from(rgb.data), [rgb.height, rgb.width, 3], 'int32');
      const r = tf.image.resizeNearestNeighbor(t, [h, w], false, halfPixelCenters);
      return Uint8Array.from(r.dataSync());
    });
  }

  const find = (name: string, w: number, h: number) => {
    const c = manifest.png.find((x) => x.name === name)!;
    const o = c.outputs.find((x) => x.interpolation === 'nearest' && x.width === w && x.height === h)!;
    return { rgb: toRgb(sourceOf(c)), expected: bytesAt(o.pixels) };
  };

  it('halfPixelCenters = true equals PIL (97×61 → 64×64, no exact ties); the default false does not', () => {
    const { rgb, expected } = find('noise-gradient-rgb', 64, 64);
    expect(compare(tfNearest(rgb, [64, 64], true), expected).differing).toBe(0);
    expect(compare(tfNearest(rgb, [64, 64], false), expected).differing).toBeGreaterThan(1000);
  });

  it('halfPixelCenters = true still differs from PIL at exact ties (128×96 → 224×224: 25 columns), ours does not', () => {
    const { rgb, expected } = find('ties-224', 224, 224);
    const tensorsBefore = tf.memory().numTensors;
    const viaTf = tfNearest(rgb, [224, 224], true);
    const badColumns = new Set<number>();
    for (let i = 0; i < expected.length; i++) if (viaTf[i] !== expected[i]) badColumns.add(Math.floor(i / 3) % 224);
    expect(badColumns.size).toBe(25);
    expect(compare(resizeNearestPil(rgb, [224, 224]).data, expected).differing).toBe(0);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
