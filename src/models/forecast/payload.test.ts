import { describe, expect, it } from 'vitest';
import { failedPayload, predictPayload } from './payload.ts';

describe('predictPayload', () => {
  it("has Cryptonic's /predict shape, with dated predictions rounded to cents", () => {
    const days = Array.from({ length: 7 }, (_, i) => ({ date: `2024-04-2${2 + i}`, prediction: 12345.678 + i }));
    const payload = predictPayload(days);
    expect(Object.keys(payload)).toEqual(['message', 'period_length', 'result', 'success']);
    expect(payload.message).toBe('API for making predictions.');
    expect(payload.period_length).toBe(7);
    expect(payload.success).toBe(true);
    expect(payload.result).toHaveLength(7);
    expect(payload.result[0]).toEqual({ date: '2024-04-22', prediction: 12345.68 });
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('reports a failure with no values', () => {
    expect(failedPayload('No prices.')).toEqual({ message: 'No prices.', period_length: 7, result: [], success: false });
  });
});
