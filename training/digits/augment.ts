/**
 * Light augmentation for MNIST digits, so the model copes with how people draw in a browser:
 * small rotations, scale changes and shifts (one random affine map, bilinear sampling) and
 * thicker or thinner strokes (3×3 grey dilation or erosion).
 */
import type { Random } from '../../src/models/common/random.ts';

const SIZE = 28;
const CENTER = (SIZE - 1) / 2;

export interface AugmentOptions {
  maxRotation: number; // radians
  maxScale: number; // ± fraction
  maxShift: number; // pixels
  thickenProbability: number;
  thinProbability: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = {
  maxRotation: (12 * Math.PI) / 180,
  maxScale: 0.1,
  maxShift: 2.5,
  thickenProbability: 0.2,
  thinProbability: 0.1,
};

const uniform = (random: Random, max: number) => (random() * 2 - 1) * max;

/** Writes one augmented digit (values in [0, 1]) into out[offset .. offset + 784). */
export function augmentDigit(
  src: Uint8Array,
  srcOffset: number,
  out: Float32Array,
  offset: number,
  random: Random,
  o = DEFAULT_AUGMENT,
): void {
  const angle = uniform(random, o.maxRotation);
  const scale = 1 + uniform(random, o.maxScale);
  const dx = uniform(random, o.maxShift);
  const dy = uniform(random, o.maxShift);
  // Inverse map: for each output pixel, where in the source it comes from.
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  const tmp = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const u = x - CENTER - dx;
      const v = y - CENTER - dy;
      const sx = cos * u + sin * v + CENTER;
      const sy = -sin * u + cos * v + CENTER;
      tmp[y * SIZE + x] = bilinear(src, srcOffset, sx, sy) / 255;
    }
  }
  const r = random();
  if (r < o.thickenProbability) morph(tmp, out, offset, Math.max);
  else if (r < o.thickenProbability + o.thinProbability) {
    // Half-strength erosion: a full one erases MNIST's 2-px strokes.
    morph(tmp, out, offset, Math.min);
    for (let i = 0; i < SIZE * SIZE; i++) out[offset + i] = (out[offset + i] + tmp[i]) / 2;
  } else out.set(tmp, offset);
}

function bilinear(src: Uint8Array, offset: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= SIZE || yy >= SIZE ? 0 : src[offset + yy * SIZE + xx]);
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

/** 3×3 cross-shaped grey dilation (max) or erosion (min). */
function morph(src: Float32Array, out: Float32Array, offset: number, pick: (a: number, b: number) => number): void {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let v = src[y * SIZE + x];
      if (x > 0) v = pick(v, src[y * SIZE + x - 1]);
      if (x < SIZE - 1) v = pick(v, src[y * SIZE + x + 1]);
      if (y > 0) v = pick(v, src[(y - 1) * SIZE + x]);
      if (y < SIZE - 1) v = pick(v, src[(y + 1) * SIZE + x]);
      out[offset + y * SIZE + x] = v;
    }
  }
}
