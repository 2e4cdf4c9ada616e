/**
 * Turns a dropped or picked file into RGBA pixels, or a message that says what is wrong with it.
 * Large pictures are scaled down while decoding. It runs in the picture worker (picture.worker.ts):
 * scaling a phone photo on a canvas blocked a 4x slowed page for over 100 ms.
 */
import type { RgbaImage } from '../../models/digits/normalize.ts';
import { MAX_MEGAPIXELS } from '../../runtime/settings.ts';
import { readImageSize } from './image-size.ts';

export class PictureError extends Error {
  override name = 'PictureError';
}

export async function readPicture(file: Blob, name: string, maxSide: number): Promise<RgbaImage> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const size = readImageSize(bytes);
  if (!size && !file.type.startsWith('image/')) {
    throw new PictureError(`“${name}” is not a picture. Choose a PNG or JPEG image of a digit.`);
  }
  if (size && size.width * size.height > MAX_MEGAPIXELS * 1e6) {
    const mp = ((size.width * size.height) / 1e6).toFixed(0);
    throw new PictureError(
      `“${name}” is ${size.width}×${size.height} pixels (${mp} megapixels); ` +
        `the limit is ${MAX_MEGAPIXELS}. Crop or shrink it, then try again.`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: file.type }), { imageOrientation: 'from-image' });
  } catch {
    throw new PictureError(
      `“${name}” could not be read as an image: it may be damaged, or in a format this browser cannot open. Try a PNG or JPEG.`,
    );
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = ctx.getImageData(0, 0, width, height);
  return { data, width, height };
}
