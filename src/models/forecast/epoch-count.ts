/** How many epochs a forecast training may run; the page's field and the worker both ask here. */
import { MAX_EPOCHS } from './constants.ts';

export const isEpochCount = (epochs: number): boolean => Number.isInteger(epochs) && epochs >= 1 && epochs <= MAX_EPOCHS;

/** The rule in words, for the sentence that refuses a count (each caller says what it got). */
export const EPOCH_COUNT_RULE = `Epochs must be a whole number from 1 to ${MAX_EPOCHS}`;
