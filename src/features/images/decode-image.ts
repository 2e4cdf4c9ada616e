/**
 * Decodes a picked, dropped or pasted file to RGBA pixels at its full size, as close as a browser
 * gets to what PIL (and so Keras's load_img) decodes:
 * - EXIF orientation is applied (`imageOrientation: 'from-image'`); Pillow's `Image.open` does not
 *   rotate, but a photo shown upright is the one its owner means, and Keras users usually transpose it.
 * - No colour management (`colorSpaceConversion: 'none'`): PIL ignores embedded ICC profiles.
 * - Grayscale and palette files come out as R = G = B / palette colours, as PIL's convert('RGB').
 * - Alpha: PIL's convert('RGB') DROPS alpha without compositing, keeping each pixel's stored colour;
 *   preprocessing drops the alpha byte the same way. But a 2D canvas stores premultiplied colour, so
 *   where alpha < 255 the colour read back is rounded, and where alpha = 0 it reads back as black,
 *   where PIL keeps the stored colour. Opaque images (all JPEGs, most photos) are unaffected.
 * JPEG decoders legitimately differ in IDCT and chroma upsampling; e2e/images-decode.spec.ts measures
 * Chromium against PIL on generated JPEGs.
 * It runs in the picture worker (picture.worker.ts): reading back a 12-megapixel photo's pixels
 * blocked a 4x slowed page for most of a second.
 */
import type { PixelSource } from '../../models/images/pixels.ts';
import { checkImageFile, ImageInputError } from './check-image-file.ts';

export type DecodedPixels = PixelSource & { data: Uint8ClampedArray; channels: 4 };

/** `name` is how the person knows the file, for the messages. */
export async function decodeImagePixels(file: Blob, name: string): Promise<DecodedPixels> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkImageFile(name, file.type, bytes);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: file.type }), {
      imageOrientation: 'from-image',
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    });
  } catch {
    throw new ImageInputError(
      `“${name}” could not be read as an image: it may be damaged, or in a format this browser cannot open. Try a PNG or JPEG.`,
    );
  }
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageInputError('This browser could not give a canvas to read the picture. Reload the page and try again.');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, width, height);
    return { data, width, height, channels: 4 };
  } finally {
    bitmap.close();
  }
}
