/** Sizes and defaults of the forecast model, kept free of tfjs so the page can import them. */

/** Days per group ("week"): the model reads sequences of weeks and predicts the next one. */
export const PERIOD_LENGTH = 7;

/** Cryptonic's EPOCHS default. */
export const DEFAULT_EPOCHS = 300;
/** The most epochs the page lets one training run (300 take about a minute or two on WASM). */
export const MAX_EPOCHS = 5000;
