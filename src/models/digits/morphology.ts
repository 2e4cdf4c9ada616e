/** Grey-level morphology on small images: a square min or max filter, and the opening they make. */

/** Min (erode) or max (dilate) over the 3×3 neighbourhood, edges clamped. */
function filter3(src: Float32Array, width: number, height: number, max: boolean): Float32Array {
  const rows = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  const pick = max ? Math.max : Math.min;
  // Separable: along rows, then along columns.
  for (let y = 0; y < height; y++) {
    const r = y * width;
    for (let x = 0; x < width; x++) rows[r + x] = pick(src[r + Math.max(0, x - 1)], src[r + x], src[r + Math.min(width - 1, x + 1)]);
  }
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width, here = y * width, down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) out[here + x] = pick(rows[up + x], rows[here + x], rows[down + x]);
  }
  return out;
}

/** Opening: erode `radius` times, then dilate as often. Bright marks thinner than 2·radius + 1 px vanish. */
export function openGrey(src: Float32Array, width: number, height: number, radius: number): Float32Array {
  let out = src;
  for (let i = 0; i < radius; i++) out = filter3(out, width, height, false);
  for (let i = 0; i < radius; i++) out = filter3(out, width, height, true);
  return out;
}
