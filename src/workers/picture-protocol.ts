/**
 * The picture worker's calls (types only). Decoding a phone photo and reading its pixels back
 * takes hundreds of milliseconds on a slow phone; in this worker it blocks nothing the person sees.
 */
import type { RgbaImage } from '../models/digits/normalize.ts';
import type { PixelSource } from '../models/images/pixels.ts';

export type PictureCalls = {
  /** A photo at its full size, as close to PIL's decoding as a browser gets (see decode-image.ts). */
  decodeImage: { params: { file: Blob; name: string }; result: PixelSource & { data: Uint8ClampedArray; channels: 4 }; update: never };
  /** A picture of a digit, scaled down to at most `maxSide` pixels while decoding. */
  readPicture: { params: { file: Blob; name: string; maxSide: number }; result: RgbaImage; update: never };
};
