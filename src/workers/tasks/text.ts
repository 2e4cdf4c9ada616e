/** Text: the word LSTM writes patent abstracts after a seed, one word at a time, streamed. */

import { seededRandom } from '../../models/common/random.ts';
import { encodeSeed } from '../../models/text/encode.ts';
import { type GenerationMethod, generateIds, seedWindow } from '../../models/text/generate.ts';
import { TextNetwork } from '../../models/text/network.ts';
import { EMPTY_SEED_MESSAGE, requestProblem } from '../../models/text/request.ts';
import type { Vocabulary } from '../../models/text/vocabulary.ts';
import { parseVocabulary } from '../../models/text/vocabulary-json.ts';
import { layersModelFrom, PackageError } from '../../runtime/model-package.ts';
import { type Handlers, KindedError } from '../../runtime/rpc.ts';
import { defineTask, guarded } from '../inference-core.ts';

export interface TextGeneration {
  /** The new words, in order (the seed is not repeated). */
  words: string[];
  /** The words the network read first: the seed's last 50, as the tokenizer split them. */
  seedWords: string[];
  /** Seed words outside the vocabulary (each once); the network read them as "unknown". */
  unknownWords: string[];
  /** The random seed used: pass it again to get the same words. */
  rngSeed: number;
  method: GenerationMethod;
  ms: number;
}

export type TextCalls = {
  /** Continues `seed` with `words` new words; streams each as it is sampled; cancel stops at once. */
  generateText: {
    params: { seed: string; diversity: number; words: number; rngSeed?: number; method?: GenerationMethod };
    result: TextGeneration;
    update: TextUpdate;
  };
};

/** First what the network read (so the page can show it at once), then each new word. */
export type TextUpdate = { kind: 'seed'; seedWords: string[]; unknownWords: string[] } | { kind: 'word'; index: number; word: string };

interface TextModel {
  network: TextNetwork;
  vocabulary: Vocabulary;
  dispose(): void;
}

const textModel = defineTask('text', async (pkg): Promise<TextModel> => {
  const file = pkg.files.get('vocabulary.json');
  if (!file) throw new PackageError('The text model package has no vocabulary.json.', 'format');
  let vocabulary: Vocabulary;
  try {
    vocabulary = parseVocabulary(new TextDecoder().decode(file));
  } catch (err) {
    throw new PackageError((err as Error).message, 'format');
  }
  const network = new TextNetwork(await layersModelFrom(pkg));
  if (network.idCount !== vocabulary.idCount) {
    network.dispose();
    throw new PackageError(`The text model predicts ${network.idCount} ids but its vocabulary has ${vocabulary.idCount}.`, 'format');
  }
  // Warm-up: the first step pays for kernel set-up, not the visitor's first word.
  for await (const id of generateIds(network, [1], {
    words: 1,
    diversity: 1,
    random: seededRandom(0),
    method: 'stateful',
    unknownId: vocabulary.unknownId,
  }))
    void id;
  return { network, vocabulary, dispose: () => network.dispose() };
});

/** Lets the worker read its messages (a cancel) between words; unlike setTimeout, never clamped to 4 ms. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function freshRngSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

export const textHandlers: Handlers<TextCalls> = {
  async generateText({ seed, diversity, words, rngSeed, method = 'stateful' }, { signal, update }) {
    const problem = requestProblem({ seed, diversity, words, rngSeed });
    if (problem) throw new KindedError(problem, 'input');
    if (method !== 'stateful' && method !== 'seedMethod') throw new KindedError(`Unknown generation method ${String(method)}.`, 'input');
    const seedNumber = rngSeed ?? freshRngSeed();
    return guarded(async () => {
      const { network, vocabulary } = await textModel(signal);
      const encoded = encodeSeed(vocabulary, seed);
      if (encoded.words.length === 0) throw new KindedError(EMPTY_SEED_MESSAGE, 'input');
      const seedWords = encoded.words.slice(-seedWindow(encoded.ids).length);
      update({ kind: 'seed', seedWords, unknownWords: encoded.unknownWords });
      const started = performance.now();
      const written: string[] = [];
      const options = { words, diversity, random: seededRandom(seedNumber), method, unknownId: vocabulary.unknownId };
      for await (const id of generateIds(network, encoded.ids, options)) {
        const word = vocabulary.wordOf(id);
        if (word === undefined) throw new Error(`The model wrote id ${id}, which is not a word.`);
        update({ kind: 'word', index: written.length, word });
        written.push(word);
        await nextTask();
        if (signal.aborted) break; // leaving the loop frees the LSTM state
      }
      if (signal.aborted) throw new KindedError(`Stopped after ${written.length} words.`, 'cancelled');
      return {
        words: written,
        seedWords,
        unknownWords: encoded.unknownWords,
        rngSeed: seedNumber,
        method,
        ms: performance.now() - started,
      };
    });
  },
};
