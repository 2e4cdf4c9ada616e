/**
 * Flattens a photo's lighting: estimates the paper's brightness at every point on a scale much
 * larger than a pen stroke, then divides it out, so a shadow, a vignette or a gradient across the
 * sheet leaves the paper at 0 and only the ink dark. Pure: works on a grey image.
 */

/** Blocks across the longer side of the picture for the paper estimate: each far wider than a stroke. */
const BLOCKS = 24;
/** Within a block, the paper is this bright or brighter (ink covers less than the rest). */
const PAPER_PERCENTILE = 0.85;

/** A grey level below which a block's brightest part counts, per block, from a 256-bin histogram. */
function blockPercentile(gray: Float32Array, width: number, x0: number, y0: number, x1: number, y1: number, hist: Uint32Array): number {
  hist.fill(0);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hist[Math.min(255, Math.max(0, Math.round(gray[y * width + x])))]++;
  const target = (x1 - x0) * (y1 - y0) * PAPER_PERCENTILE;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen >= target) return v;
  }
  return 255;
}

/** 3×3 max (or min) over a small grid; the edges repeat. */
function filter3(grid: Float32Array, gw: number, gh: number, pick: (a: number, b: number) => number): Float32Array {
  const out = new Float32Array(grid.length);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      let v = grid[y * gw + x];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = Math.min(gh - 1, Math.max(0, y + dy));
          const xx = Math.min(gw - 1, Math.max(0, x + dx));
          v = pick(v, grid[yy * gw + xx]);
        }
      }
      out[y * gw + x] = v;
    }
  }
  return out;
}

/**
 * The paper's brightness at every pixel: a bright percentile per block, a morphological closing
 * on that small grid (a block that lies entirely inside a thick stroke takes its neighbours' paper),
 * then bilinear interpolation back to full size, so the estimate is smooth.
 */
export function paperBrightness(gray: Float32Array, width: number, height: number): Float32Array {
  const block = Math.max(4, Math.ceil(Math.max(width, height) / BLOCKS));
  const gw = Math.ceil(width / block);
  const gh = Math.ceil(height / block);
  const hist = new Uint32Array(256);
  let grid: Float32Array = new Float32Array(gw * gh);
  for (let by = 0; by < gh; by++) {
    for (let bx = 0; bx < gw; bx++) {
      const x0 = bx * block, y0 = by * block;
      grid[by * gw + bx] = blockPercentile(gray, width, x0, y0, Math.min(width, x0 + block), Math.min(height, y0 + block), hist);
    }
  }
  grid = filter3(filter3(grid, gw, gh, Math.max), gw, gh, Math.min);

  const paper = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(gy), y1 = Math.min(gh - 1, y0 + 1), fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(gx), x1 = Math.min(gw - 1, x0 + 1), fx = gx - x0;
      const top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x1] * fx;
      const bottom = grid[y1 * gw + x0] * (1 - fx) + grid[y1 * gw + x1] * fx;
      paper[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return paper;
}

/** How much darker than the paper around it each pixel is, in [0, 1]: 0 is paper, 1 is black. */
export function flattenLighting(gray: Float32Array, width: number, height: number): Float32Array {
  const paper = paperBrightness(gray, width, height);
  const dark = new Float32Array(gray.length);
  for (let i = 0; i < gray.length; i++) dark[i] = Math.min(1, Math.max(0, 1 - gray[i] / Math.max(8, paper[i])));
  return dark;
}
