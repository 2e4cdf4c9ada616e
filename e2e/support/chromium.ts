/** Debian's Chromium (Playwright's own browser download is not reachable here); CHROMIUM_PATH overrides. */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
}

/**
 * Flags that keep Chromium from calling home (this network is closed) and let it run as root, plus
 * SwiftShader allowed explicitly: recent Chromium no longer falls back to software WebGL by itself,
 * and the tests that force WebGL must keep running on WebGL (they assert it) after an update.
 * The app's automatic choice still declines software WebGL, so the other tests run on WASM.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];
