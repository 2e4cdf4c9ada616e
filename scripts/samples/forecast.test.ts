import { describe, expect, it } from 'vitest';
import { compactPrices } from './forecast.ts';

describe('compactPrices', () => {
  it('keeps every day as Date,Close with the close to the cent', () => {
    const yahoo = [
      'Date,Open,High,Low,Close,Adj Close,Volume',
      '2024-04-20,63851.1015625,65442.45703125,63172.40234375,64994.44140625,64994.44140625,23097485495',
      '2024-04-21,64992.81640625,65723.2421875,64277.72265625,64926.64453125,64926.64453125,20506644853',
    ].join('\n');
    expect(compactPrices(yahoo)).toBe('Date,Close\n2024-04-20,64994.44\n2024-04-21,64926.64\n');
  });

  it('refuses a source the parser had to repair (a gap would be silently shipped)', () => {
    expect(() => compactPrices('Date,Close\n2024-04-20,1\n2024-04-23,2\n')).toThrow(/gap/);
  });
});
