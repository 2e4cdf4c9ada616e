/**
 * Checks a file's bytes before any decoding, so bad input gets a message that says what is wrong:
 * empty, not a picture, an SVG drawing, a JPEG cut short, or too many pixels (from the header, so a
 * 100-megapixel photo is refused without spending gigabytes decoding it).
 */

import { MAX_MEGAPIXELS } from '../../runtime/settings.ts'; // the app's one limit, shared with Digits
import { readImageSize } from '../common/image-size.ts';

export class ImageInputError extends Error {
  override name = 'ImageInputError';
}

function looksLikeSvg(type: string, bytes: Uint8Array): boolean {
  if (type === 'image/svg+xml') return true;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

/** A JPEG ends with its end-of-image marker (FF D9); a download or copy cut short does not. */
export function isTruncatedJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  // Some cameras and editors append data after the marker, so look for it near the end.
  const tail = Math.max(2, bytes.length - 4096);
  for (let i = bytes.length - 2; i >= tail; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return false;
  return true;
}

/** Throws an ImageInputError with a plain message when the bytes cannot be, or should not be, decoded. */
export function checkImageFile(name: string, type: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImageInputError(`“${name}” is empty (0 bytes). Choose a PNG, JPEG, GIF or WebP photo.`);
  if (looksLikeSvg(type, bytes)) {
    throw new ImageInputError(`“${name}” is an SVG drawing, which has no pixels to classify. Save it as a PNG or JPEG, then try again.`);
  }
  const size = readImageSize(bytes);
  if (!size && !type.startsWith('image/')) {
    throw new ImageInputError(`“${name}” is not a picture. Choose a PNG, JPEG, GIF or WebP photo.`);
  }
  if (size && size.width * size.height > MAX_MEGAPIXELS * 1e6) {
    const mp = ((size.width * size.height) / 1e6).toFixed(0);
    throw new ImageInputError(
      `“${name}” is ${size.width}×${size.height} pixels (${mp} megapixels); ` +
        `the limit is ${MAX_MEGAPIXELS}. Shrink or crop it, then try again.`,
    );
  }
  if (isTruncatedJpeg(bytes)) {
    throw new ImageInputError(`“${name}” is a JPEG that stops part-way (the file is cut short). Copy or download it again, then retry.`);
  }
}
