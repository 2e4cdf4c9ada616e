/**
 * What a page does with a failed worker call, decided by its kind in one exhaustive switch: a new
 * kind in runtime/error-kinds.ts does not compile until it is placed here.
 */
import { assertNever, type ErrorKind, isErrorKind } from '../runtime/error-kinds.ts';

/**
 * 'cancelled': the person stopped it (or left): say so quietly, keep what was there.
 * 'wait-for-model': the model it needed is not downloaded: keep the input, send it again once ready.
 * 'show': say what went wrong (plain-message.ts) and what to do next.
 */
export type Failure = 'cancelled' | 'wait-for-model' | 'show';

export function failureOf(kind: ErrorKind): Failure {
  switch (kind) {
    case 'cancelled':
      return 'cancelled';
    case 'model-unavailable':
      return 'wait-for-model';
    case 'network':
    case 'integrity':
    case 'format':
    case 'input':
    case 'busy':
    case 'invalid':
    case 'storage':
    case 'unsupported':
    case 'runtime':
    case 'internal':
      return 'show';
    default:
      return assertNever(kind);
  }
}

/** The failure of any thrown value: one without a known kind is shown (as plain words). */
export function failureOfError(err: unknown): Failure {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return isErrorKind(kind) ? failureOf(kind) : 'show';
}
