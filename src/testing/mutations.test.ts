import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutatedBytes, mutatedJson, mutatedText } from './mutations.ts';

const sample = <T>(arbitrary: fc.Arbitrary<T>, n = 400) => fc.sample(arbitrary, { numRuns: n, seed: 1 });
const depth = (text: string) => {
  let deepest = 0;
  let open = 0;
  for (const c of text) {
    if (c === '[' || c === '{') deepest = Math.max(deepest, ++open);
    else if (c === ']' || c === '}') open--;
  }
  return deepest;
};

describe('mutation generators', () => {
  it('damage a text in each of the promised ways', () => {
    const valid = 'Date,Close\n2020-01-01,100\n2020-01-02,101\n';
    const texts = sample(mutatedText([valid]));
    expect(texts.filter((t) => t === valid).length).toBeLessThan(texts.length / 10);
    expect(texts.some((t) => t.startsWith('\uFEFF'))).toBe(true);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => valid.startsWith(t) && t.length < valid.length)).toBe(true); // cut short
    expect(texts.some((t) => /1e308|NaN|-0\b/.test(t))).toBe(true);
    expect(texts.some((t) => t.length > 10_000)).toBe(true);
  });

  it('damage bytes, keeping the original untouched', () => {
    const valid = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const outputs = sample(mutatedBytes([valid]));
    expect(valid).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    expect(outputs.filter((b) => b.length === valid.length && b.every((x, i) => x === valid[i])).length).toBeLessThan(outputs.length / 5);
    expect(outputs.some((b) => b.length < valid.length)).toBe(true);
    expect(outputs.some((b) => b.length > valid.length)).toBe(true);
  });

  it('change JSON structure: types, deep nesting, removal; strict mode stays valid JSON', () => {
    const valid = { version: 1, words: ['a', 'b', 'c'], nested: { list: [1, 2, { x: 'y' }] } };
    const strict = sample(mutatedJson([valid], { strict: true }));
    const values = strict.map((t) => JSON.parse(t) as unknown); // throws if any is not JSON
    expect(strict.some((t) => depth(t) >= 10_000)).toBe(true);
    expect(values.some((v) => typeof v === 'object' && v !== null && !('version' in v))).toBe(true);
    expect(values.some((v) => typeof (v as { words?: unknown }).words === 'string')).toBe(true);
    const loose = sample(mutatedJson([valid]));
    expect(loose.some((t) => /\bNaN\b|Infinity|1e999/.test(t))).toBe(true);
    expect(
      loose.some((t) => {
        try {
          JSON.parse(t);
          return false;
        } catch {
          return true;
        }
      }),
    ).toBe(true);
  });
});
