/** Sizes of the text model's input, kept free of tfjs so the page can import them. */

/** Words of context the model reads to predict the next one (the original app's training_length). */
export const WINDOW_LENGTH = 50;
