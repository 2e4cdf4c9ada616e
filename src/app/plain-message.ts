/**
 * What a person reads when something fails: plain words and what to do next. Messages the app
 * writes itself pass through; a tfjs or JavaScript internal message (a TypeError, "tf.ready", a
 * stack) is mapped to plain words where its cause is known, else replaced by the caller's sentence,
 * and kept in the console for whoever debugs it.
 */

/**
 * Phrases that only a program would write: their presence means the message was not written for
 * people. The tests' check of every shown message (src/testing/plain-error.ts) uses this list too.
 */
export const INTERNAL_PHRASES: readonly RegExp[] = [
  /tf\.ready|setBackend|has not yet been initialized|backend '\w+'/i,
  /AssertionError|TypeError|ReferenceError|RangeError|SyntaxError|DOMException|InternalError|EvalError/,
  // 'undefined' anywhere (undefinedValue too), as no sentence for a person contains it.
  /undefined|\bof null\b|\[object \w+\]|\bNaN\b/,
  /cannot read propert|is not a function|is not defined|is not iterable|unexpected token|maximum call stack/i,
  /\n\s*at \S|@(https?|blob|webpack):|\.tsx?:\d+|\.js:\d+/,
];

/** Causes a person can do something about, whatever the words the browser used. */
const KNOWN: Array<[RegExp, string]> = [
  [
    /out of memory|\bOOM\b|failed to allocate|allocation failed|array buffer allocation/i,
    'This device ran out of memory. Close other tabs or apps, then try again.',
  ],
  [/context (was )?lost|CONTEXT_LOST/i, 'The graphics processor was reset. Try again; tabml continues on the CPU.'],
  [
    /QuotaExceeded|quota/i,
    "This device's storage for the site is full. Free some space (or clear this site's stored data), then try again.",
  ],
  [
    /failed to fetch|NetworkError|network request failed|Load failed/i,
    'The network request failed. Check your connection, then try again.',
  ],
];

export function looksInternal(message: string): boolean {
  return message.trim() === '' || INTERNAL_PHRASES.some((pattern) => pattern.test(message));
}

/** JavaScript's own errors (and the worker's unlabelled ones, kind 'internal') were never meant for people. */
const RAW_ERROR_NAMES = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'DOMException']);
const isRaw = (err: unknown) => err instanceof Error && (RAW_ERROR_NAMES.has(err.name) || (err as { kind?: unknown }).kind === 'internal');

/** The error's text if it was written for people, else plain words (`fallback` when the cause is unknown). */
export function plainMessage(err: unknown, fallback: string): string {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (!isRaw(err) && !looksInternal(message)) return message;
  console.error('tabml:', err);
  return KNOWN.find(([pattern]) => pattern.test(message))?.[1] ?? fallback;
}
