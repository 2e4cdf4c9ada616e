/** Shape of the digit model's input and output; kept free of tfjs so the page can import it. */
export const DIGIT_SIZE = 28;
export const DIGIT_CLASSES = 10;
