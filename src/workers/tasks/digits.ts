/** Digits: the MNIST CNN. */

import type { RgbaImage } from '../../models/digits/normalize.ts';
import { normalizeDigit } from '../../models/digits/normalize.ts';
import { type InkBox, normalizePicture } from '../../models/digits/normalize-picture.ts';
import { predictDigit } from '../../models/digits/predict.ts';
import type { DigitResult } from '../../models/digits/result.ts';
import { layersModelFrom } from '../../runtime/model-package.ts';
import type { Handlers } from '../../runtime/rpc.ts';
import { defineTask, guarded, warmUp } from '../inference-core.ts';

export type DigitsCalls = {
  /**
   * Normalizes a drawing or a picture MNIST-style and recognizes it; `null` when there is no ink
   * (or, for a picture, no single digit). A picture's answer says where its ink was found.
   */
  recognizeDigit: {
    params: { image: RgbaImage; source?: 'drawing' | 'picture' };
    result: { result: DigitResult; input: Float32Array; ms: number; box?: InkBox } | null;
    update: never;
  };
};

const digitsModel = defineTask('digits', async (pkg) => {
  const model = await layersModelFrom(pkg);
  await warmUp(model, pkg.meta.inputShape);
  return model;
});

export const digitsHandlers: Handlers<DigitsCalls> = {
  async recognizeDigit({ image, source = 'drawing' }, { signal }) {
    // A drawing is clean by construction, and may touch the canvas edge: it skips the photo steps.
    const picture = source === 'picture' ? normalizePicture(image) : null;
    const input = source === 'picture' ? picture?.input : normalizeDigit(image);
    if (!input) return null;
    return guarded(async () => {
      const model = await digitsModel(signal);
      const started = performance.now();
      const result = await predictDigit(model, input);
      return { result, input, ms: performance.now() - started, ...(picture && { box: picture.box }) };
    });
  },
};
