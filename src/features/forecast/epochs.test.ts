import { describe, expect, it } from 'vitest';
import { parseEpochs } from './epochs.ts';

describe('parseEpochs', () => {
  it('accepts whole numbers from 1 to 5000', () => {
    expect(parseEpochs('300')).toEqual({ epochs: 300 });
    expect(parseEpochs(' 1 ')).toEqual({ epochs: 1 });
    expect(parseEpochs('5000')).toEqual({ epochs: 5000 });
  });
  it('refuses anything else, saying what it got', () => {
    for (const text of ['0', '5001', '2.5', '-3', 'abc', '1e3'])
      expect(parseEpochs(text)).toEqual({ error: `Epochs must be a whole number from 1 to 5000 (not '${text}').` });
    expect(parseEpochs('')).toEqual({ error: 'Epochs must be a whole number from 1 to 5000.' });
  });
});
