/**
 * "Random" starts: held-out abstracts the build wrote into samples/text/abstracts.json (absent when
 * the build had no DATA_DIR). The first 50 words are the prompt; the next ones are what the patent said.
 */
import { WINDOW_LENGTH } from '../../models/text/constants.ts';
import { removeSpaces } from '../../models/text/format-sequence.ts';

export const TEXT_SAMPLES_PATH = 'samples/text/abstracts.json';

export interface SampleAbstract {
  patentNumber: string;
  words: string[];
}

/** Checks the file's shape; keeps only abstracts long enough to have a prompt and a continuation. */
export function parseTextSamples(value: unknown): SampleAbstract[] {
  if (typeof value !== 'object' || value === null) return [];
  const abstracts = (value as { abstracts?: unknown }).abstracts;
  if (!Array.isArray(abstracts)) return [];
  return abstracts.filter(
    (a): a is SampleAbstract =>
      typeof a === 'object' &&
      a !== null &&
      typeof (a as SampleAbstract).patentNumber === 'string' &&
      Array.isArray((a as SampleAbstract).words) &&
      (a as SampleAbstract).words.length > WINDOW_LENGTH &&
      (a as SampleAbstract).words.every((w) => typeof w === 'string'),
  );
}

export interface RandomStart {
  patentNumber: string;
  /** The prompt, as text the page puts in the prompt box. */
  prompt: string;
  /** The abstract's real next words, as text. */
  actual: string;
}

export function randomStart(abstract: SampleAbstract, words: number): RandomStart {
  return {
    patentNumber: abstract.patentNumber,
    prompt: removeSpaces(abstract.words.slice(0, WINDOW_LENGTH).join(' ')),
    actual: removeSpaces(abstract.words.slice(WINDOW_LENGTH, WINDOW_LENGTH + words).join(' ')),
  };
}

/** Downloads the samples once per page load; null when this build has none (or offline before caching). */
let samples: Promise<SampleAbstract[] | null> | null = null;
export function loadTextSamples(): Promise<SampleAbstract[] | null> {
  samples ??= (async () => {
    try {
      const response = await fetch(new URL(TEXT_SAMPLES_PATH, location.href).href);
      if (!response.ok) return null;
      const list = parseTextSamples(await response.json());
      return list.length > 0 ? list : null;
    } catch {
      return null;
    }
  })();
  const pending = samples;
  void pending.then((list) => {
    if (list === null && samples === pending) samples = null; // try again next time (e.g. back online)
  });
  return pending;
}

/** Without samples the network writes its own start after one of these common first words. */
export const OWN_START_WORDS = ['A', 'The', 'An', 'Methods', 'Systems'] as const;
