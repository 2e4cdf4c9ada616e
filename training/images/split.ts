/**
 * The fixed, stratified train/validation split of cat-coffee: per class, a seeded shuffle of that
 * class's images, the first 20% held out. Training and evaluation share it, so the validation
 * images are never trained on.
 */
import { seededRandom, shuffledIndices } from '../../src/models/common/random.ts';

export const VALIDATION_FRACTION = 0.2;
export const SPLIT_SEED = 2024;

export function stratifiedSplit(
  labels: ArrayLike<number>,
  fraction = VALIDATION_FRACTION,
  seed = SPLIT_SEED,
): { train: number[]; validation: number[] } {
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  const train: number[] = [];
  const validation: number[] = [];
  for (const c of classes) {
    const members = Array.from(labels).flatMap((l, i) => (l === c ? [i] : []));
    const order = shuffledIndices(members.length, seededRandom(seed + c));
    const held = Math.round(members.length * fraction);
    order.forEach((k, rank) => (rank < held ? validation : train).push(members[k]));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}
