/**
 * What a person may be shown: an error of the project's own kind whose message is written in words,
 * not a JavaScript or tfjs internal (a TypeError, 'undefined', a stack trace) that escaped a parser.
 */
import { INTERNAL_PHRASES } from '../app/plain-message.ts';

/** Longer than a short paragraph: a message that quotes a whole line or file. */
const MAX_MESSAGE_LENGTH = 600;

/** Why `message` is not fit for a person, or null when it is; phrases `input` itself contains are echoes, not leaks. */
export function messageProblem(message: string, input: string): string | null {
  if (message.trim() === '') return 'the message is empty';
  if (message.length > MAX_MESSAGE_LENGTH) return `the message is ${message.length} characters long, too long to read`;
  const leak = leakedPhrase(message, input);
  return leak ? `the message contains '${leak.found}', which matches ${leak.pattern}` : null;
}

/** The first internal phrase (the app's own list) in `message` that `input` does not hold: a phrase the input holds is an echo. */
function leakedPhrase(message: string, input: string): { found: string; pattern: RegExp } | null {
  for (const pattern of INTERNAL_PHRASES) {
    for (const [found] of message.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      if (!input.includes(found)) return { found, pattern };
    }
  }
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
