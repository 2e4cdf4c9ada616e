/**
 * Decoded pixels as they come in (from a browser decoder, or from a test fixture) and the plain
 * 8-bit RGB image that every later step works on.
 *
 * Colour modes, as PIL's `Image.convert('RGB')` (what `keras.utils.load_img` calls for any file that
 * is not already RGB) handles them — verified with Pillow 9.4 by scripts/images/verify-pil-behaviour.py:
 * - RGBA: the alpha channel is DROPPED. PIL does not composite onto any background: a pixel
 *   (200, 100, 50, alpha 0) becomes (200, 100, 50). `toRgb` does the same.
 * - L (grayscale): R = G = B = L (`grayToRgb`).
 * - P (palette): each index becomes its palette colour; a tRNS transparency entry is ignored.
 *
 * A browser decoder (canvas `getImageData`, `createImageBitmap`, WebCodecs `ImageDecoder`) always
 * yields RGBA, with grayscale and palette files already expanded to R = G = B / palette colours, so
 * `preprocessVgg16` takes 3- or 4-channel input only. Caveat for the caller (not measured here): a 2D
 * canvas may keep premultiplied alpha internally, so the colour of semi-transparent pixels read back
 * with `getImageData` can differ from the file's, and fully transparent pixels can lose their colour
 * entirely, where PIL keeps it; prefer a decode path with `premultiplyAlpha: 'none'`, and let the
 * browser test measure it.
 */

/** Decoded pixels, row-major, `channels` interleaved bytes per pixel (RGB or RGBA). */
export type PixelSource = {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 3 | 4;
};

/** An 8-bit image, row-major, `channels` interleaved bytes per pixel. */
export type Image8 = {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
};

/** An 8-bit RGB image (3 interleaved bytes per pixel). */
export type RgbImage = Image8 & { channels: 3 };

function describe(v: unknown): string {
  return typeof v === 'number' ? String(v) : typeof v;
}

/** Throws an Error unless `n` is a whole number ≥ 1. */
export function assertSize(n: unknown, what: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new Error(`${what} must be a whole number of pixels ≥ 1, got ${describe(n)}`);
  }
}

/** Throws a clear Error when the pixel buffer does not describe a width × height × channels image. */
export function validatePixels(pixels: PixelSource): void {
  if (pixels === null || typeof pixels !== 'object') {
    throw new Error('pixels must be an object { data, width, height, channels }');
  }
  const { data, width, height, channels } = pixels;
  assertSize(width, 'image width');
  assertSize(height, 'image height');
  if (channels !== 3 && channels !== 4) {
    throw new Error(`channels must be 3 (RGB) or 4 (RGBA), got ${describe(channels)}`);
  }
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new Error('pixel data must be a Uint8Array or Uint8ClampedArray');
  }
  const expected = width * height * channels;
  if (data.length !== expected) {
    throw new Error(`pixel data has ${data.length} bytes, but a ${width}×${height} image with ${channels} channels needs ${expected}`);
  }
}

/**
 * RGB(A) pixels → RGB, as PIL's `convert('RGB')`: RGB is copied, RGBA loses its alpha byte
 * (no compositing, no premultiplication).
 */
export function toRgb(pixels: PixelSource): RgbImage {
  validatePixels(pixels);
  const { data, width, height, channels } = pixels;
  const n = width * height;
  const out = new Uint8Array(n * 3);
  if (channels === 3) {
    out.set(data);
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 4) {
      out[i * 3] = data[j];
      out[i * 3 + 1] = data[j + 1];
      out[i * 3 + 2] = data[j + 2];
    }
  }
  return { data: out, width, height, channels: 3 };
}

/** Grayscale (PIL mode "L") → RGB with R = G = B, as PIL's `convert('RGB')`. */
export function grayToRgb(gray: Uint8Array | Uint8ClampedArray, width: number, height: number): RgbImage {
  assertSize(width, 'image width');
  assertSize(height, 'image height');
  if (gray.length !== width * height) {
    throw new Error(`gray data has ${gray.length} bytes, but a ${width}×${height} image needs ${width * height}`);
  }
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < gray.length; i++) {
    const v = gray[i];
    out[i * 3] = v;
    out[i * 3 + 1] = v;
    out[i * 3 + 2] = v;
  }
  return { data: out, width, height, channels: 3 };
}
