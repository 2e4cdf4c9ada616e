/**
 * MNIST-style normalization, the same for a drawing and an uploaded picture, as MNIST's digits
 * were made: grayscale; ink bright on a dark background (inverted if the background is light);
 * cropped to the ink's bounding box; the longer side scaled to 20 px; placed in 28×28 so the
 * centre of mass sits at the centre; values in [0, 1].
 */
import { DIGIT_SIZE } from './constants.ts';
import type { Box } from './find-ink.ts';

export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array; // RGBA, row-major
  width: number;
  height: number;
}

const BOX = 20;
/** Pixels below this fraction of the strongest ink count as background when cropping. */
const INK_THRESHOLD = 0.2;

/** Luma as PIL's convert('L') computes it (ITU-R 601-2), with transparency composited onto white. */
export function toGray(image: RgbaImage): Float32Array {
  const { data, width, height } = image;
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    const a = data[i * 4 + 3] / 255;
    const luma = (data[i * 4] * 299 + data[i * 4 + 1] * 587 + data[i * 4 + 2] * 114) / 1000;
    gray[i] = luma * a + 255 * (1 - a);
  }
  return gray;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Ink intensity in [0, 1]: 0 where the background is, whatever colour the paper was. */
export function inkMap(gray: Float32Array, width: number, height: number): Float32Array {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(gray[x], gray[(height - 1) * width + x]);
  for (let y = 0; y < height; y++) border.push(gray[y * width], gray[y * width + width - 1]);
  const background = median(border);
  const lightBackground = background > 127;
  const ink = new Float32Array(gray.length);
  const range = lightBackground ? background : 255 - background;
  if (range <= 0) return ink;
  for (let i = 0; i < gray.length; i++) {
    const v = lightBackground ? background - gray[i] : gray[i] - background;
    ink[i] = Math.min(1, Math.max(0, v / range));
  }
  return ink;
}

export function inkBoundingBox(ink: Float32Array, width: number, height: number): Box | null {
  let max = 0;
  for (const v of ink) max = Math.max(max, v);
  if (max < 0.05) return null;
  const threshold = max * INK_THRESHOLD;
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Area-averaging resample of a crop to outW×outH: every output pixel is the mean of the source
 * area it covers (exact for downscaling, which is what keeps thin strokes visible).
 */
export function resampleArea(src: Float32Array, srcWidth: number, box: Box, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  const sx = (box.x1 - box.x0) / outW;
  const sy = (box.y1 - box.y0) / outH;
  for (let oy = 0; oy < outH; oy++) {
    const top = box.y0 + oy * sy;
    const bottom = top + sy;
    for (let ox = 0; ox < outW; ox++) {
      const left = box.x0 + ox * sx;
      const right = left + sx;
      let sum = 0;
      for (let y = Math.floor(top); y < Math.ceil(bottom); y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        for (let x = Math.floor(left); x < Math.ceil(right); x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          sum += src[y * srcWidth + x] * wx * wy;
        }
      }
      out[oy * outW + ox] = sum / (sx * sy);
    }
  }
  return out;
}

export function centreOfMass(values: Float32Array, width: number, height: number): { x: number; y: number } {
  let total = 0,
    cx = 0,
    cy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      total += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  }
  return total > 0 ? { x: cx / total, y: cy / total } : { x: width / 2, y: height / 2 };
}

/**
 * The MNIST steps after the ink is known: crop to `box`, longer side to 20 px (area-averaged),
 * values scaled so the strongest ink is 1, centre of mass at the centre of 28×28.
 */
export function frameDigit(ink: Float32Array, width: number, box: Box): Float32Array | null {
  const boxW = box.x1 - box.x0;
  const boxH = box.y1 - box.y0;
  const scale = BOX / Math.max(boxW, boxH);
  const w = Math.max(1, Math.round(boxW * scale));
  const h = Math.max(1, Math.round(boxH * scale));
  const small = resampleArea(ink, width, box, w, h);

  let max = 0;
  for (const v of small) max = Math.max(max, v);
  if (max <= 0) return null;

  const com = centreOfMass(small, w, h);
  const clampOffset = (offset: number, size: number) => Math.min(DIGIT_SIZE - size, Math.max(0, offset));
  const left = clampOffset(Math.round(DIGIT_SIZE / 2 - com.x), w);
  const top = clampOffset(Math.round(DIGIT_SIZE / 2 - com.y), h);

  const out = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(top + y) * DIGIT_SIZE + left + x] = small[y * w + x] / max;
  }
  return out;
}

/** Returns the 28×28 input for the model, or null when there is no ink to recognize. */
export function normalizeDigit(image: RgbaImage): Float32Array | null {
  const { width, height } = image;
  const ink = inkMap(toGray(image), width, height);
  const box = inkBoundingBox(ink, width, height);
  return box && frameDigit(ink, width, box);
}
