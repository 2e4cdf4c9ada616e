/**
 * An uploaded picture or a photo, to the network's 28×28 input. A clean picture (one even
 * background, like MNIST or a scan) takes exactly the steps a drawing takes; a photo of paper first
 * has its ink found (find-ink.ts), so lighting, the table and the paper's lines are left out.
 * The canvas never comes here: a drawing that touches its edge is still the digit, where a photo's
 * border-touching marks are the table or a shadow.
 */
import { findInk } from './find-ink.ts';
import { frameDigit, inkBoundingBox, inkMap, type RgbaImage, toGray } from './normalize.ts';
import { isCleanPicture } from './picture-kind.ts';

/** Where the ink was found, as fractions of the picture's width and height, to draw over it. */
export interface InkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NormalizedPicture {
  input: Float32Array;
  box: InkBox;
  /** True when the photo steps ran (the picture was not one even background). */
  photo: boolean;
}

/** The 28×28 input and the ink's box, or null when no single digit was found. */
export function normalizePicture(image: RgbaImage): NormalizedPicture | null {
  const { width, height } = image;
  const gray = toGray(image);
  if (isCleanPicture(gray, width, height)) {
    const ink = inkMap(gray, width, height);
    const box = inkBoundingBox(ink, width, height);
    const input = box && frameDigit(ink, width, box);
    if (!box || !input) return null;
    return {
      input,
      box: { x: box.x0 / width, y: box.y0 / height, width: (box.x1 - box.x0) / width, height: (box.y1 - box.y0) / height },
      photo: false,
    };
  }
  const found = findInk(gray, width, height);
  const input = found && frameDigit(found.ink, found.width, found.box);
  if (!found || !input) return null;
  const { box } = found;
  return {
    input,
    box: {
      x: box.x0 / found.width,
      y: box.y0 / found.height,
      width: (box.x1 - box.x0) / found.width,
      height: (box.y1 - box.y0) / found.height,
    },
    photo: true,
  };
}
