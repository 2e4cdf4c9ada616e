/**
 * `PIL.Image.resize` for 8-bit images, NEAREST and BILINEAR, reproducing Pillow's arithmetic
 * (checked against Pillow 9.4 byte for byte: see fixtures/README.md and vgg16-preprocess.test.ts).
 *
 * NEAREST (Keras's default for `load_img`). Pillow does not evaluate floor((x + 0.5) · scale) per
 * pixel: with scale = src / dst in double precision it starts at 0.5 · scale and ADDS scale once per
 * output pixel, truncating the running sum. Where (x + 0.5) · scale is exactly an integer the running
 * sum lands a hair below it, so PIL takes the source pixel one to the left. That happens for common
 * sizes — 640→224 in 20 of 224 columns, 128/256/512/1024→224 in 25 — so `resizeNearestPil`
 * accumulates in the same order as Pillow does.
 *
 * tfjs: `tf.image.resizeNearestNeighbor(img, [h, w], false, true)` (alignCorners false,
 * halfPixelCenters TRUE) is the tfjs counterpart of PIL NEAREST: it samples floor((x + 0.5) · scale).
 * It agrees with PIL except at the exact ties above (the CPU backend computes the product directly;
 * the WebGL backend works in float32, which can move more pixels). The default
 * halfPixelCenters = false samples floor(x · scale), half an output pixel off, and does NOT match
 * PIL. The unit tests demonstrate both on the CPU backend.
 *
 * BILINEAR. Pillow's `Resample.c`: a separable triangle filter whose support is widened by the
 * scale factor when shrinking (support = max(scale, 1), so a downscale averages every source pixel
 * under the footprint: antialiasing), weights normalised per output pixel and converted to fixed
 * point with 22 fractional bits, horizontal pass first into an 8-bit image (rounded, clipped), then
 * the vertical pass. A pass is skipped when that dimension does not change.
 */
import { assertSize, type Image8 } from './pixels.ts';

/** [height, width], the Keras `target_size` order. */
export type TargetSize = readonly [height: number, width: number];

function checkImage(src: Image8): void {
  assertSize(src.width, 'image width');
  assertSize(src.height, 'image height');
  assertSize(src.channels, 'channel count');
  const expected = src.width * src.height * src.channels;
  if (src.data.length !== expected) {
    throw new Error(
      `pixel data has ${src.data.length} bytes, but a ${src.width}×${src.height} image with ${src.channels} channels needs ${expected}`,
    );
  }
}

function checkTarget(size: TargetSize): void {
  if (!Array.isArray(size) || size.length !== 2) {
    throw new Error('target size must be [height, width]');
  }
  assertSize(size[0], 'target height');
  assertSize(size[1], 'target width');
}

/**
 * Source index used by PIL NEAREST for each of `dstSize` output positions along one axis.
 * -1 marks a position that falls outside the source (PIL leaves it 0); it cannot happen for a plain
 * resize but is kept so the function mirrors Pillow for any input.
 */
export function pilNearestIndices(srcSize: number, dstSize: number): Int32Array {
  assertSize(srcSize, 'source size');
  assertSize(dstSize, 'target size');
  const scale = srcSize / dstSize;
  const out = new Int32Array(dstSize);
  let pos = scale * 0.5;
  for (let i = 0; i < dstSize; i++) {
    const index = pos < 0 ? -1 : Math.trunc(pos);
    out[i] = index < srcSize ? index : -1;
    pos += scale;
  }
  return out;
}

/** `image.resize((width, height), Image.NEAREST)`, any number of channels. */
export function resizeNearestPil<T extends Image8>(src: T, size: TargetSize): T {
  checkImage(src);
  checkTarget(size);
  const [height, width] = size;
  const { channels } = src;
  const xs = pilNearestIndices(src.width, width);
  const ys = pilNearestIndices(src.height, height);
  const out = new Uint8Array(width * height * channels);
  const srcRow = src.width * channels;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const sy = ys[y];
    for (let x = 0; x < width; x++) {
      const sx = xs[x];
      if (sy >= 0 && sx >= 0) {
        const s = sy * srcRow + sx * channels;
        for (let c = 0; c < channels; c++) out[o + c] = src.data[s + c];
      }
      o += channels;
    }
  }
  return { ...src, data: out, width, height };
}

/** Fractional bits of Pillow's fixed-point weights for 8-bit images (32 − 8 − 2). */
export const PIL_PRECISION_BITS = 22;
const ONE = 2 ** PIL_PRECISION_BITS;
const HALF = 2 ** (PIL_PRECISION_BITS - 1);

/** Per-axis filter taps: for output i, `count[i]` integer weights starting at source `first[i]`. */
export type PilCoefficients = {
  /** taps reserved per output position: 2 · ceil(support) + 1 */
  ksize: number;
  first: Int32Array;
  count: Int32Array;
  /** fixed-point weights, `ksize` per output position (unused taps are 0) */
  weights: Int32Array;
};

function triangle(x: number): number {
  const a = x < 0 ? -x : x;
  return a < 1 ? 1 - a : 0;
}

