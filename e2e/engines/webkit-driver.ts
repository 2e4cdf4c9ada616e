/**
 * WebKit (WebKitGTK's MiniBrowser, the engine of Safari) driven over classic W3C WebDriver by
 * Debian's WebKitWebDriver. It speaks no WebDriver BiDi (a `webSocketUrl` session is refused), so a
 * few HTTP commands do: they are all this suite needs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { EnginePage } from './engine-page.ts';
import type { WebKitBinaries } from './find-engines.ts';
import { pageExpression, parsePageResult } from './page-script.ts';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * MiniBrowser's own console output does not reach us under WebDriver, so each loaded page gets a
 * hook that keeps console errors and uncaught exceptions; the driver collects them before the next
 * load. (Whatever fails before the hook is in place still shows on the page, which the suite checks.)
 */
function installConsoleHook(): void {
  const w = window as unknown as { __engineErrors?: string[] };
  if (w.__engineErrors) return;
  const errors: string[] = [];
  w.__engineErrors = errors;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => errors.push(`uncaught: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason)}`));
}

function takeConsoleErrors(): string[] {
  const w = window as unknown as { __engineErrors?: string[] };
  return w.__engineErrors?.splice(0) ?? [];
}

class WebKitPage implements EnginePage {
  readonly engine = 'webkit' as const;
  private errors: string[] = [];

  constructor(
    private readonly base: string,
    private readonly driver: ChildProcess,
    readonly version: string,
  ) {}

  private async command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${answer.value.error}: ${answer.value.message}`);
    return answer.value;
  }

  private async collectErrors(): Promise<void> {
    this.errors.push(...(await this.evaluate(takeConsoleErrors, null).catch(() => [])));
  }

  async goto(url: string): Promise<void> {
    await this.collectErrors();
    await this.command('POST', '/url', { url });
    await this.evaluate(installConsoleHook, null);
  }

  async reload(): Promise<void> {
    await this.collectErrors();
    await this.command('POST', '/refresh', {});
    await this.evaluate(installConsoleHook, null);
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const script = `const done = arguments[arguments.length - 1]; ${pageExpression(fn, arg)}.then(done);`;
    return parsePageResult<R>(await this.command('POST', '/execute/async', { script, args: [] }), 'evaluate');
  }

  private async find(selector: string): Promise<string> {
    const found = await this.command<Record<string, string>>('POST', '/element', { using: 'css selector', value: selector });
    return found[ELEMENT];
  }

  /**
   * The middle of the element once a click there would reach it, as Playwright's actionability checks do:
   * enabled, its box unchanged over two frames, and the top element at that point. Without the checks a
   * click right after the page re-rendered (a run just finished) could land on a disabled button or a shifted row.
   */
  private async middleOf(selector: string): Promise<[number, number]> {
    return this.evaluate(async (s) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let last = '';
      for (let tries = 0; tries < 300; tries++) {
        const element = document.querySelector(s);
        if (!element) throw new Error(`no element matches ${s}`);
        element.scrollIntoView({ block: 'center' });
        const r = element.getBoundingClientRect();
        const at: [number, number] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
        const box = `${r.x},${r.y},${r.width},${r.height}`;
        const hit = document.elementFromPoint(at[0], at[1]);
        const clickable = !element.matches(':disabled') && hit !== null && element.contains(hit);
        if (clickable && box === last) return at;
        last = box;
        await frame();
      }
      throw new Error(`${s} did not become clickable (disabled, moving or covered)`);
    }, selector);
  }

  async click(selector: string): Promise<void> {
    const at = await this.middleOf(selector);
    await this.drag([at]);
  }

  async type(selector: string, text: string): Promise<void> {
    const element = await this.find(selector);
    await this.command('POST', `/element/${element}/clear`, {});
    await this.command('POST', `/element/${element}/value`, { text });
  }

  async setFile(selector: string, filePath: string): Promise<void> {
    const element = await this.find(selector);
    await this.command('POST', `/element/${element}/value`, { text: filePath });
  }

  async drag(points: Array<readonly [number, number]>): Promise<void> {
    const [first, ...rest] = points;
    const move = ([x, y]: readonly [number, number]) => ({ type: 'pointerMove', duration: 0, origin: 'viewport', x, y });
    const actions = [move(first), { type: 'pointerDown', button: 0 }, ...rest.map(move), { type: 'pointerUp', button: 0 }];
    await this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.command('DELETE', '/actions');
  }

  async consoleErrors(): Promise<string[]> {
    await this.collectErrors();
    return [...this.errors];
  }

  async close(): Promise<void> {
    await this.command('DELETE', '').catch(() => undefined);
    if (this.driver.pid) {
      try {
        process.kill(-this.driver.pid, 'SIGTERM'); // xvfb-run, its X server and the driver
      } catch {
        // already gone
      }
    }
  }
}

async function waitForDriver(url: string, driver: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${driver.exitCode}`);
    const ready = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}`);
}

export interface WebKitOptions {
  port: number;
  /**
   * Turns on JavaScriptCore's shared memory (JSC_useSharedArrayBuffer), which WebKitGTK 2.50 leaves
   * off even on a cross-origin-isolated page. Only the bench uses it, to measure threaded WASM.
   */
  sharedMemory?: boolean;
}

export async function launchWebKit(binaries: WebKitBinaries, options: WebKitOptions): Promise<WebKitPage> {
  const driverArgs = [binaries.webDriver, `--port=${options.port}`];
  const [command, ...args] = binaries.xvfbRun ? [binaries.xvfbRun, '-a', ...driverArgs] : driverArgs;
  const env = { ...process.env, ...(options.sharedMemory ? { JSC_useSharedArrayBuffer: '1' } : {}) };
  const driver = spawn(command, args, { detached: true, stdio: 'ignore', env });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForDriver(url, driver);
  const session = await fetch(`${url}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: binaries.miniBrowser, args: ['--automation'] } } },
    }),
  }).then(
    (r) =>
      r.json() as Promise<{
        value: { sessionId?: string; message?: string; capabilities?: { browserName: string; browserVersion: string } };
      }>,
  );
  if (!session.value.sessionId) {
    process.kill(-driver.pid!, 'SIGTERM');
    throw new Error(`WebKit did not start: ${session.value.message}`);
  }
  const { browserName, browserVersion } = session.value.capabilities ?? { browserName: 'MiniBrowser', browserVersion: '?' };
  const page = new WebKitPage(`${url}/session/${session.value.sessionId}`, driver, `WebKitGTK ${browserName} ${browserVersion}`);
  const post = (path: string, body: unknown) =>
    fetch(`${url}/session/${session.value.sessionId}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/window/rect', { width: 1100, height: 800 });
  // Scripts wait for models (the suite polls with its own limits; the bench runs a VGG16 for minutes).
  await post('/timeouts', { script: 600_000 });
  return page;
}

export type { WebKitPage };
