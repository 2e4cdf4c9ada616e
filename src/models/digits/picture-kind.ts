/**
 * Is a picture clean (a scan, an export, MNIST itself: one flat background) or a photo of paper?
 * Clean pictures keep today's MNIST-style steps exactly; only photos get the ink finder.
 * The test is the border: on a clean picture it is one even colour all round; on a photo it
 * shows the vignette, a gradient of light, the table or the lines of the paper.
 */

/** How far (in grey levels) a border pixel may stray from the border's median: sensor noise, not lighting. */
const EVEN = 24;
/** Share of border pixels allowed to stray (a stroke that just reaches the edge). */
const STRAY = 0.01;

export function isCleanPicture(gray: Float32Array, width: number, height: number): boolean {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(gray[x], gray[(height - 1) * width + x]);
  for (let y = 1; y < height - 1; y++) border.push(gray[y * width], gray[y * width + width - 1]);
  const sorted = [...border].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const stray = border.filter((v) => Math.abs(v - median) > EVEN).length;
  return stray <= STRAY * border.length;
}