/**
 * Pillow's BILINEAR coefficients for one axis (resizing the whole range 0..srcSize), in 8-bit fixed
 * point. All arithmetic is in doubles in the same order as Pillow's C code, so weights are identical.
 */
export function pilBilinearCoefficients(srcSize: number, dstSize: number): PilCoefficients {
  assertSize(srcSize, 'source size');
  assertSize(dstSize, 'target size');
  const scale = srcSize / dstSize;
  const filterScale = Math.max(scale, 1);
  const support = 1 * filterScale; // the triangle's support is 1
  const ksize = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(dstSize);
  const count = new Int32Array(dstSize);
  const weights = new Int32Array(dstSize * ksize);
  const inverse = 1 / filterScale;
  const w = new Float64Array(ksize);
  for (let i = 0; i < dstSize; i++) {
    const center = (i + 0.5) * scale;
    // C's (int) cast truncates toward zero; both values are ≥ -0.5 here, so trunc is right.
    const lo = Math.max(Math.trunc(center - support + 0.5), 0);
    const n = Math.min(Math.trunc(center + support + 0.5), srcSize) - lo;
    let total = 0;
    for (let k = 0; k < n; k++) {
      w[k] = triangle((k + lo - center + 0.5) * inverse);
      total += w[k];
    }
    for (let k = 0; k < ksize; k++) {
      let v = 0;
      if (k < n) v = total !== 0 ? w[k] / total : w[k];
      // round half away from zero, then truncate, as Pillow's normalize_coeffs_8bpc
      weights[i * ksize + k] = v < 0 ? Math.trunc(-0.5 + v * ONE) : Math.trunc(0.5 + v * ONE);
    }
    first[i] = lo;
    count[i] = n;
  }
  return { ksize, first, count, weights };
}

/** Fixed-point sum → 8 bits: drop the fraction (the +0.5 is already in the sum), clip to 0..255. */
function clip8(sum: number): number {
  if (sum <= 0) return 0;
  const v = Math.floor(sum / ONE);
  return Math.min(v, 255);
}

function horizontalPass(src: Image8, rowFirst: number, rows: number, co: PilCoefficients, width: number): Image8 {
  const { channels } = src;
  const out = new Uint8Array(width * rows * channels);
  const srcRow = src.width * channels;
  for (let y = 0; y < rows; y++) {
    const rowStart = (y + rowFirst) * srcRow;
    for (let x = 0; x < width; x++) {
      const lo = co.first[x];
      const n = co.count[x];
      const kBase = x * co.ksize;
      for (let c = 0; c < channels; c++) {
        let sum = HALF;
        let s = rowStart + lo * channels + c;
        for (let k = 0; k < n; k++, s += channels) sum += src.data[s] * co.weights[kBase + k];
        out[(y * width + x) * channels + c] = clip8(sum);
      }
    }
  }
  return { data: out, width, height: rows, channels };
}

function verticalPass(src: Image8, rowFirst: number, co: PilCoefficients, height: number): Image8 {
  const { channels, width } = src;
  const rowLen = width * channels;
  const out = new Uint8Array(height * rowLen);
  for (let y = 0; y < height; y++) {
    const lo = co.first[y] - rowFirst;
    const n = co.count[y];
    const kBase = y * co.ksize;
    for (let i = 0; i < rowLen; i++) {
      let sum = HALF;
      let s = lo * rowLen + i;
      for (let k = 0; k < n; k++, s += rowLen) sum += src.data[s] * co.weights[kBase + k];
      out[y * rowLen + i] = clip8(sum);
    }
  }
  return { data: out, width, height, channels };
}

/**
 * `image.resize((width, height), Image.BILINEAR)` for 8-bit images with 1 (L) or 3 (RGB) channels.
 * RGBA is refused: Pillow resizes RGBA through premultiplied alpha (RGBa), which this does not do;
 * drop the alpha first (`toRgb`), as Keras's load_img does.
 */
export function resizeBilinearPil<T extends Image8>(src: T, size: TargetSize): T {
  checkImage(src);
  checkTarget(size);
  if (src.channels !== 1 && src.channels !== 3) {
    throw new Error(`resizeBilinearPil supports 1 or 3 channels (PIL "L" or "RGB"), got ${src.channels}`);
  }
  const [height, width] = size;
  if (width === src.width && height === src.height) {
    return { ...src, data: src.data.slice() };
  }
  const needHorizontal = width !== src.width;
  const needVertical = height !== src.height;
  const vertical = needVertical ? pilBilinearCoefficients(src.height, height) : null;

  let image: Image8 = src;
  let rowFirst = 0;
  if (needHorizontal) {
    // Only the source rows the vertical pass will read (Pillow's ybox); the result is the same.
    let rows = src.height;
    if (vertical) {
      rowFirst = vertical.first[0];
      rows = vertical.first[height - 1] + vertical.count[height - 1] - rowFirst;
    }
    image = horizontalPass(src, rowFirst, rows, pilBilinearCoefficients(src.width, width), width);
  }
  if (vertical) {
    image = verticalPass(image, needHorizontal ? rowFirst : 0, vertical, height);
  }
  return { ...src, data: image.data, width, height };
}
