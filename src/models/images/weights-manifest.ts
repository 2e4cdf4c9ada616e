/** A model.json's weightsManifest, checked: an edited or cut model.json would otherwise fail inside tfjs with a TypeError. */
import type * as tf from '@tensorflow/tfjs';

const isWeightSpec = (w: unknown) => {
  const spec = w as Partial<Record<keyof tf.io.WeightsManifestEntry, unknown>> | null;
  return (
    typeof spec === 'object' &&
    spec !== null &&
    typeof spec.name === 'string' &&
    typeof spec.dtype === 'string' &&
    Array.isArray(spec.shape) &&
    spec.shape.every((d) => Number.isInteger(d) && d >= 0)
  );
};

export function readManifest(value: unknown): tf.io.WeightsManifestConfig {
  if (value == null) return [];
  const bad = (why: string) =>
    new Error(`This model.json's weightsManifest ${why}. Choose the model.json that tensorflowjs_converter wrote, unchanged.`);
  if (!Array.isArray(value)) throw bad('is not a list of weight groups');
  value.forEach((group: { paths?: unknown; weights?: unknown } | null, g) => {
    if (typeof group !== 'object' || group === null || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw bad(`has a group (number ${g + 1}) without its lists of files and weights`);
    }
    if (!group.paths.every((p) => typeof p === 'string' && p !== '')) throw bad(`has a file name in group ${g + 1} that is not a name`);
    const spec = group.weights.findIndex((w) => !isWeightSpec(w));
    if (spec >= 0) throw bad(`describes weight ${spec + 1} of group ${g + 1} without a name, a dtype or a shape of whole numbers`);
  });
  return value as tf.io.WeightsManifestConfig;
}
