/** Debian's Chromium (Playwright's own browser download is not reachable here); CHROMIUM_PATH overrides. */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
}

/** Flags that keep Chromium from calling home (this network is closed) and let it run as root. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
