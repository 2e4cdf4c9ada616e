/**
 * Which picked file is which shard: the exact names in the manifest's `paths` (which may lack
 * `.bin`, as tensorflowjs 0.8 wrote them), in manifest order. Sizes are checked against what the
 * manifest's weights need before a byte is read or allocated, naming missing and short files.
 */
import type * as tf from '@tensorflow/tfjs';

/** A picked file as far as this check needs it: its name (maybe with folders) and size. */
export interface SizedFile {
  name: string;
  size: number;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
const shortName = (p: string) => (p.length > 40 ? `${p.slice(0, 40)}…` : p);

const BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, bool: 1, float16: 2, uint16: 2, int8: 1, int16: 2, complex64: 8 };

/** Bytes a weight takes in the shards (quantized weights by their stored dtype), or null when unknowable (strings). */
export function storedBytes(spec: tf.io.WeightsManifestEntry): number | null {
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const per = BYTES[dtype];
  if (per === undefined) return null;
  return spec.shape.reduce((n, d) => n * d, 1) * per;
}

const sumBytes = (weights: tf.io.WeightsManifestEntry[]) =>
  weights.reduce<number | null>((n, w) => {
    const b = storedBytes(w);
    return n === null || b === null ? null : n + b;
  }, 0);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** The files in manifest order; throws, naming files, when one is missing or sizes do not add up. */
export function orderShards<F extends SizedFile>(manifest: tf.io.WeightsManifestConfig, files: readonly F[]): F[] {
  const byName = new Map<string, F>();
  for (const f of files) if (!byName.has(baseName(f.name))) byName.set(baseName(f.name), f);
  const paths = manifest.flatMap((group) => group.paths);
  const missing = paths.filter((p) => !byName.has(baseName(p)));
  if (missing.length) {
    // A few names, each cut short: a damaged model.json can name hundreds of files, or a very long one.
    const named = missing.slice(0, 3).map(shortName).join(', ');
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    throw new Error(
      `Missing weight file${missing.length > 1 ? 's' : ''} ${named}${more}. Pick model.json together with every weight file it lists.`,
    );
  }
  manifest.forEach((group, g) => {
    const need = sumBytes(group.weights);
    const shards = group.paths.map((p) => byName.get(baseName(p))!);
    const have = shards.reduce((n, f) => n + f.size, 0);
    if (need === null || need === have) return;
    // The converter cuts a group into equal shards and a shorter last one: a non-last shard smaller
    // than the largest, or else the last one, is the file that is off.
    const largest = Math.max(...shards.map((f) => f.size));
    const odd = shards.slice(0, -1).filter((f) => f.size < largest);
    const culprits = (odd.length ? odd : shards.slice(-1))
      .slice(0, 3)
      .map((f) => `${shortName(baseName(f.name) || f.name)} (${bytes(f.size)})`)
      .join(', ');
    const where = manifest.length > 1 ? ` of weight group ${g + 1}` : '';
    if (have < need) {
      throw new Error(
        `The weight files${where} are too short: model.json needs ${bytes(need)}, ` +
          `they hold ${bytes(have)}. Check ${culprits}: download or copy it again.`,
      );
    }
    throw new Error(
      `The weight files${where} hold ${bytes(have)}, more than the ${bytes(need)} model.json needs ` +
        `(${plural(group.weights.length, 'weight')}): they come from another conversion. Check ${culprits}.`,
    );
  });
  return paths.map((p) => byName.get(baseName(p))!);
}
