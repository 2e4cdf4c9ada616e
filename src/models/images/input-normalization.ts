/**
 * The input normalisations of Keras's `applications.*.preprocess_input`, on an 8-bit RGB image,
 * producing float32 exactly as Keras's numpy code does (img_to_array gives float32, and every
 * operation stays in float32):
 *
 * - "caffe" (VGG16, VGG19, ResNet50): RGB → BGR, then subtract the ImageNet means
 *   [103.939, 116.779, 123.68] (B, G, R); no scaling. The subtraction is float32 − float32: the
 *   mean is first rounded to float32, so out = fround(v − fround(mean)). Computing v − mean in double
 *   and rounding once gives a different float32 for 187 of the 768 (value, channel) pairs.
 * - "tf" (MobileNet, Inception, Xception): RGB kept, x / 127.5 − 1, in [−1, 1], each step in float32.
 * - "raw": RGB kept, x / 255 in float32, in [0, 1] (not a Keras mode; for models trained on x/255).
 *
 * Output: Float32Array, height × width × 3, channels last.
 */
import type { Image8 } from './pixels.ts';

export type InputMode = 'caffe' | 'tf' | 'raw';
export const INPUT_MODES: readonly InputMode[] = ['caffe', 'tf', 'raw'];

/** ImageNet channel means that Keras's "caffe" mode subtracts, in B, G, R order. */
export const CAFFE_MEAN_BGR = [103.939, 116.779, 123.68] as const;

/**
 * For each output channel, the float32 value for every input byte 0..255. The output channel c reads
 * input channel `source[c]` (caffe: 2, 1, 0 → BGR).
 */
type Lookup = { source: readonly [number, number, number]; tables: readonly [Float32Array, Float32Array, Float32Array] };

function table(f: (v: number) => number): Float32Array {
  const t = new Float32Array(256);
  for (let v = 0; v < 256; v++) t[v] = f(v); // the Float32Array store rounds to float32
  return t;
}

function buildLookup(mode: InputMode): Lookup {
  switch (mode) {
    case 'caffe': {
      // output channel 0 is B (input 2) minus the B mean, 1 is G, 2 is R
      const [b, g, r] = CAFFE_MEAN_BGR.map((m) => Math.fround(m));
      return {
        source: [2, 1, 0],
        // v − fround(m) is exact in double (both are float32 values of similar size), so the single
        // float32 rounding on store is exactly numpy's float32 subtraction.
        tables: [table((v) => v - b), table((v) => v - g), table((v) => v - r)],
      };
    }
    case 'tf': {
      const t = table((v) => Math.fround(v / 127.5) - 1);
      return { source: [0, 1, 2], tables: [t, t, t] };
    }
    case 'raw': {
      const t = table((v) => v / 255);
      return { source: [0, 1, 2], tables: [t, t, t] };
    }
    default:
      throw new Error(`unknown input mode ${JSON.stringify(mode)}; expected one of ${INPUT_MODES.join(', ')}`);
  }
}

const lookups = new Map<InputMode, Lookup>();

function lookupFor(mode: InputMode): Lookup {
  let l = lookups.get(mode);
  if (!l) {
    l = buildLookup(mode);
    lookups.set(mode, l);
  }
  return l;
}

/** The float32 value `mode` gives an input byte `value` on input channel `channel` (0 = R, 1 = G, 2 = B). */
export function normalizeValue(value: number, channel: 0 | 1 | 2, mode: InputMode): number {
  const l = lookupFor(mode);
  const out = l.source.indexOf(channel);
  return l.tables[out as 0 | 1 | 2][value & 255];
}

/** An 8-bit RGB image → float32 HWC input for a Keras model trained with `mode`. */
export function normalizeInput(rgb: Image8, mode: InputMode = 'caffe'): Float32Array {
  if (rgb.channels !== 3) throw new Error(`normalizeInput needs an RGB image (3 channels), got ${rgb.channels}`);
  const { source, tables } = lookupFor(mode);
  const n = rgb.width * rgb.height;
  if (rgb.data.length !== n * 3) {
    throw new Error(`pixel data has ${rgb.data.length} bytes, but a ${rgb.width}×${rgb.height} RGB image needs ${n * 3}`);
  }
  const [s0, s1, s2] = source;
  const [t0, t1, t2] = tables;
  const d = rgb.data;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n * 3; i += 3) {
    out[i] = t0[d[i + s0]];
    out[i + 1] = t1[d[i + s1]];
    out[i + 2] = t2[d[i + s2]];
  }
  return out;
}
