/**
 * Greedy (argmax) continuation through the stateful path the app generates with (one LSTM cell
 * step per word), reporting the next-word distribution's top k at every step. Used to compare
 * backends against golden answers: no randomness, so any difference is the backend's arithmetic.
 * Padding and unknown ids are excluded exactly as the app's sampling excludes them.
 */

import { promptWindow } from './generate.ts';
import { disposeState, type TextNetwork } from './network.ts';
import { temperatureDistribution } from './sampling.ts';
import { PADDING_ID } from './vocabulary.ts';

export interface GreedyStep {
  /** The top k ids, most probable first; the first is the greedy choice. */
  ids: number[];
  probabilities: number[];
}

export async function greedyTopK(
  network: TextNetwork,
  seedIds: ArrayLike<number>,
  options: { steps: number; k: number; unknownId: number },
): Promise<GreedyStep[]> {
  const window = promptWindow(seedIds);
  if (window.length === 0) throw new Error('The seed has no words to start from.');
  let state = network.zeroState();
  const advance = (id: number) => {
    const next = network.advance(state, id);
    disposeState(state);
    state = next;
  };
  try {
    window.forEach(advance);
    const steps: GreedyStep[] = [];
    for (let n = 0; n < options.steps; n++) {
      const logits = network.stateLogits(state);
      let values: Float32Array;
      try {
        values = (await logits.data()) as Float32Array;
      } finally {
        logits.dispose();
      }
      // Diversity 1: the model's own distribution, renormalized without the excluded ids.
      const p = temperatureDistribution(values, 1, [PADDING_ID, options.unknownId]);
      const order = Array.from(p.keys())
        .sort((a, b) => p[b] - p[a] || a - b)
        .slice(0, options.k);
      steps.push({ ids: order, probabilities: order.map((i) => p[i]) });
      if (n + 1 < options.steps) advance(order[0]);
    }
    return steps;
  } finally {
    disposeState(state);
  }
}
