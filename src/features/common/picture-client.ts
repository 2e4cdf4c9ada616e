/**
 * The page's way to turn a picture file into pixels: through the picture worker, started on the
 * first picture and kept for the tab. Its errors arrive with kind 'input' and plain words.
 */
import { WorkerClient } from '../../runtime/worker-client.ts';
import type { PictureCalls } from '../../workers/picture-protocol.ts';

let client: WorkerClient<PictureCalls> | null = null;

function pictureClient(): WorkerClient<PictureCalls> {
  client ??= new WorkerClient<PictureCalls>(
    new Worker(new URL('../../workers/picture.worker.ts', import.meta.url), { type: 'module', name: 'tabml-pictures' }),
  );
  return client;
}

/** A photo's full-size RGBA pixels (images page). */
export function decodePhoto(file: Blob, name: string) {
  return pictureClient().call('decodeImage', { file, name });
}

/** A digit's picture, scaled down to at most `maxSide` pixels (digits page). */
export function readDigitPicture(file: File, maxSide: number) {
  return pictureClient().call('readPicture', { file, name: file.name, maxSide });
}
