/**
 * For the backend parity matrix (e2e/parity.spec.ts, bench/parity.ts): greedy text with the
 * next-word top 5 at every step, from the text model the page loaded. Generation for people
 * samples; parity needs argmax, so it has its own call. Nothing here is used by the pages.
 */
import { encodePrompt } from '../../models/text/encode.ts';
import { type GreedyStep, greedyTopK } from '../../models/text/greedy-top.ts';
import type { TextNetwork } from '../../models/text/network.ts';
import type { Vocabulary } from '../../models/text/vocabulary.ts';
import type { Handlers } from '../../runtime/rpc.ts';
import type { TaskRuntime } from './task-runtime.ts';

export type ParityCalls = {
  /** `steps` greedy words after `prompt`, each with the top `k` ids and probabilities; call `load` for text first. */
  parityGreedyText: {
    params: { prompt: string; steps: number; k: number };
    result: { steps: GreedyStep[]; words: string[] };
    update: never;
  };
};

export const parityHandlers = ({ models, guarded }: TaskRuntime): Handlers<ParityCalls> => ({
  parityGreedyText: ({ prompt, steps, k }) =>
    guarded(async () => {
      // The text task builds { network, vocabulary } (tasks/text.ts).
      const { network, vocabulary } = (await models.load('text')) as unknown as { network: TextNetwork; vocabulary: Vocabulary };
      const encoded = encodePrompt(vocabulary, prompt);
      const result = await greedyTopK(network, encoded.ids, { steps, k, unknownId: vocabulary.unknownId });
      return { steps: result, words: result.map((s) => vocabulary.wordOf(s.ids[0]) ?? '') };
    }),
});
