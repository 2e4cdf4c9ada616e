import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../runtime/error-kinds.ts';
import { KindedError } from '../runtime/rpc.ts';
import { failureOf, failureOfError } from './failure.ts';

describe('failureOf', () => {
  it('places every error kind', () => {
    for (const kind of ERROR_KINDS) expect(['cancelled', 'wait-for-model', 'show']).toContain(failureOf(kind));
    expect(failureOf('cancelled')).toBe('cancelled');
    expect(failureOf('model-unavailable')).toBe('wait-for-model');
    expect(failureOf('integrity')).toBe('show');
  });

  it('shows anything without a known kind', () => {
    expect(failureOfError(new KindedError('Cancelled.', 'cancelled'))).toBe('cancelled');
    expect(failureOfError(new TypeError('x is undefined'))).toBe('show');
    expect(failureOfError(Object.assign(new Error('?'), { kind: 'something-else' }))).toBe('show');
    expect(failureOfError(null)).toBe('show');
  });
});
