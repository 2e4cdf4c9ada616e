/**
 * What a person may be shown: an error of the project's own kind whose message is written in words,
 * not a JavaScript or tfjs internal (a TypeError, 'undefined', a stack trace) that escaped a parser.
 */

/** Phrases that mean an internal leaked into a message, unless the person's own input holds them. */
const INTERNAL_PHRASES = [
  'undefined',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'AssertionError',
  'Cannot read properties',
  'is not a function',
  'is not iterable',
  'Maximum call stack',
  '[object Object]',
] as const;
const INTERNAL_PATTERNS = [/\bNaN\b/, /\n\s+at .*:\d+/] as const;

/** Longer than a short paragraph: a message that quotes a whole line or file. */
const MAX_MESSAGE_LENGTH = 600;

/** Why `message` is not fit for a person, or null when it is; phrases `input` itself contains are echoes, not leaks. */
export function messageProblem(message: string, input: string): string | null {
  if (message.trim() === '') return 'the message is empty';
  if (message.length > MAX_MESSAGE_LENGTH) return `the message is ${message.length} characters long, too long to read`;
  const phrase = INTERNAL_PHRASES.find((p) => message.includes(p) && !input.includes(p));
  if (phrase) return `the message contains '${phrase}'`;
  const pattern = INTERNAL_PATTERNS.find((p) => p.test(message) && !p.test(input));
  if (pattern) return `the message matches ${pattern}`;
  return null;
}

/** Throws (so fast-check reports the input) unless `error` is a plain error for a person. */
export function expectPlainError(error: unknown, input: string, names: readonly string[] = ['Error']): void {
  if (!(error instanceof Error)) throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
  if (!names.includes(error.name)) throw new Error(`threw a ${error.name}: ${error.message}`, { cause: error });
  const problem = messageProblem(error.message, input);
  if (problem) throw new Error(`${problem}: ${error.message}`, { cause: error });
}

/** The same check for messages that are returned rather than thrown (warnings, form problems). */
export function expectPlainMessage(message: string, input: string): void {
  const problem = messageProblem(message, input);
  if (problem) throw new Error(`${problem}: ${message}`);
}
