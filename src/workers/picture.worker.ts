/**
 * The picture worker: decodes dropped, picked and pasted pictures to pixels off the page's thread
 * (createImageBitmap, OffscreenCanvas and getImageData all exist in workers). Started on the first
 * picture; it needs no model, so it answers while the inference worker is still starting.
 */

import { PictureError, readPicture } from '../features/common/read-picture.ts';
import { ImageInputError } from '../features/images/check-image-file.ts';
import { decodeImagePixels } from '../features/images/decode-image.ts';
import { KindedError } from '../runtime/rpc.ts';
import { moved, serveRpc } from '../runtime/rpc-server.ts';
import type { PictureCalls } from './picture-protocol.ts';

/** What is wrong with the file, in the words the decoders wrote for people (kind 'input'). */
async function asInputErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ImageInputError || err instanceof PictureError) throw new KindedError(err.message, 'input');
    throw err;
  }
}

serveRpc<PictureCalls, Record<string, never>>(self as unknown as Parameters<typeof serveRpc>[0], {
  decodeImage: ({ file, name }) =>
    asInputErrors(async () => {
      const pixels = await decodeImagePixels(file, name);
      return moved(pixels, [pixels.data.buffer]);
    }),
  readPicture: ({ file, name, maxSide }) =>
    asInputErrors(async () => {
      const picture = await readPicture(file, name, maxSide);
      return moved(picture, [picture.data.buffer]);
    }),
});
