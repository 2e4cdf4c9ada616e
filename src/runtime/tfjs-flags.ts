/**
 * tfjs flags from the page's URL, in tfjs's own convention: `?tfjsflags=NAME:value,NAME:value`.
 * tfjs reads that itself, but only from the page's own location: a worker's URL has no query, so
 * the page parses the flags and hands them to each worker, which sets them before its backend starts.
 * That lets anyone reproduce a phone's GPU path on a desktop
 * (`WEBGL_FORCE_F16_TEXTURES:true,WEBGL_RENDER_FLOAT32_ENABLED:false`).
 */
export type TfjsFlags = Record<string, boolean | number | string>;

function parseValue(text: string): boolean | number | string {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

/** The flags named in `search`'s `tfjsflags`; malformed entries (no name, no colon) are skipped. */
export function tfjsFlagsFrom(search: string): TfjsFlags {
  const raw = new URLSearchParams(search).get('tfjsflags');
  const flags: TfjsFlags = {};
  if (!raw) return flags;
  for (const entry of raw.split(',')) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon).trim();
    if (colon < 1 || !/^[A-Z0-9_]+$/.test(name)) continue;
    flags[name] = parseValue(entry.slice(colon + 1).trim());
  }
  return flags;
}

/** `NAME:value, …` for the badge's explanation. */
export function describeFlags(flags: TfjsFlags): string {
  return Object.entries(flags)
    .map(([name, value]) => `${name}:${String(value)}`)
    .join(', ');
}
