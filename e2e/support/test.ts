/**
 * The `test` every spec uses: Playwright's, with a web server of its own for each Playwright worker.
 * The specs switch the server's faults on and off (setFaults), so a shared server would let one
 * worker's corrupt shard reach another worker's page; with one server per worker, the specs can run
 * side by side. TABML_DIST serves another build folder (default dist).
 */
import { test as base } from '@playwright/test';
import { type StaticServer, startStaticServer } from './static-server.ts';

export const DIST = process.env.TABML_DIST ?? 'dist';

export const test = base.extend<object, { appServer: StaticServer }>({
  appServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function asks for from its first parameter.
    async ({}, use) => {
      const server = await startStaticServer({ root: DIST });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ appServer }, use) => use(appServer.url),
});

export { expect } from '@playwright/test';
