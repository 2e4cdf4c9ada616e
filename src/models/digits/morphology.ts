/** Grey-level morphology on small images: square min and max filters, the opening and closing they make. */

/** Min (erode) or max (dilate) over the (2r+1)² square around each pixel, edges clamped; separable. */
export function squareFilter(src: Float32Array, width: number, height: number, r: number, max: boolean): Float32Array {
  const rows = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let v = src[row + x];
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++)
        v = max ? Math.max(v, src[row + k]) : Math.min(v, src[row + k]);
      rows[row + x] = v;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = rows[y * width + x];
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++)
        v = max ? Math.max(v, rows[k * width + x]) : Math.min(v, rows[k * width + x]);
      out[y * width + x] = v;
    }
  }
  return out;
}

/** Opening (erode, then dilate): bright marks thinner than 2r + 1 px vanish, larger ones keep their shape. */
export function openGrey(src: Float32Array, width: number, height: number, r: number): Float32Array {
  return squareFilter(squareFilter(src, width, height, r, false), width, height, r, true);
}

/** Closing (dilate, then erode): dark marks thinner than 2r + 1 px fill in; a step in brightness stays where it was. */
export function closeGrey(src: Float32Array, width: number, height: number, r: number): Float32Array {
  return squareFilter(squareFilter(src, width, height, r, true), width, height, r, false);
}
