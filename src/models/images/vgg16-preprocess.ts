/**
 * Keras-exact VGG16 preprocessing: what
 *
 *     img = keras.utils.load_img(path, target_size=(h, w))        # interpolation="nearest"
 *     x = keras.applications.vgg16.preprocess_input(keras.utils.img_to_array(img))
 *
 * computes from the decoded pixels of a file, step by step:
 * 1. colour: PIL `convert('RGB')` — RGBA loses its alpha, which is dropped and NOT composited
 *    (see ./pixels.ts; grayscale and palette files reach us already expanded to RGB(A));
 * 2. resize to target_size with PIL NEAREST (Keras's default) or BILINEAR (./pil-resize.ts),
 *    skipped when the image already has that size;
 * 3. "caffe" normalisation: RGB → BGR, minus [103.939, 116.779, 123.68], no scaling, in float32
 *    (./input-normalization.ts; "tf" and "raw" are there for other models).
 *
 * Result: Float32Array, height × width × 3, channels last (a [1, h, w, 3] tensor's data).
 */
import { INPUT_MODES, type InputMode, normalizeInput } from './input-normalization.ts';
import { resizeBilinearPil, resizeNearestPil, type TargetSize } from './pil-resize.ts';
import { type PixelSource, type RgbImage, toRgb, validatePixels } from './pixels.ts';

export type Interpolation = 'nearest' | 'bilinear';
export const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'bilinear'];

export type PreprocessOptions = {
  /** PIL filter used by load_img; Keras's default is 'nearest'. */
  interpolation?: Interpolation;
  /** preprocess_input mode; VGG16 is 'caffe'. */
  mode?: InputMode;
};

/** VGG16's input size, [height, width]. */
export const VGG16_INPUT_SIZE: TargetSize = [224, 224];

/** Resize an RGB image the way `load_img(target_size=...)` does with the given PIL filter. */
export function resizeLikeLoadImg(rgb: RgbImage, size: TargetSize, interpolation: Interpolation = 'nearest'): RgbImage {
  switch (interpolation) {
    case 'nearest':
      return resizeNearestPil(rgb, size);
    case 'bilinear':
      return resizeBilinearPil(rgb, size);
    default:
      throw new Error(`unknown interpolation ${JSON.stringify(interpolation)}; expected one of ${INTERPOLATIONS.join(', ')}`);
  }
}

/**
 * Decoded RGB/RGBA pixels → the float32 HWC input Keras would give the model for the same file.
 * Defaults: NEAREST and "caffe" (VGG16). Throws an Error for malformed pixels, sizes or options.
 */
export function preprocessVgg16(pixels: PixelSource, size: TargetSize = VGG16_INPUT_SIZE, options: PreprocessOptions = {}): Float32Array {
  const interpolation = options.interpolation ?? 'nearest';
  const mode = options.mode ?? 'caffe';
  if (!INTERPOLATIONS.includes(interpolation)) {
    throw new Error(`unknown interpolation ${JSON.stringify(interpolation)}; expected one of ${INTERPOLATIONS.join(', ')}`);
  }
  if (!INPUT_MODES.includes(mode)) {
    throw new Error(`unknown input mode ${JSON.stringify(mode)}; expected one of ${INPUT_MODES.join(', ')}`);
  }
  validatePixels(pixels);
  let resized: RgbImage;
  if (interpolation === 'nearest') {
    // NEAREST only copies whole pixels, so resizing the RGB(A) input first and dropping alpha after
    // gives the same bytes as Keras's convert-then-resize, without copying a large photo first.
    const { data, width, height, channels } = pixels;
    const view = new Uint8Array(data.buffer, data.byteOffset, data.length);
    const small = resizeNearestPil({ data: view, width, height, channels }, size);
    resized = toRgb({ ...small, channels });
  } else {
    resized = resizeLikeLoadImg(toRgb(pixels), size, interpolation);
  }
  return normalizeInput(resized, mode);
}

export { CAFFE_MEAN_BGR, INPUT_MODES, type InputMode, normalizeInput, normalizeValue } from './input-normalization.ts';
export {
  PIL_PRECISION_BITS,
  type PilCoefficients,
  pilBilinearCoefficients,
  pilNearestIndices,
  resizeBilinearPil,
  resizeNearestPil,
  type TargetSize,
} from './pil-resize.ts';
export { grayToRgb, type Image8, type PixelSource, type RgbImage, toRgb, validatePixels } from './pixels.ts';
