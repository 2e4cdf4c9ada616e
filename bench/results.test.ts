import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REQUIRED_KEYS } from './keys.ts';

describe('bench/results.json', () => {
  const results = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('is a flat object of numbers with every required key', () => {
    for (const key of REQUIRED_KEYS) expect(results, key).toHaveProperty([key]);
    for (const [key, value] of Object.entries(results)) {
      expect(typeof value, key).toBe('number');
      expect(Number.isFinite(value as number), `${key} is finite`).toBe(true);
    }
  });

  it('records no leaked tensors', () => {
    for (const [key, value] of Object.entries(results)) if (key.endsWith('.leakedTensors')) expect(value, key).toBe(0);
  });
});
