/** Digits: the MNIST CNN. */

import { normalizeDigit } from '../../models/digits/normalize.ts';
import { normalizePicture } from '../../models/digits/normalize-picture.ts';
import { predictDigit } from '../../models/digits/predict.ts';
import { layersModelFrom, type ModelPackage } from '../../runtime/model-package.ts';
import type { Handlers } from '../../runtime/rpc.ts';
import { warmUp } from '../../runtime/warm-up.ts';
import type { DigitsCalls } from '../inference-protocol.ts';
import type { TaskRuntime } from './task-runtime.ts';

async function buildDigitsModel(pkg: ModelPackage) {
  const model = await layersModelFrom(pkg);
  await warmUp(model, pkg.meta.inputShape);
  return model;
}

export function digitsHandlers({ models, guarded }: TaskRuntime): Handlers<DigitsCalls> {
  const digitsModel = models.define('digits', buildDigitsModel);
  return {
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
}
