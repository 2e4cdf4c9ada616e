/** Text: the word LSTM writes patent abstracts after a prompt, one word at a time, streamed. */

import { seededRandom } from '../../models/common/random.ts';
import { encodePrompt } from '../../models/text/encode.ts';
import { generateIds, promptWindow } from '../../models/text/generate.ts';
import { TextNetwork } from '../../models/text/network.ts';
import { EMPTY_PROMPT_MESSAGE, requestProblem } from '../../models/text/request.ts';
import type { Vocabulary } from '../../models/text/vocabulary.ts';
import { parseVocabulary } from '../../models/text/vocabulary-json.ts';
import { layersModelFrom, type ModelPackage, PackageError } from '../../runtime/model-package.ts';
import { type Handlers, KindedError } from '../../runtime/rpc.ts';
import type { TextCalls } from '../inference-protocol.ts';
import type { TaskRuntime } from './task-runtime.ts';

// The page's types, from where they used to be declared.

interface TextModel {
  network: TextNetwork;
  vocabulary: Vocabulary;
  dispose(): void;
}

const buildTextModel = async (pkg: ModelPackage): Promise<TextModel> => {
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
};

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

export function textHandlers({ models, guarded }: TaskRuntime): Handlers<TextCalls> {
  const textModel = models.define('text', buildTextModel);
  return {
    async generateText({ prompt, diversity, words, rngSeed, method = 'stateful' }, { signal, update }) {
      const problem = requestProblem({ prompt, diversity, words, rngSeed });
      if (problem) throw new KindedError(problem, 'input');
      if (method !== 'stateful' && method !== 'fullReread') throw new KindedError(`Unknown generation method ${String(method)}.`, 'input');
      const usedRngSeed = rngSeed ?? freshRngSeed();
      return guarded(async () => {
        const { network, vocabulary } = await textModel(signal);
        const encoded = encodePrompt(vocabulary, prompt);
        if (encoded.words.length === 0) throw new KindedError(EMPTY_PROMPT_MESSAGE, 'input');
        const promptWords = encoded.words.slice(-promptWindow(encoded.ids).length);
        update({ kind: 'prompt', promptWords, unknownWords: encoded.unknownWords });
        const started = performance.now();
        const written: string[] = [];
        const options = { words, diversity, random: seededRandom(usedRngSeed), method, unknownId: vocabulary.unknownId };
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
          promptWords,
          unknownWords: encoded.unknownWords,
          rngSeed: usedRngSeed,
          method,
          ms: performance.now() - started,
        };
      });
    },
  };
}
