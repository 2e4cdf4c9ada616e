/**
 * Flattens a photo's lighting: estimates the paper's brightness at every point on a scale much
 * larger than a pen stroke, then divides it out, so a shadow, a vignette or a gradient across the
 * sheet leaves the paper at 0 and only the ink dark. Pure: works on a grey image.
 *
 * The estimate is a morphological closing on a reduced copy: it fills in every dark mark narrower
 * than the closing (strokes) and keeps the edges of large dark areas where they are (a cast
 * shadow's edge, the table), where a blur would smear them into a band that looks like ink.
 */
import { closeGrey, openGrey } from './morphology.ts';

/** The reduced copy's shorter side is at most this (pixels): enough to follow a shadow's edge, and quick. */
const REDUCED_SIDE = 120;
/** The closing's radius, as a fraction of the reduced copy's shorter side: wider than half the boldest stroke. */
const CLOSING = 0.05;

/** Area-average reduction by a whole factor (edges average what is there). */
function shrink(gray: Float32Array, width: number, height: number, f: number): { small: Float32Array; sw: number; sh: number } {
  const sw = Math.ceil(width / f),
    sh = Math.ceil(height / f);
  const sum = new Float32Array(sw * sh),
    count = new Float32Array(sw * sh);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / f) * sw;
    for (let x = 0; x < width; x++) {
      const i = row + Math.floor(x / f);
      sum[i] += gray[y * width + x];
      count[i]++;
    }
  }
  for (let i = 0; i < sum.length; i++) sum[i] /= count[i];
  return { small: sum, sw, sh };
}

/** Bilinear interpolation of a grid reduced by `f` back to width × height. */
function enlarge(grid: Float32Array, sw: number, sh: number, f: number, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(sh - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(gy),
      y1 = Math.min(sh - 1, y0 + 1),
      fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(sw - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(gx),
        x1 = Math.min(sw - 1, x0 + 1),
        fx = gx - x0;
      const top = grid[y0 * sw + x0] * (1 - fx) + grid[y0 * sw + x1] * fx;
      const bottom = grid[y1 * sw + x0] * (1 - fx) + grid[y1 * sw + x1] * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** The 99th percentile of |a − b|: how strongly the strongest marks differ (ink is a few percent of a photo). */
function strongest(a: Float32Array, b: Float32Array): number {
  const change = Float32Array.from(a, (v, i) => Math.abs(v - b[i])).sort();
  return change[Math.floor(change.length * 0.99)];
}

/**
 * How much the ink stands out from the paper around it at each pixel, in [0, 1]: 0 is paper, 1 is
 * full contrast. Dark ink on light paper or light ink on a dark sheet (chalk), whichever it is:
 * the closing removes dark marks, the opening light ones, and the ink is the strongest mark either
 * removes (the paper between the lines of squared paper is a light mark too, but a faint one).
 * The picture's median brightness cannot tell: a shadow may cover most of the sheet.
 */
export function flattenLighting(gray: Float32Array, width: number, height: number): Float32Array {
  const f = Math.max(1, Math.ceil(Math.min(width, height) / REDUCED_SIDE));
  const { small, sw, sh } = shrink(gray, width, height, f);
  const r = Math.max(2, Math.ceil(CLOSING * Math.min(sw, sh)));
  const closed = closeGrey(small, sw, sh, r);
  const opened = openGrey(small, sw, sh, r);
  // Dark ink unless light marks clearly dominate: on a blank ruled page the two are alike.
  const darkInk = 2 * strongest(small, closed) >= strongest(small, opened);
  const paper = enlarge(darkInk ? closed : opened, sw, sh, f, width, height);
  const dark = new Float32Array(gray.length);
  for (let i = 0; i < gray.length; i++) {
    // Light ink: the same ratio on the inverted picture (255 − grey), so both read alike.
    const ratio = darkInk ? gray[i] / Math.max(8, paper[i]) : (255 - gray[i]) / Math.max(8, 255 - paper[i]);
    dark[i] = Math.min(1, Math.max(0, 1 - ratio));
  }
  return dark;
}
