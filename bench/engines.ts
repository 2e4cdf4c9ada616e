/**
 * `npm run bench -- --only engines` (and part of a whole run): a full VGG16 forward (the same model,
 * image and runs as images.vgg16Ms.wasm) in WebKit and in Firefox, driven as the smoke suite drives
 * them (e2e/engines/). WebKitGTK runs it twice: as shipped, where it gives WASM one thread, and with
 * JavaScriptCore's shared memory turned on (JSC_useSharedArrayBuffer), which is what Safari does for
 * a cross-origin-isolated page: the difference threads make in WebKit.
 */

import { waitFor } from '../e2e/engines/app.ts';
import type { EnginePage } from '../e2e/engines/engine-page.ts';
import { findFirefox, findWebKit } from '../e2e/engines/find-engines.ts';
import { launchFirefox } from '../e2e/engines/firefox-driver.ts';
import { launchWebKit } from '../e2e/engines/webkit-driver.ts';
import { median } from './stats.ts';

export const ENGINE_KEYS = ['images.vgg16Ms.webkit', 'images.vgg16Ms.webkitThreads', 'images.vgg16Ms.firefox'] as const;

const WARM_UP = 3;
const RUNS = 10;

/** Loads bench-vgg16 in the page's worker on WASM and times RUNS forwards after WARM_UP. */
async function vgg16Times(page: EnginePage, base: string): Promise<{ times: number[]; badge: string }> {
  await page.goto(`${base}?backend=wasm#/about`);
  const badge = await waitFor(
    'the WASM backend',
    () =>
      page.evaluate(
        () => ((window as any).__tabml ? (document.querySelector('[data-testid="backend-badge"]')?.textContent ?? '') : ''),
        null,
      ),
    (text) => /wasm/.test(text),
  );
  const times = await page.evaluate(
    async ({ warmUp, runs }) => {
      const client = (window as any).__tabml.client;
      await client.call('loadCustomImageModelFromUrl', { url: new URL('bench-vgg16/model.json', location.href).href });
      const image = { data: new Uint8ClampedArray(224 * 224 * 4).fill(128), width: 224, height: 224, channels: 4 };
      const preprocessing = { interpolation: 'nearest', mode: 'caffe' };
      const ms: number[] = [];
      for (let i = 0; i < warmUp + runs; i++) {
        const t0 = performance.now();
        await client.call('classifyWithCustomModel', { image, preprocessing });
        if (i >= warmUp) ms.push(performance.now() - t0);
      }
      await client.call('unloadCustomImageModel', {});
      return ms;
    },
    { warmUp: WARM_UP, runs: RUNS },
  );
  return { times, badge };
}

/** Measures in one engine; returns what ran, for the report: "<version> (<badge>)". */
async function measure(
  key: string,
  launch: () => Promise<EnginePage>,
  base: string,
  record: (key: string, value: number) => void,
): Promise<string> {
  const page = await launch();
  try {
    const { times, badge } = await vgg16Times(page, base);
    console.log(`  ${key}: ${page.version}, ${badge}; runs ${JSON.stringify(times.map(Math.round))} ms`);
    record(key, median(times));
    return `${page.version} (${badge})`;
  } finally {
    await page.close();
  }
}

/**
 * Records the keys of the engines found and says which are missing (the bench is not CI: no
 * failure). Returns a line for the report: which engines ran, with what backend.
 */
export async function benchEngines(base: string, webDriverPort: number, record: (key: string, value: number) => void): Promise<string> {
  const ran: string[] = [];
  const webkit = findWebKit();
  if (webkit.ok) {
    ran.push(await measure('images.vgg16Ms.webkit', () => launchWebKit(webkit.binaries, { port: webDriverPort }), base, record));
    const withSharedMemory = () => launchWebKit(webkit.binaries, { port: webDriverPort, sharedMemory: true });
    ran.push(`with JSC_useSharedArrayBuffer=1 ${await measure('images.vgg16Ms.webkitThreads', withSharedMemory, base, record)}`);
  } else {
    console.warn(`bench: WebKit not measured: ${webkit.missing} is not installed.`);
  }
  const firefox = findFirefox();
  if (firefox.ok) ran.push(await measure('images.vgg16Ms.firefox', () => launchFirefox(firefox.binaries), base, record));
  else console.warn(`bench: Firefox not measured: ${firefox.missing} is not installed.`);
  return ran.length ? `${ran.join('; ')}, driven over WebDriver (e2e/engines/), ${new Date().toISOString().slice(0, 10)}` : '';
}
