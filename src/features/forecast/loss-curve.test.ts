import { describe, expect, it } from 'vitest';
import { LOSS_CURVE, lossCurveShape } from './loss-curve.ts';

describe('lossCurveShape', () => {
  it('draws nothing until two finite losses exist', () => {
    expect(lossCurveShape([], 10)).toBeNull();
    expect(lossCurveShape([0.5], 10)).toBeNull();
    expect(lossCurveShape([Number.NaN, 0.5], 10)).toBeNull();
  });

  it('spans the run across the width and the losses across the height, highest loss at the top', () => {
    const shape = lossCurveShape([0.9, 0.5, 0.1], 3);
    expect(shape?.points).toBe(`0.0,2.0 120.0,30.0 ${LOSS_CURVE.width.toFixed(1)},58.0`);
    expect(shape?.label).toBe('Training loss over 3 epochs, from 0.900 to 0.100');
  });

  it('places epochs by their number in the whole run, so the line grows left to right as epochs arrive', () => {
    expect(lossCurveShape([0.4, 0.2], 5)?.points).toBe('0.0,2.0 60.0,58.0');
  });

  it('leaves out a NaN epoch, and draws equal losses as a flat line without dividing by zero', () => {
    expect(lossCurveShape([0.3, Number.NaN, 0.3], 3)?.points).toBe('0.0,58.0 240.0,58.0');
  });
});
