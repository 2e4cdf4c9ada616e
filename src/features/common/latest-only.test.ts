import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

describe('latestOnly', () => {
  it('runs one job at a time and only the newest of the calls that queued up', async () => {
    const seen: number[] = [];
    const releases: Array<() => void> = [];
    const submit = latestOnly((n: number) => {
      seen.push(n);
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    submit(1);
    submit(2);
    submit(3);
    submit(4);
    expect(seen).toEqual([1]);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, 4]);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1, 4]);
  });
});
