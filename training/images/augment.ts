/**
 * Training-time augmentation of one 64×64 RGB image, written straight into the model's "caffe"
 * input (BGR, ImageNet means subtracted): a random crop of `minCrop`–100% of the side scaled back
 * up (bilinear), a horizontal flip, colour jitter (brightness, contrast, saturation ±20%), and with
 * probability `grayscale` no colour at all (so that a cream-coloured cat is not "coffee" by colour).
 * Validation images never pass through here.
 */
import type { Random } from '../../src/models/common/random.ts';
import { CAFFE_MEAN_BGR } from '../../src/models/images/input-normalization.ts';

const clamp = (v: number) => (v < 0 ? 0 : Math.min(v, 255));

export interface AugmentOptions {
  minCrop: number;
  grayscale: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { minCrop: 0.75, grayscale: 0 };

export function augmentImage(
  src: Uint8Array,
  srcOffset: number,
  size: number,
  out: Float32Array,
  outOffset: number,
  random: Random,
  { minCrop, grayscale }: AugmentOptions = DEFAULT_AUGMENT,
): void {
  const crop = size * (minCrop + (1 - minCrop) * random());
  const x0 = random() * (size - crop);
  const y0 = random() * (size - crop);
  const flip = random() < 0.5;
  const brightness = 0.8 + 0.4 * random();
  const contrast = 0.8 + 0.4 * random();
  const saturation = 0.8 + 0.4 * random();
  // Drawn only when asked for, so that grayscale = 0 repeats earlier runs exactly.
  const noColour = grayscale > 0 && random() < grayscale;
  const scale = crop / size;

  const rgb = new Float32Array(size * size * 3);
  let sum = 0;
  for (let y = 0; y < size; y++) {
    const sy = Math.min(size - 1, Math.max(0, y0 + (y + 0.5) * scale - 0.5));
    const ya = Math.floor(sy);
    const yb = Math.min(size - 1, ya + 1);
    const fy = sy - ya;
    for (let x = 0; x < size; x++) {
      const xd = flip ? size - 1 - x : x;
      const sx = Math.min(size - 1, Math.max(0, x0 + (xd + 0.5) * scale - 0.5));
      const xa = Math.floor(sx);
      const xb = Math.min(size - 1, xa + 1);
      const fx = sx - xa;
      for (let c = 0; c < 3; c++) {
        const at = (yy: number, xx: number) => src[srcOffset + (yy * size + xx) * 3 + c];
        const top = at(ya, xa) * (1 - fx) + at(ya, xb) * fx;
        const bottom = at(yb, xa) * (1 - fx) + at(yb, xb) * fx;
        const v = (top * (1 - fy) + bottom * fy) * brightness;
        rgb[(y * size + x) * 3 + c] = v;
        sum += v;
      }
    }
  }
  const mean = sum / rgb.length;
  for (let p = 0; p < size * size; p++) {
    let [r, g, b] = [rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]].map((v) => mean + (v - mean) * contrast);
    const gray = 0.299 * r + 0.587 * g + 0.114 * b;
    const keep = noColour ? 0 : saturation;
    r = clamp(gray + (r - gray) * keep);
    g = clamp(gray + (g - gray) * keep);
    b = clamp(gray + (b - gray) * keep);
    const o = outOffset + p * 3;
    out[o] = b - CAFFE_MEAN_BGR[0];
    out[o + 1] = g - CAFFE_MEAN_BGR[1];
    out[o + 2] = r - CAFFE_MEAN_BGR[2];
  }
}
