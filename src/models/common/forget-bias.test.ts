import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setForgetBias } from './forget-bias.ts';

const lstm = (options: { unitForgetBias?: boolean } = {}) => {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 3, inputShape: [null, 2], kernelInitializer: 'zeros', recurrentInitializer: 'zeros', ...options }));
  return model;
};

describe('setForgetBias', () => {
  it("gives the bias tfjs-layers' unitForgetBias gives (1 for the forget gate, 0 elsewhere), and leaves no tensor behind", () => {
    let leaky: tf.Sequential | undefined;
    tf.tidy(() => {
      leaky = lstm({ unitForgetBias: true }); // built inside tidy: the tensors it forgets are freed here
    });
    const before = tf.memory().numTensors;
    const model = lstm();
    setForgetBias(model.layers[0]);
    const bias = Array.from(model.layers[0].getWeights()[2].dataSync());
    expect(bias).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(bias).toEqual(Array.from(leaky!.layers[0].getWeights()[2].dataSync()));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    leaky!.dispose();
  });
});
