import { describe, expect, it } from 'vitest';
import { countWindows, makeWindows } from './windows.ts';

describe('makeWindows (the seed make_sequences)', () => {
  it('pairs the previous `length` ids with the next one, for every position ≥ length', () => {
    const w = makeWindows(
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9],
      ],
      3,
    );
    expect(w.count).toBe(3);
    expect(w.length).toBe(3);
    expect(Array.from(w.features)).toEqual([1, 2, 3, 2, 3, 4, 6, 7, 8]);
    expect(Array.from(w.labels)).toEqual([4, 5, 9]);
  });

  it('makes nothing from sequences no longer than the window', () => {
    expect(countWindows([[1, 2, 3], [], [4]], 3)).toBe(0);
    expect(makeWindows([[1, 2, 3]], 3).features.length).toBe(0);
  });

  it('uses the seed window of 50 by default: len - 50 windows per abstract', () => {
    const seq = Int32Array.from({ length: 53 }, (_, i) => i + 1);
    const w = makeWindows([seq]);
    expect(w.count).toBe(3);
    expect(Array.from(w.features.subarray(100, 150))).toEqual(Array.from(seq.subarray(2, 52)));
    expect(Array.from(w.labels)).toEqual([51, 52, 53]);
  });
});
