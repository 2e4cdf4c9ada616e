import { describe, expect, it } from 'vitest';
import { AUTO_UPDATE_EVERY_MS, autoUpdateDue, autoUpdateOn, noteAutoUpdate, setAutoUpdate } from './auto-update.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}
const refusing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('auto-update preference', () => {
  it('is off until turned on, and remembered', () => {
    const storage = memoryStorage();
    expect(autoUpdateOn(storage)).toBe(false);
    setAutoUpdate(true, storage);
    expect(autoUpdateOn(storage)).toBe(true);
    setAutoUpdate(false, storage);
    expect(autoUpdateOn(storage)).toBe(false);
  });

  it('runs at most once an hour', () => {
    const storage = memoryStorage();
    const t = 1_800_000_000_000;
    expect(autoUpdateDue(t, storage)).toBe(true);
    noteAutoUpdate(t, storage);
    expect(autoUpdateDue(t + 1000, storage)).toBe(false);
    expect(autoUpdateDue(t + AUTO_UPDATE_EVERY_MS - 1, storage)).toBe(false);
    expect(autoUpdateDue(t + AUTO_UPDATE_EVERY_MS, storage)).toBe(true);
    expect(autoUpdateDue(t - 5000, storage)).toBe(true); // the clock went back: do not wait for ever
  });

  it('storage that refuses means off and due, and never throws', () => {
    expect(autoUpdateOn(refusing)).toBe(false);
    expect(() => setAutoUpdate(true, refusing)).not.toThrow();
    expect(autoUpdateDue(0, refusing)).toBe(true);
    expect(() => noteAutoUpdate(0, refusing)).not.toThrow();
    expect(autoUpdateOn(null)).toBe(false);
  });
});
