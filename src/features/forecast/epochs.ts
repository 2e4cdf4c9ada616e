/** The epochs field: a whole number in the range the worker accepts. */
import { MAX_EPOCHS } from '../../models/forecast/constants.ts';

export function parseEpochs(text: string): { epochs: number } | { error: string } {
  const value = text.trim();
  const epochs = Number(value);
  if (!/^\d+$/.test(value) || epochs < 1 || epochs > MAX_EPOCHS) {
    return { error: `Epochs must be a whole number from 1 to ${MAX_EPOCHS}${value ? ` (not '${value}')` : ''}.` };
  }
  return { epochs };
}
