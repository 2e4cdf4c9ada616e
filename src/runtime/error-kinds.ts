/**
 * Every kind of error a worker call can fail with. The page switches on these (exhaustively: see
 * `assertNever`), so a new kind must be handled everywhere it matters before the code compiles.
 */
export const ERROR_KINDS = [
  /** The download of a model package failed: no connection, an error status. */
  'network',
  /** A downloaded file's sha256 differs from its meta.json. */
  'integrity',
  /** A file (a package, a model, a CSV) is not what it must be. */
  'format',
  /** The caller cancelled, or left the page. */
  'cancelled',
  /** A request needed a model whose download failed or was cancelled (see ModelStatus). */
  'model-unavailable',
  /** What the person gave is out of range (epochs, prices too short). */
  'input',
  /** Another long call is running (a training). */
  'busy',
  /** A trained model failed its checks (not numbers). */
  'invalid',
  /** IndexedDB refused a write (full, private mode). */
  'storage',
  /** No TensorFlow.js backend could start. */
  'unsupported',
  /** A state the worker cannot serve yet (no model loaded). */
  'runtime',
  /** Anything thrown without a kind: a bug, never shown as it is (see plain-message.ts). */
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The kind of a request's error when the model it needs could not be downloaded. */
export const MODEL_UNAVAILABLE = 'model-unavailable' satisfies ErrorKind;

export const isErrorKind = (value: unknown): value is ErrorKind => (ERROR_KINDS as readonly unknown[]).includes(value);

/** For a `switch` over a union: compiles only if every member was handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case ${String(value)}`);
}
