import { describe, expect, it } from 'vitest';
import { expectPlainError, messageProblem } from './plain-error.ts';

describe('plain errors', () => {
  it('pass a message written for a person', () => {
    expect(() => expectPlainError(new Error("Line 3: the date '2020-13-01' is not a valid YYYY-MM-DD date."), 'x')).not.toThrow();
  });

  it('refuse internals, other error kinds, empty and overlong messages', () => {
    expect(() => expectPlainError(new TypeError("Cannot read properties of undefined (reading 'map')"), '')).toThrow(/threw a TypeError/);
    expect(() => expectPlainError('a string', '')).toThrow(/non-Error/);
    expect(messageProblem('version undefined, expected 1', '{}')).toMatch(/'undefined'/);
    expect(messageProblem('the close price is NaN', '')).toMatch(/NaN/);
    expect(messageProblem('failed\n    at parse (file.ts:12:3)', '')).toMatch(/matches/);
    expect(messageProblem(' ', '')).toMatch(/empty/);
    expect(messageProblem('x'.repeat(601), '')).toMatch(/too long/);
    expect(() => expectPlainError(Object.assign(new Error('refused'), { name: 'ImageInputError' }), '')).toThrow(/threw a ImageInputError/);
    expect(() => expectPlainError(Object.assign(new Error('refused'), { name: 'ImageInputError' }), '', ['ImageInputError'])).not.toThrow();
  });

  it('allow what the input itself said', () => {
    expect(messageProblem("Line 2: the close price 'NaN' is not a number.", 'Date,Close\n2020-01-01,NaN')).toBeNull();
    expect(messageProblem("the date 'undefined' is not a date", 'undefined')).toBeNull();
  });
});
