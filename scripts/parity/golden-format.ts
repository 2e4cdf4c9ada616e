/** The golden answers' file (e2e/fixtures/parity-golden.json): what it holds and how to read it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GreedyStep } from '../../src/models/text/greedy-top.ts';

export const GOLDEN_FILE = path.resolve(import.meta.dirname, '../../e2e/fixtures/parity-golden.json');

export interface GoldenImage {
  photo: number;
  probabilities: number[];
}

export interface Golden {
  made: { command: string; tfjs: string; backend: string };
  /** The ten test digits: the 28×28 input the app's normalization made (float32, base64) and its probabilities. */
  digits: Array<{ digit: number; input: string; probabilities: number[] }>;
  /** The shipped model through its own task, and the same files through the bring-your-own path. */
  images: { shipped: GoldenImage[]; byo: GoldenImage[] };
  text: Array<{ prompt: string; steps: GreedyStep[]; words: string[] }>;
  forecast: {
    /** The 7 predicted closes (USD) of the shipped model. */
    prediction: number[];
    /** "Retrain the old model" from the shipped weights: MSE per epoch, then the new 7-day prediction. */
    retrain: { epochs: number; losses: number[]; prediction: number[] };
  };
}

export const readGolden = (): Golden => JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;

export const encodeFloats = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

export function decodeFloats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
