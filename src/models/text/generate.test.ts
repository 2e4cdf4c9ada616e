import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/node-backend.ts';
import { seededRandom } from '../common/random.ts';
import { type GenerationMethod, generateIds, promptWindow } from './generate.ts';
import type { TextNetwork } from './network.ts';
import { smallTextNetwork } from './test-network.ts';

let network: TextNetwork;
beforeAll(async () => {
  await useNodeBackend('wasm');
  network = smallTextNetwork();
});
afterAll(() => network.dispose());

const unknownId = () => network.idCount - 1;

async function generate(seed: number[], words: number, method: GenerationMethod, rngSeed: number, diversity = 1): Promise<number[]> {
  const out: number[] = [];
  for await (const id of generateIds(network, seed, { words, diversity, random: seededRandom(rngSeed), method, unknownId: unknownId() }))
    out.push(id);
  return out;
}

describe('generateIds', () => {
  it('writes the asked number of words, reproducibly for the same rng seed', async () => {
    const a = await generate([3, 5, 8], 20, 'stateful', 7);
    expect(a).toHaveLength(20);
    expect(await generate([3, 5, 8], 20, 'stateful', 7)).toEqual(a);
    expect(await generate([3, 5, 8], 20, 'stateful', 8)).not.toEqual(a);
  });

  it('writes the same words both ways, also past one 50-word window', async () => {
    for (const [prompt, rngSeed] of [
      [[1, 2, 3], 1],
      [[9, 9, 14, 2, 30, 11, 5], 2],
      [Array.from({ length: 50 }, (_, i) => (i % 30) + 1), 3],
    ] as const) {
      const words = 70 - prompt.length;
      for (const diversity of [0.5, 1, 3]) {
        expect(await generate([...prompt], words, 'fullReread', rngSeed, diversity)).toEqual(
          await generate([...prompt], words, 'stateful', rngSeed, diversity),
        );
      }
    }
  });

  it('never writes padding or unknown, even when the network favours them', async () => {
    // getWeights() hands out the variables themselves: keep copies to put back.
    const [kernel, bias] = network.model
      .getLayer('logits')
      .getWeights()
      .map((w) => w.clone());
    const boosted = tf.tidy(() =>
      bias.add(
        tf
          .oneHot([0], network.idCount)
          .add(tf.oneHot([unknownId()], network.idCount))
          .reshape([-1])
          .mul(8),
      ),
    );
    network.model.getLayer('logits').setWeights([kernel, boosted]);
    try {
      for (const method of ['stateful', 'fullReread'] as const) {
        const ids = await generate([4, 4, 2], 60, method, 5, 5);
        expect(ids.filter((id) => id === 0 || id === unknownId())).toEqual([]);
      }
    } finally {
      network.model.getLayer('logits').setWeights([kernel, bias]);
      tf.dispose([boosted, kernel, bias]);
    }
  });

  it('reads only the prompt’s last 50 words', () => {
    const long = Array.from({ length: 80 }, (_, i) => i);
    expect(Array.from(promptWindow(long))).toEqual(long.slice(30));
  });

  it('refuses an empty prompt', async () => {
    await expect(generate([], 5, 'stateful', 1)).rejects.toThrow(/no words/);
  });

  it('leaves no tensors behind, finished or stopped early, with either method', async () => {
    await generate([1, 2], 3, 'stateful', 1); // first use creates lasting backend state, if any
    const before = tf.memory().numTensors;
    for (const method of ['stateful', 'fullReread'] as const) {
      await generate([5, 6, 7], 70, method, 3);
      for await (const id of generateIds(network, [2, 3], {
        words: 50,
        diversity: 1,
        random: seededRandom(1),
        method,
        unknownId: unknownId(),
      })) {
        if (id > 0) break; // stop after the first word, as the page's Stop button does
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
