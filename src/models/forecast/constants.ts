/** Sizes and defaults of the forecast model, kept free of tfjs so the page can import them. */

/** Days per group ("week"): the model reads sequences of weeks and predicts the next one. */
export const PERIOD_LENGTH = 7;

// The epoch limits are settings (runtime/settings.ts); re-exported for the code that always read them here.
export { DEFAULT_EPOCHS, MAX_EPOCHS } from '../../runtime/settings.ts';
