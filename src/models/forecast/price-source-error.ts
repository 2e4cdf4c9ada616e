/**
 * A price source's answer that cannot be used, said in words the visitor can act on. Parsers of
 * outside answers throw only this; anything else escaping them is a bug (the property tests look).
 */
export class PriceSourceError extends Error {
  override name = 'PriceSourceError';
}

/** A short, single-line quote of an outside value for a message (it may be anything). */
export function quote(value: unknown, max = 40): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return 'a value too deeply nested to show'; // JSON.stringify overflows its stack (or met a cycle)
  }
  const line = text.replace(/\s+/g, ' ');
  return `'${line.length > max ? `${line.slice(0, max)}…` : line}'`;
}
