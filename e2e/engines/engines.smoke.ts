/**
 * `npm run test:engines`: the smoke suite (smoke-suite.ts) in WebKit and in Firefox, on the
 * production build in TABML_DIST (default dist). ENGINES=webkit or ENGINES=firefox runs one.
 * Not a Playwright spec (Playwright's engines cannot be downloaded here) and not a Vitest test.
 */
import { findFirefox, findWebKit, skipReason } from './find-engines.ts';
import { launchFirefox } from './firefox-driver.ts';
import { smokeSuite } from './smoke-suite.ts';
import { launchWebKit } from './webkit-driver.ts';

const dist = process.env.TABML_DIST ?? 'dist';
const port = Number(process.env.TABML_ENGINES_PORT ?? 4175);
const webDriverPort = Number(process.env.TABML_WEBDRIVER_PORT ?? port + 1);
const only = process.env.ENGINES?.split(',');

if (!only || only.includes('webkit')) {
  const webkit = findWebKit();
  smokeSuite({
    engine: 'webkit',
    skip: skipReason('webkit', webkit),
    launch: () => launchWebKit(webkit.ok ? webkit.binaries : (undefined as never), { port: webDriverPort }),
    dist,
    port,
  });
}

if (!only || only.includes('firefox')) {
  const firefox = findFirefox();
  smokeSuite({
    engine: 'firefox',
    skip: skipReason('firefox', firefox),
    launch: () => launchFirefox(firefox.ok ? firefox.binaries : (undefined as never)),
    dist,
    port,
  });
}
