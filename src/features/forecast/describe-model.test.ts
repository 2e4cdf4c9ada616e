import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../workers/forecast-protocol.ts';
import { describeModel } from './describe-model.ts';

const base: ModelInfo = {
  source: 'shipped',
  mode: null,
  trainedOn: { from: '2016-01-04', to: '2019-08-04', weeks: 187 },
  epochs: 300,
  formulation: 'prefixes-last-close',
  savedAt: null,
  finalLoss: null,
};

describe('describeModel', () => {
  it('names the shipped model and its data', () => {
    expect(describeModel(base)).toBe('Serving the shipped model, trained on Bitcoin closes 2016-01-04 … 2019-08-04 (187 weeks).');
  });
  it('names how a model trained here was made, on which weeks, with how many epochs', () => {
    const trained: ModelInfo = {
      ...base,
      source: 'device',
      mode: 'retrain',
      trainedOn: { from: '2023-01-02', to: '2023-01-15', weeks: 2 },
      epochs: 3,
    };
    expect(describeModel(trained)).toBe('Serving a model retrained on this device on 2023-01-02 … 2023-01-15 (2 weeks), 3 epochs.');
    expect(describeModel({ ...trained, mode: 'new' })).toMatch(/^Serving a model trained from scratch on this device/);
  });
});
