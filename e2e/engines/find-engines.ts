/**
 * Finds the browser engines Debian ships (`.ci/run` installs them): WebKitGTK's WebDriver and
 * MiniBrowser (webkit2gtk-driver) run under a virtual X display (xvfb), Firefox ESR runs headless.
 * FIREFOX_PATH, MINIBROWSER_PATH and WEBKIT_WEBDRIVER_PATH override the search.
 */
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EngineName } from './engine-page.ts';

export interface WebKitBinaries {
  webDriver: string;
  miniBrowser: string;
  /** xvfb-run, unless a display is already there. */
  xvfbRun: string | null;
}

export type Found<T> = { ok: true; binaries: T } | { ok: false; missing: string };

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An override from the environment: undefined when unset, null when it names no executable. */
function fromEnv(name: string): string | null | undefined {
  const file = process.env[name];
  if (!file) return undefined;
  return executable(file) ? file : null;
}

/** The override if one is set (null if it is no executable), else what `search` finds. */
function orSearch(override: string | null | undefined, search: () => string | null): string | null {
  return override === undefined ? search() : override;
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** MiniBrowser lives in the library folder, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/. */
function findMiniBrowser(): string | null {
  if (process.env.MINIBROWSER_PATH) return fromEnv('MINIBROWSER_PATH') ?? null;
  const roots = ['/usr/lib', '/usr/libexec', '/usr/lib64'];
  for (const root of roots) {
    const dirs = [
      root,
      ...safeList(root)
        .filter((d) => d.endsWith('-linux-gnu'))
        .map((d) => path.join(root, d)),
    ];
    for (const dir of dirs) {
      for (const entry of safeList(dir)
        .filter((d) => /^webkit2?gtk-/.test(d))
        .sort()
        .reverse()) {
        const candidate = path.join(dir, entry, 'MiniBrowser');
        if (executable(candidate)) return candidate;
      }
    }
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function findWebKit(): Found<WebKitBinaries> {
  const webDriver = orSearch(fromEnv('WEBKIT_WEBDRIVER_PATH'), () => onPath('WebKitWebDriver'));
  if (!webDriver) return { ok: false, missing: 'WebKitWebDriver (Debian package webkit2gtk-driver)' };
  const miniBrowser = findMiniBrowser();
  if (!miniBrowser) return { ok: false, missing: 'MiniBrowser (Debian package webkit2gtk-driver brings it with libwebkit2gtk)' };
  const xvfbRun = process.env.DISPLAY ? null : onPath('xvfb-run');
  if (!process.env.DISPLAY && !xvfbRun) return { ok: false, missing: 'a display for MiniBrowser: xvfb-run (Debian package xvfb)' };
  return { ok: true, binaries: { webDriver, miniBrowser, xvfbRun } };
}

export function findFirefox(): Found<string> {
  const firefox = orSearch(fromEnv('FIREFOX_PATH'), () => onPath('firefox-esr') ?? onPath('firefox'));
  if (!firefox) return { ok: false, missing: 'Firefox (Debian package firefox-esr)' };
  return { ok: true, binaries: firefox };
}

/**
 * In CI a missing engine fails the run; elsewhere the suite skips that engine and says so loudly.
 * Returns the reason to skip, or null to run.
 */
export function skipReason(engine: EngineName, found: Found<unknown>): string | null {
  if (found.ok) return null;
  const message = `${engine}: ${found.missing} is not installed, so the ${engine} smoke tests cannot run. Install it (see .ci/run).`;
  if (process.env.CI) throw new Error(`CI needs every engine. ${message}`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPED ${message}\n${'!'.repeat(78)}\n`);
  return message;
}
