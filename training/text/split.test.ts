import { describe, expect, it } from 'vitest';
import { groupBySharedSpans, HELD_OUT_FRACTION, splitAbstracts } from './split.ts';

/** Made-up words: prefix0 prefix1 … */
const run = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k}`);

describe('groupBySharedSpans', () => {
  it('groups identical abstracts and abstracts sharing a 20-word passage, transitively', () => {
    const a = [...run('cog', 30), ...run('axle', 10)];
    const b = [...run('lamp', 25)];
    const c = [...run('wick', 5), ...run('lamp', 20)]; // shares lamp0..lamp19 with b
    const d = [...run('wick', 22), ...run('oil', 5)]; // only wick0..wick4 in common with c and e
    const e = [...run('wick', 5), ...run('lamp', 3), ...run('gear', 40)]; // shares 8 words with c only
    const f = [...run('cog', 19), ...run('rim', 30)]; // 19 shared words with a: not enough
    const groups = groupBySharedSpans([a, b, c, [...a], d, e, f]);
    expect(Array.from(groups)).toEqual([0, 1, 1, 0, 2, 3, 4]);
  });

  it('links a chain of overlaps into one group', () => {
    const x = run('vane', 40);
    const y = [...run('vane', 40).slice(20), ...run('hub', 20)];
    const z = [...run('hub', 20), ...run('spoke', 20)];
    expect(Array.from(groupBySharedSpans([z, run('pin', 30), x, y]))).toEqual([0, 1, 0, 0]);
  });

  it('groups short abstracts only with identical ones', () => {
    expect(
      Array.from(
        groupBySharedSpans([
          ['a', 'b'],
          ['a', 'b'],
          ['a', 'b', 'c'],
        ]),
      ),
    ).toEqual([0, 0, 1]);
  });
});

describe('splitAbstracts', () => {
  const singles = Int32Array.from({ length: 100 }, (_, i) => i);

  it('holds out at least 10% by default, deterministically', () => {
    const first = splitAbstracts(singles);
    expect(HELD_OUT_FRACTION).toBe(0.1);
    expect(first.heldOut).toHaveLength(10);
    expect(splitAbstracts(singles)).toEqual(first);
    expect(splitAbstracts(singles, { seed: 7 })).not.toEqual(first);
  });

  it('is disjoint, covers every abstract, and lists positions in order', () => {
    const { train, heldOut } = splitAbstracts(singles, { seed: 3, heldOutFraction: 0.25 });
    expect(heldOut).toHaveLength(25);
    expect(train.filter((i) => heldOut.includes(i))).toEqual([]);
    expect([...train, ...heldOut].sort((p, q) => p - q)).toEqual(Array.from(singles));
    expect(train).toEqual([...train].sort((p, q) => p - q));
    expect(heldOut).toEqual([...heldOut].sort((p, q) => p - q));
  });

  it('never puts one group on both sides', () => {
    const groups = Int32Array.from({ length: 95 }, (_, i) => Math.floor(i / 3) % 20); // 20 groups of 3 to 6
    for (const seed of [1, 2, 3, 4, 5]) {
      const { train, heldOut } = splitAbstracts(groups, { seed });
      expect(heldOut.length).toBeGreaterThanOrEqual(10);
      const heldGroups = new Set(heldOut.map((i) => groups[i]));
      expect(train.some((i) => heldGroups.has(groups[i]))).toBe(false);
    }
  });

  it('holds out nothing at fraction 0 and rejects a fraction outside [0, 1)', () => {
    expect(splitAbstracts(singles, { heldOutFraction: 0 }).heldOut).toEqual([]);
    expect(() => splitAbstracts(singles, { heldOutFraction: 1 })).toThrow(/heldOutFraction/);
  });
});
