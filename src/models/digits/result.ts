/** A recognized digit and the JSON the seed's `POST /recognize.json` answered (no tfjs here). */
import { DIGIT_CLASSES } from './constants.ts';

export interface DigitResult {
  digit: number;
  confidence: number;
  probabilities: number[];
}

export function toDigitResult(probabilities: number[]): DigitResult {
  if (probabilities.length !== DIGIT_CLASSES) throw new Error(`expected ${DIGIT_CLASSES} probabilities`);
  let digit = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[digit]) digit = i;
  return { digit, confidence: probabilities[digit], probabilities };
}

export function digitJson(result: DigitResult): string {
  const round = (p: number) => Math.round(p * 1e6) / 1e6;
  return JSON.stringify({ digit: result.digit, confidence: round(result.confidence), probabilities: result.probabilities.map(round) });
}
