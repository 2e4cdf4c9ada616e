import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/models/common/random.ts';
import { cutPoints, makeChunks } from './chunks.ts';

describe('training chunks', () => {
  it('cuts at 0, the offset, then every `length`, ending at the last input', () => {
    expect(cutPoints(12, 5, 2)).toEqual([0, 2, 7, 11]);
    expect(cutPoints(12, 5, 0)).toEqual([0, 5, 10, 11]);
    expect(cutPoints(3, 5, 4)).toEqual([0, 2]);
  });

  it('pairs every id but the last with its successor, exactly once, padding the rest', () => {
    const seq = Int32Array.from({ length: 23 }, (_, i) => i + 1);
    const chunks = makeChunks([seq, Int32Array.of(40, 41, 42)], 5, seededRandom(3));
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < chunks.count * 5; i++) if (chunks.targets[i] !== 0) pairs.push([chunks.inputs[i], chunks.targets[i]]);
    const expected: Array<[number, number]> = [
      ...Array.from({ length: 22 }, (_, i) => [i + 1, i + 2] as [number, number]),
      [40, 41],
      [41, 42],
    ];
    expect(pairs.sort((a, b) => a[0] - b[0])).toEqual(expected.sort((a, b) => a[0] - b[0]));
    for (let c = 0; c < chunks.count; c++) {
      const row = Array.from(chunks.targets.subarray(c * 5, c * 5 + 5));
      const firstPad = row.indexOf(0);
      if (firstPad >= 0) expect(row.slice(firstPad).every((t) => t === 0)).toBe(true); // padding only at the end
    }
  });
});
