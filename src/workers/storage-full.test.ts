import { describe, expect, it } from 'vitest';
import { looksInternal } from '../app/plain-message.ts';
import { formatBytes, isQuotaError, storageFullMessage, storedBytes } from './storage-full.ts';

describe('isQuotaError', () => {
  it("knows the browsers' names and words for a full storage", () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
    expect(isQuotaError(new Error('Encountered full disk while opening backing store for indexedDB.open.'))).toBe(true);
    expect(isQuotaError(new DOMException('The transaction was aborted.', 'AbortError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('storedBytes', () => {
  it('counts typed arrays by their bytes and the rest as JSON text', () => {
    expect(storedBytes(new Float32Array(100))).toBe(400);
    expect(storedBytes({ weights: [{ shape: [10, 10], values: new Float32Array(100) }] })).toBeGreaterThan(400);
    expect(storedBytes({ a: 'xyz' })).toBe(2 + 1 + 3 + 5);
    expect(storedBytes(undefined)).toBe(4);
  });
});

describe('formatBytes', () => {
  it('writes decimal units with at most one decimal', () => {
    expect([0, 999, 1000, 2450, 12_345, 3_400_000, 7e9].map(formatBytes)).toEqual([
      '0 bytes',
      '999 bytes',
      '1.0 KB',
      '2.5 KB',
      '12 KB',
      '3.4 MB',
      '7.0 GB',
    ]);
  });
});

describe('storageFullMessage', () => {
  const outcome = 'The previous model still serves.';

  it('says how much is needed and how much is free, when the browser says', () => {
    const message = storageFullMessage('the retrained model', 2400, { usage: 9_900, quota: 10_000 }, outcome);
    expect(message).toBe(
      "Saving the retrained model needs about 2.4 KB, but only 100 bytes of this site's 10 KB of storage on this device is free. The " +
        'previous model still serves. Free some space on the device (or ' +
        "clear other sites' data in the browser's settings), then try again.",
    );
  });

  it('says how much is needed when the browser does not say how much is free', () => {
    expect(storageFullMessage('the prices', 150_000, null, outcome)).toContain(
      "needs about 150 KB, but this site's storage on this device is full.",
    );
  });

  it('still reads true when the estimate shows room (other writers, or the estimate lags)', () => {
    expect(storageFullMessage('the retrained model', 2400, { usage: 1000, quota: 1_000_000 }, outcome)).toContain(
      'needs about 2.4 KB, but the browser refused to store it (the device’s disk may be full). The previous',
    );
  });

  it('is written for people', () => {
    for (const estimate of [null, { usage: 0, quota: 0 }, { usage: 5e9, quota: 6e9 }]) {
      expect(looksInternal(storageFullMessage('the retrained model', 1234, estimate, outcome))).toBe(false);
    }
  });
});
