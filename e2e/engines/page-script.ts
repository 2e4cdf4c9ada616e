/** Turns a function and its argument into source text that both drivers run in the page. */

/**
 * An expression whose value is a promise of `{"value": ...}` or `{"error": "..."}` as JSON text.
 * tsx wraps named functions in a `__name(...)` helper that the page lacks: it gets a harmless one.
 */
export function pageExpression<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(async () => {
    const __name = (f) => f;
    try {
      const value = await (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'});
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      return JSON.stringify({ error: String(error && error.stack || error) });
    }
  })()`;
}

export function parsePageResult<R>(json: unknown, what: string): R {
  const result = JSON.parse(String(json)) as { value?: R; error?: string };
  if (result.error !== undefined) throw new Error(`${what} failed in the page: ${result.error}`);
  return result.value as R;
}
