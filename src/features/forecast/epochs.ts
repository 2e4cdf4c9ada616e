/** The epochs field: a whole number in the range the worker accepts (models/forecast/epoch-count.ts). */
import { EPOCH_COUNT_RULE, isEpochCount } from '../../models/forecast/epoch-count.ts';

export function parseEpochs(text: string): { epochs: number } | { error: string } {
  const value = text.trim();
  const epochs = Number(value);
  // Digits only: Number() would also take '1e3' or '0x10', which nobody means as a count.
  if (!/^\d+$/.test(value) || !isEpochCount(epochs)) {
    return { error: `${EPOCH_COUNT_RULE}${value ? ` (not '${value}')` : ''}.` };
  }
  return { epochs };
}
